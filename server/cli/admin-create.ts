// `npm run admin:create -- --email you@example.org --password '…' [--name 'Your Name']`
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { databaseFile } from '../env';
import { AppError } from '../errors';
import { createAdminAccount } from '../services/accounts';

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});

async function main() {
  if (!values.email || !values.password) {
    console.error("Usage: npm run admin:create -- --email you@example.org --password '<at least 10 characters>' [--name 'Your Name']");
    process.exit(2);
  }
  const db = openDatabase(databaseFile());
  try {
    migrateDatabase(db);
    const user = await createAdminAccount(db, { email: values.email, password: values.password, name: values.name });
    console.log(`Created platform admin ${user.email} (id ${user.id}). Sign in at /signin.`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `${error.field ? `${error.field}: ` : ''}${error.message}` : error);
  process.exit(1);
});
