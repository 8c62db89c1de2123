import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** A case-insensitive "contains" over any of the columns; %, _ and \ in the query match themselves. */
export function containsAny(query: string, columns: AnySQLiteColumn[]): SQL {
  const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql.join(
    columns.map((c) => sql`lower(coalesce(${c}, '')) like ${pattern} escape '\\'`),
    sql` or `,
  );
}
