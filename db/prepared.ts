import { Column, is, sql, type SQL } from 'drizzle-orm';
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

/** A prepared select: its rows as drizzle maps them, or as the driver's arrays of cells. */
type RowQuery<Row> = {
  all(placeholders?: Record<string, unknown>): Row[];
  values(placeholders?: Record<string, unknown>): unknown[][];
};

type Decoder = Pick<Column, 'mapFromDriverValue'>;
const decodersOf = new WeakMap<object, { keys: string[]; decoders: Decoder[] }>();

/**
 * What `query.all(placeholders)` answers, for a select of `columns` (the very object given to
 * `select()`; columns only, no nested objects). drizzle maps every cell through generic checks
 * (`is()` against four classes, a path walk); for the few reads that fetch rows by the hundred on
 * every request (a large lab's timeline) that was a third of their time. Here each cell goes
 * through its column's own decoder, found once per select.
 */
export function allRows<Row>(query: RowQuery<Row>, columns: Record<string, Column>, placeholders: Record<string, unknown>): Row[] {
  let mapping = decodersOf.get(columns);
  if (!mapping) {
    const entries = Object.entries(columns);
    if (!entries.every(([, c]) => is(c, Column))) throw new Error('allRows maps columns only');
    decodersOf.set(columns, (mapping = { keys: entries.map(([k]) => k), decoders: entries.map(([, c]) => c) }));
  }
  const { keys, decoders } = mapping;
  // drizzle lists a flat select's columns in the order of the object's keys.
  return query.values(placeholders).map((cells) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const cell = cells[i];
      row[keys[i]!] = cell === null ? null : decoders[i]!.mapFromDriverValue(cell);
    }
    return row as Row;
  });
}

/**
 * A list of ids as one placeholder of a prepared query: `inArray(column, idsIn('labIds'))` with
 * `{ labIds: idList(ids) }`. SQLite reads the JSON array with json_each, so the query's text is
 * the same for any number of ids (an `in (?, ?, …)` list would be another statement per length).
 */
export function idsIn(placeholder: string): SQL {
  return sql`(select value from json_each(${sql.placeholder(placeholder)}))`;
}

export function idList(ids: readonly number[]): string {
  return JSON.stringify(ids);
}
