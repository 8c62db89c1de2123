import { LRUCache } from 'lru-cache';
import type { DbOrTx } from './client';

// drizzle builds a query's SQL text from its builder on every call; on the hottest lookups (the
// session's user, a lab and the caller's role in it, the audit event every change writes) that was
// a fifth of a request's CPU time (issue 9, docs/decisions/015). A prepared query is built once per
// connection and run with placeholder values.

/** Prepared queries per connection, a bounded number each (the app names a few dozen). */
const kept = new WeakMap<object, LRUCache<string, object>>();
const QUERIES_PER_CONNECTION = 256;

/**
 * The connection's session: a database handle and every transaction opened on it share one, so a
 * query prepared on either runs on the same connection, inside the transaction when one is open.
 */
function sessionOf(db: DbOrTx): object {
  return (db as unknown as { session?: object }).session ?? db;
}

/** The prepared query `build` makes, built on first use and kept for the handle's connection. */
export function prepared<T>(db: DbOrTx, key: string, build: (db: DbOrTx) => T): T {
  const session = sessionOf(db);
  let forSession = kept.get(session);
  if (!forSession) kept.set(session, (forSession = new LRUCache({ max: QUERIES_PER_CONNECTION })));
  let query = forSession.get(key) as T | undefined;
  if (query === undefined) forSession.set(key, (query = build(db)) as object);
  return query;
}
