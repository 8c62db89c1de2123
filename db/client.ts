import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The transaction handle drizzle passes to `db.transaction(tx => …)`; services accept either. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
export type DbOrTx = DB | Tx;

/**
 * Opens a connection with the pragmas every connection needs (see docs/decisions/002):
 * WAL so readers never wait for the writer, synchronous=NORMAL (durable across process crashes),
 * foreign keys enforced, and a busy timeout instead of immediate SQLITE_BUSY errors.
 */
export function openConnection(file: string | Buffer): Database.Database {
  if (typeof file === 'string' && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** What drizzle tells a logger: every query it runs, with its parameters (the benchmark's capture). */
export type QueryLogger = { logQuery(query: string, params: unknown[]): void };

export function openDatabase(file: string | Buffer, options: { logger?: QueryLogger } = {}): DB {
  return drizzle(openConnection(file), { schema, logger: options.logger }) as DB;
}

/** Another drizzle handle on the same connection, whose queries go to `logger` as well. */
export function loggingDatabase(db: DB, logger: QueryLogger): DB {
  return drizzle(db.$client, { schema, logger }) as DB;
}
