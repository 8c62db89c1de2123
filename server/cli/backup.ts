// `npm run backup -- <file>`: an online backup of the database, safe while the server runs.
import { databaseFile } from '../env';
import { backupDatabase } from '../services/backup';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run backup -- <backup-file.db>');
  process.exit(2);
}

backupDatabase(databaseFile(), target)
  .then((check) => {
    const rows = Object.values(check.tables).reduce((a, b) => a + b, 0);
    console.log(`Backup written to ${target}: integrity ${check.integrity}, ${Object.keys(check.tables).length} tables, ${rows} rows.`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
