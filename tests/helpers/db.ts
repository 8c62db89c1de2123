import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { openDatabase, type DB } from '@/db/client';
import { DEMO_PASSWORD } from '@/server/cli/demo/demo-data';
import { migrateDatabase } from '@/db/migrate';
import { labs, users } from '@/db/schema';
import { seedDemoData } from '@/server/cli/demo/seed';
import type { SessionUser } from '@/server/auth';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import type { Locale } from '@/common/enums';
import { hashPassword } from '@/server/password';

/** The day the test database believes is today; demo dates are relative to it. */
export const TEST_TODAY = '2026-06-15';
/** Noon of TEST_TODAY in Beijing, where the demo labs work: an instant for services that take the clock. */
export const TEST_NOW = new Date(`${TEST_TODAY}T04:00:00.000Z`);

let template: Buffer | undefined;

/**
 * A fresh database for one test: migrated from drizzle/ and seeded once per test file, then
 * copied from that in-memory template (fast, and no test sees another's writes).
 */
export async function freshDb(options: { seed?: boolean } = {}): Promise<DB> {
  if (options.seed === false) {
    const db = openDatabase(':memory:');
    migrateDatabase(db);
    return db;
  }
  if (!template) {
    const db = openDatabase(':memory:');
    migrateDatabase(db);
    await seedDemoData(db, { today: TEST_TODAY, passwordHash: await hashPassword(DEMO_PASSWORD) });
    template = db.$client.serialize();
    db.$client.close();
  }
  return openDatabase(template);
}

export function sessionUser(db: DB, email: string): SessionUser {
  const u = db.select().from(users).where(eq(users.email, email)).get();
  if (!u) throw new Error(`no user ${email}`);
  return { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, organisationId: u.organisationId, locale: u.locale, timeZone: u.timeZone };
}

/** A tRPC caller acting as the given demo account, or anonymously with null. */
export function callerAs(db: DB, email: string | null, locale: Locale = 'en') {
  return createCaller(createContext({ db, user: email ? sessionUser(db, email) : null, locale }));
}

export function labIdOf(db: DB, slug: string): number {
  const lab = db.select({ id: labs.id }).from(labs).where(eq(labs.slug, slug)).get();
  if (!lab) throw new Error(`no lab ${slug}`);
  return lab.id;
}

/** Row counts of every table: a refused call must leave all of them as they were. */
export function tableCounts(db: DB): Record<string, number> {
  const tables = db.$client
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`)
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
  );
}

/** The tRPC error code a call ends with, or 'OK'; anything that is not a tRPC error is rethrown. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}
