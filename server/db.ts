import { databaseFile } from './env';
import { openDatabase, type DB } from '../db/client';

export type { DB, DbOrTx, Tx } from '../db/client';

let connection: DB | undefined;

/**
 * This module's connection to the app's database (the file `DATABASE_URL` names), opened on first
 * use, never at build time. `db/` knows no configuration: it opens the file it is given.
 * Next.js instantiates the module once per bundle layer (route handlers, server components), so a
 * server process holds one or two connections: every transaction is a synchronous callback, so
 * they never wait on each other within the process, and each drizzle instance maps the columns of
 * its own copy of the schema.
 */
export function getDb(): DB {
  connection ??= openDatabase(databaseFile());
  return connection;
}
