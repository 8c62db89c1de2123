// `npm run db:migrate`: apply pending migrations (and seed an empty database unless SEED_DEMO=0).
import { prepareDatabase } from './prepare';

prepareDatabase()
  .then(({ file, seeded }) => console.log(`Migrated ${file}${seeded ? ' and loaded the demo data' : ''}.`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
