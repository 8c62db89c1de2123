import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { databaseFile } from '../server/env';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The transaction handle drizzle passes to `db.transaction(tx => …)`; services accept either. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
export type DbOrTx = DB | Tx;

/**
 * Opens a database with the pragmas every connection needs (see docs/decisions/002):
 * WAL so readers never wait for the writer, synchronous=NORMAL (durable across process crashes),
 * foreign keys enforced, and a busy timeout instead of immediate SQLITE_BUSY errors.
 */
export function openDatabase(file: string | Buffer): DB {
  if (typeof file === 'string' && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema }) as DB;
}

const globalForDb = globalThis as unknown as { consortiumDb?: DB };

/** The process-wide connection: one writer per process, opened on first use (never at build time). */
export function getDb(): DB {
  globalForDb.consortiumDb ??= openDatabase(databaseFile());
  return globalForDb.consortiumDb;
}
