import { openDatabase } from '@/db/client';
import { DEMO_PASSWORD, demoUsers } from './demo/demo-data';
import { migrateDatabase } from '@/db/migrate';
import { isDatabaseEmpty, seedDemoData } from './demo/seed';
import { databaseFile, env } from '../env';

/** Migrates the database and, on first start, loads the demo data. Returns what it did. */
export async function prepareDatabase(): Promise<{ file: string; seeded: boolean; hasDemo: boolean }> {
  const file = databaseFile();
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    let seeded = false;
    if (env().SEED_DEMO === '1' && isDatabaseEmpty(db)) {
      await seedDemoData(db);
      seeded = true;
    }
    const hasDemo = db.$client.prepare(`select 1 from users where email = ?`).get(demoUsers[0]!.email) !== undefined;
    return { file, seeded, hasDemo };
  } finally {
    db.$client.close();
  }
}

export function demoAccountsText(): string {
  const lines = demoUsers.map((u) => `    ${u.email.padEnd(24)} ${u.isAdmin ? 'platform admin' : u.name}`);
  return [`  Demo accounts (password: ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
