// Net changes of records over a run of audit events: for each record and field, the value before
// the first change and after the last one. Pure; the status report reads milestones through it.

export type FieldChange = { from: unknown; to: unknown };

export type AuditChange = {
  entityId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * `events` oldest first. Only fields present on both sides of an event count (a creation has no
 * "before", a deletion no "after"); a field that ends where it started is left out.
 */
export function netFieldChanges(events: readonly AuditChange[], fields: readonly string[]): Map<number, Record<string, FieldChange>> {
  const changes = new Map<number, Record<string, FieldChange>>();
  for (const event of events) {
    if (event.entityId === null || !event.before || !event.after) continue;
    for (const field of fields) {
      if (!(field in event.before) || !(field in event.after)) continue;
      const record = changes.get(event.entityId) ?? {};
      record[field] = { from: record[field] ? record[field].from : event.before[field], to: event.after[field] };
      changes.set(event.entityId, record);
    }
  }
  for (const [id, record] of changes) {
    for (const field of Object.keys(record))
      if (JSON.stringify(record[field]!.from) === JSON.stringify(record[field]!.to)) delete record[field];
    if (Object.keys(record).length === 0) changes.delete(id);
  }
  return changes;
}

/**
 * What fields were at an instant, from the events after it (oldest first): for each record and
 * field, the "before" of the first later event that changed it. A field no later event touched is
 * absent: it still has the value it has now.
 */
export function valuesBefore(laterEvents: readonly AuditChange[], fields: readonly string[]): Map<number, Record<string, unknown>> {
  const values = new Map<number, Record<string, unknown>>();
  for (const event of laterEvents) {
    if (event.entityId === null || !event.before || !event.after) continue;
    const record = values.get(event.entityId) ?? {};
    for (const field of fields) if (field in event.before && field in event.after && !(field in record)) record[field] = event.before[field];
    values.set(event.entityId, record);
  }
  return values;
}
