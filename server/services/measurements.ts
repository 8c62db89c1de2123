import { and, eq, ne, sql } from 'drizzle-orm';
import type { DB, DbOrTx } from '@/db/client';
import { goals, measurements } from '@/db/schema';
import type { SessionUser } from './actor';
import { labToday } from '../domain/working-day';
import { valueFitsUnit } from '../domain/goal-units';
import { unitRangeMessage, type RecordMeasurementInput, type UpdateMeasurementInput } from '../domain/goal-inputs';
import { forbidden, notFound, refuseProblems, staleVersion, type FieldProblem } from '../errors';
import { canEditLab, requireLabAccess, type LabStanding } from './access';
import { changedFields, recordAudit } from './audit';
import { goalOfLab } from './goals';
import { publicLabChanged } from './public-cache';
import { updateVersioned } from './versioning';

// Members and managers record where a goal's metric stands (a check-in). Members edit and delete
// their own measurements, managers any; the audit log keeps every earlier value. On a public goal
// the value and date a member writes are public at once, a source they name only once a manager
// approves it or when the public already reads it on that goal (decision 017).

type Goal = typeof goals.$inferSelect;
type Measurement = typeof measurements.$inferSelect;
type MeasurementFields = Pick<Measurement, 'value' | 'asOf' | 'source' | 'sourceUrl' | 'comment'>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The rules a measurement must meet for its goal, every one reported next to its field. Tolerant of
 * raw form data too (a value as typed, a date that may not be one), so the procedures can say these
 * alongside what the schema refused (alsoChecking): what cannot be read is left to the schema.
 */
export function measurementProblems(
  goal: Pick<Goal, 'unit' | 'baselineDate'>,
  m: { value?: unknown; asOf?: unknown; source?: unknown; sourceUrl?: unknown },
  latestAsOf: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const value = typeof m.value === 'string' && m.value.trim() !== '' ? Number(m.value.trim()) : m.value;
  if (typeof value === 'number' && Number.isFinite(value) && !valueFitsUnit(goal.unit, value))
    problems.push({ field: 'value', key: unitRangeMessage(goal.unit) });
  const asOf = typeof m.asOf === 'string' ? m.asOf.trim() : null;
  if (asOf && ISO_DATE.test(asOf)) {
    if (asOf > latestAsOf) problems.push({ field: 'asOf', key: 'goals.validation.asOfInFuture' });
    else if (asOf < goal.baselineDate) problems.push({ field: 'asOf', key: 'goals.validation.asOfBeforeBaseline', params: { date: goal.baselineDate } });
  }
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  if (blank(m.source) && blank(m.sourceUrl)) problems.push({ field: 'source', key: 'goals.validation.sourceRequired' });
  return problems;
}

/** The goal a measurement input is about, if the raw input names one of the lab's: by goal, or by the measurement. */
export function goalOfMeasurementInput(db: DbOrTx, labId: number, raw: Record<string, unknown>): Goal | null {
  const id = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
  const goalId = id(raw.goalId);
  if (goalId) return db.select().from(goals).where(and(eq(goals.id, goalId), eq(goals.labId, labId))).get() ?? null;
  const measurementId = id(raw.measurementId);
  if (!measurementId) return null;
  return (
    db
      .select({ goal: goals })
      .from(measurements)
      .innerJoin(goals, eq(goals.id, measurements.goalId))
      .where(and(eq(measurements.id, measurementId), eq(goals.labId, labId)))
      .get()?.goal ?? null
  );
}

function checkMeasurement(goal: Goal, m: MeasurementFields, latestAsOf: string) {
  refuseProblems(measurementProblems(goal, m, latestAsOf));
}

type SourcePublication = Pick<Measurement, 'sourceAwaitingApproval' | 'publishedSource'>;

/** The public sees the source as it is. */
export const SOURCE_APPROVED: SourcePublication = { sourceAwaitingApproval: false, publishedSource: null };

/** Whether the public already reads this source on another measurement of the goal: a manager let it through there. */
function sourceShownOnGoal(db: DbOrTx, goalId: number, source: string, exceptId: number | null): boolean {
  const shown = sql`case when ${measurements.sourceAwaitingApproval} then ${measurements.publishedSource} else ${measurements.source} end`;
  return Boolean(
    db
      .select({ id: measurements.id })
      .from(measurements)
      .where(and(eq(measurements.goalId, goalId), sql`${shown} = ${source}`, exceptId === null ? undefined : ne(measurements.id, exceptId)))
      .limit(1)
      .get(),
  );
}

/**
 * What the public sees of a measurement's source once it is written. A manager's own source is
 * public with the goal; anyone else's text on a public goal waits for a manager, while the public
 * keeps the source it saw (or none) — unless the public already reads that same source on the
 * goal (the usual monthly figure from the usual report). Taking the source away is shown at once.
 */
function sourcePublicationAfter(
  db: DbOrTx,
  role: LabStanding,
  goal: Goal,
  before: Measurement | null,
  source: string | null,
): SourcePublication {
  if (canEditLab(role) || !goal.isPublic) return SOURCE_APPROVED;
  const shown = before ? (before.sourceAwaitingApproval ? before.publishedSource : before.source) : null;
  if (source === null || source === shown || sourceShownOnGoal(db, goal.id, source, before?.id ?? null)) return SOURCE_APPROVED;
  return { sourceAwaitingApproval: true, publishedSource: shown };
}

function snapshot(m: Measurement) {
  return {
    goalId: m.goalId,
    value: m.value,
    asOf: m.asOf,
    source: m.source,
    sourceUrl: m.sourceUrl,
    comment: m.comment,
    recordedById: m.recordedById,
    ...(m.sourceAwaitingApproval ? { sourceAwaitingApproval: true } : {}),
  };
}

/**
 * Records a measurement of a goal (members, managers, admins). The one way a check-in is written:
 * the goal page and the workspace's quick-progress form both call it.
 */
export function recordMeasurement(db: DB, user: SessionUser, input: RecordMeasurementInput, now: Date = new Date()) {
  const { lab, role } = requireLabAccess(db, user, input.labId, 'member');
  const latestAsOf = labToday(lab, now);
  const { labId, goalId, ...fields } = input;
  const row = db.transaction((tx) => {
    const goal = goalOfLab(tx, labId, goalId);
    checkMeasurement(goal, fields, latestAsOf);
    const row = tx
      .insert(measurements)
      .values({ ...fields, goalId, recordedById: user.id, ...sourcePublicationAfter(tx, role, goal, null, fields.source) })
      .returning()
      .get();
    recordAudit(tx, { labId, actorId: user.id, action: 'created', entityType: 'measurement', entityId: row.id, after: snapshot(row) });
    return row;
  });
  publicLabChanged(lab.slug);
  return { id: row.id, goalId, sourceAwaitingApproval: row.sourceAwaitingApproval };
}

/** A measurement of one of the lab's goals that the caller may change: their own, or any for a manager. */
function editableMeasurement(db: DbOrTx, user: SessionUser, role: LabStanding, labId: number, measurementId: number) {
  const found = db
    .select({ measurement: measurements, goal: goals })
    .from(measurements)
    .innerJoin(goals, eq(goals.id, measurements.goalId))
    .where(and(eq(measurements.id, measurementId), eq(goals.labId, labId)))
    .get();
  if (!found) throw notFound();
  if (!canEditLab(role) && found.measurement.recordedById !== user.id) throw forbidden();
  return found;
}

export function updateMeasurement(db: DB, user: SessionUser, input: UpdateMeasurementInput, now: Date = new Date()) {
  const { lab, role } = requireLabAccess(db, user, input.labId, 'member');
  const latestAsOf = labToday(lab, now);
  const { labId, measurementId, version, ...fields } = input;
  const goalId = db.transaction((tx) => {
    const { measurement, goal } = editableMeasurement(tx, user, role, labId, measurementId);
    if (measurement.version !== version) throw staleVersion();
    checkMeasurement(goal, fields, latestAsOf);
    const publication = sourcePublicationAfter(tx, role, goal, measurement, fields.source);
    updateVersioned(tx, measurements, measurementId, version, { ...fields, ...publication });
    const diff = changedFields(measurement as Record<string, unknown>, {
      ...fields,
      sourceAwaitingApproval: publication.sourceAwaitingApproval,
    });
    if (diff.changed) {
      recordAudit(tx, {
        labId,
        actorId: user.id,
        action: 'updated',
        entityType: 'measurement',
        entityId: measurementId,
        before: diff.before,
        after: diff.after,
      });
    }
    return { goalId: goal.id, sourceAwaitingApproval: publication.sourceAwaitingApproval };
  });
  publicLabChanged(lab.slug);
  return { id: measurementId, ...goalId };
}

/** A manager approves the source a member wrote on a public goal: the public sees it from now on. */
export function publishMeasurementSource(db: DB, user: SessionUser, input: { labId: number; measurementId: number; version: number }) {
  const { lab } = requireLabAccess(db, user, input.labId, 'manager');
  const result = db.transaction((tx) => {
    const { measurement, goal } = editableMeasurement(tx, user, 'manager', input.labId, input.measurementId);
    if (measurement.version !== input.version) throw staleVersion();
    if (!measurement.sourceAwaitingApproval) return { id: measurement.id, goalId: goal.id, version: measurement.version };
    updateVersioned(tx, measurements, measurement.id, input.version, SOURCE_APPROVED);
    recordAudit(tx, {
      labId: input.labId,
      actorId: user.id,
      action: 'published',
      entityType: 'measurement',
      entityId: measurement.id,
      before: { sourceAwaitingApproval: true, publishedSource: measurement.publishedSource },
      after: { sourceAwaitingApproval: false, source: measurement.source },
    });
    return { id: measurement.id, goalId: goal.id, version: measurement.version + 1 };
  });
  publicLabChanged(lab.slug);
  return result;
}

export function deleteMeasurement(db: DB, user: SessionUser, input: { labId: number; measurementId: number; version: number }) {
  const { lab, role } = requireLabAccess(db, user, input.labId, 'member');
  const goalId = db.transaction((tx) => {
    const { measurement, goal } = editableMeasurement(tx, user, role, input.labId, input.measurementId);
    if (measurement.version !== input.version) throw staleVersion();
    tx.delete(measurements).where(eq(measurements.id, measurement.id)).run();
    recordAudit(tx, {
      labId: input.labId,
      actorId: user.id,
      action: 'deleted',
      entityType: 'measurement',
      entityId: measurement.id,
      before: snapshot(measurement),
    });
    return goal.id;
  });
  publicLabChanged(lab.slug);
  return { id: input.measurementId, goalId };
}
