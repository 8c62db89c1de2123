import { sql, type SQL } from 'drizzle-orm';
import { check, integer, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch; set by the database so every writer agrees on the clock. */
const nowMs = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;

export const timestamps = {
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(nowMs),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(nowMs)
    .$onUpdate(() => new Date()),
};

export const createdAt = { createdAt: timestamps.createdAt };

/** Optimistic concurrency: every edit states the version it started from and bumps it. */
export const version = { version: integer('version').notNull().default(1) };

function quoted(values: readonly string[]): SQL {
  return sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '));
}

export function oneOf(name: string, column: AnySQLiteColumn, values: readonly string[]) {
  return check(name, sql`${column} in (${quoted(values)})`);
}

/** Calendar dates are stored as ISO text (YYYY-MM-DD): sortable, timezone-free, readable. */
export function isoDate(name: string, column: AnySQLiteColumn) {
  return check(name, sql`${column} is null or (length(${column}) = 10 and date(${column}) = ${column})`);
}
