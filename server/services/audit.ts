import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { auditEvents } from '@/db/schema';

export type AuditInput = {
  labId: number | null;
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Call inside the transaction that makes the change, so the event and the change commit together. */
export function recordAudit(tx: DbOrTx, event: AuditInput): void {
  const insert = prepared(tx, 'recordAudit', (d) =>
    d
      .insert(auditEvents)
      .values({
        labId: sql.placeholder('labId'),
        actorId: sql.placeholder('actorId'),
        action: sql.placeholder('action'),
        entityType: sql.placeholder('entityType'),
        entityId: sql.placeholder('entityId'),
        before: sql.placeholder('before'),
        after: sql.placeholder('after'),
      })
      .prepare(),
  );
  insert.run({ ...event, before: event.before ?? null, after: event.after ?? null });
}

/** The fields that differ between two versions of a record, as the before/after pair of an event. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'version' || key === 'updatedAt') continue;
    const next = after[key];
    if (next !== undefined && JSON.stringify(before[key]) !== JSON.stringify(next)) {
      b[key] = before[key];
      a[key] = next;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
