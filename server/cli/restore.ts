// `npm run restore -- <file>`: replace the database with a backup. Stop the server first.
import { databaseFile, pageCacheFile } from '../env';
import { restoreDatabase } from '../services/backup';

const source = process.argv[2];
if (!source) {
  console.error('Usage: npm run restore -- <backup-file.db>   (stop the server first)');
  process.exit(2);
}

restoreDatabase(source, databaseFile(), pageCacheFile())
  .then((check) => console.log(`Restored ${databaseFile()} from ${source}: integrity ${check.integrity}.`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
