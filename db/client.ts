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

export function openDatabase(file: string | Buffer): DB {
  return drizzle(openConnection(file), { schema }) as DB;
}

const globalForDb = globalThis as unknown as { consortiumSqlite?: Database.Database };
let bundleDb: DB | undefined;

/**
 * The process-wide connection: one writer per process, opened on first use (never at build time).
 * The SQLite connection is shared through globalThis; the drizzle wrapper is made once per copy of
 * this module. Next.js bundles drizzle and the schema into each route separately, and a drizzle
 * instance from one bundle mapping the columns of another's schema takes a slow path on every
 * value it reads (a tenth of a large timeline's CPU time, issue 9).
 */
export function getDb(): DB {
  globalForDb.consortiumSqlite ??= openConnection(databaseFile());
  bundleDb ??= drizzle(globalForDb.consortiumSqlite, { schema }) as DB;
  return bundleDb;
}
