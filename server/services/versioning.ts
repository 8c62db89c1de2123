import { and, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { notFound, staleVersion } from '../errors';

type Versioned = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn };

/**
 * Saves `patch` only if the record is still at the version the editor started from, and bumps the
 * version. Someone else's save in between makes this throw CONFLICT (errors.staleVersion), so
 * no edit is ever silently lost. Call inside the transaction that also writes the audit event.
 */
export function updateVersioned<T extends Versioned>(
  tx: DbOrTx,
  table: T,
  id: number,
  expectedVersion: number,
  patch: Partial<T['$inferInsert']>,
) {
  const result = tx
    .update(table)
    .set({ ...patch, version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .run();
  if (result.changes === 1) return;
  const exists = tx
    .select({ id: table.id })
    .from(table as SQLiteTable)
    .where(eq(table.id, id))
    .get();
  throw exists ? staleVersion() : notFound();
}
