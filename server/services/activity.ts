import { and, count, desc, eq, gt, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  auditEvents,
  goals,
  invitations,
  measurements,
  memberships,
  milestones,
  organisations,
  participations,
  progressUpdates,
  users,
} from '@/db/schema';
import { REFERENCE_FIELDS, type ReferenceNames } from '../domain/audit-fields';
import { addDays } from '../domain/dates';
import type { Locale } from '@/common/enums';
import { markdownToText } from '../domain/markdown';
import { invalidField } from '../errors';
import { roleAtLeast, type Lab, type LabStanding } from './access';
import { localizedName } from '../domain/names';
import { startOfDayIn } from '../domain/working-day';

// The audit events of a lab, read two ways: as a readable activity feed for everyone in the lab,
// and as the full audit log (with every before/after value) for managers. The feed names records
// and shows some of their values, so it applies each record's own visibility rule: an event about
// a record the reader may not read is not in their feed, nor counted, nor offered as a filter.

/**
 * Who reads the history: 'audit' for the full log (its procedures and download are for managers),
 * or one reader of the activity feed with their standing in the lab.
 */
export type HistoryReader = 'audit' | { userId: number; role: LabStanding };

/** The events a reader may see; managers and admins read every record of their lab. */
function readableBy(reader: HistoryReader): SQL[] {
  if (reader === 'audit' || roleAtLeast(reader.role, 'manager')) return [];
  return [
    // Invitations (addresses and roles) are for managers: invitation.list is theirs alone.
    ne(auditEvents.entityType, 'invitation'),
    // A hidden update is withdrawn from everyone but managers, its history too (services/updates.ts).
    sql`not (${auditEvents.entityType} = 'progress_update' and exists (select 1 from ${progressUpdates} where ${progressUpdates.id} = ${auditEvents.entityId} and ${progressUpdates.hiddenAt} is not null))`,
    // A calendar URL is its owner's own business.
    or(ne(auditEvents.entityType, 'calendar_token'), eq(auditEvents.actorId, reader.userId))!,
  ];
}

export type AuditFilters = {
  actorId?: number;
  entityType?: string;
  /** Inclusive calendar dates (YYYY-MM-DD) of the lab's time zone. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
  /** Only events strictly after this instant ("since my last visit"). */
  since?: Date;
  /** Leave out one person's own events. */
  notActorId?: number;
};

export type AuditEntry = {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: number | null;
  entityLabel: string | null;
  actor: { id: number; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Filters from a page or download URL (`?person=&kind=&from=&to=&cursor=`); anything malformed is
 * ignored rather than refused, so a hand-edited URL still shows the unfiltered history.
 */
export function auditFiltersFromSearch(query: Record<string, string | string[] | undefined>): AuditFilters {
  const str = (k: string) => (typeof query[k] === 'string' && query[k] ? (query[k] as string) : undefined);
  const person = Number(str('person'));
  const kind = str('kind');
  const from = str('from');
  const to = str('to');
  const cursor = str('cursor');
  return {
    actorId: Number.isInteger(person) && person > 0 ? person : undefined,
    entityType: kind && /^[a-z_]{1,40}$/.test(kind) ? kind : undefined,
    from: from && ISO_DATE.test(from) ? from : undefined,
    to: to && ISO_DATE.test(to) ? to : undefined,
    cursor: cursor && /^\d{1,12}$/.test(cursor) ? cursor : undefined,
  };
}

/** The lab whose history is read: its id, and the time zone whose days the date filters mean. */
type HistoryLab = Pick<Lab, 'id' | 'timeZone'>;

function conditions(lab: HistoryLab, filters: AuditFilters, reader: HistoryReader): SQL[] {
  const where: SQL[] = [eq(auditEvents.labId, lab.id), ...readableBy(reader)];
  if (filters.actorId) where.push(eq(auditEvents.actorId, filters.actorId));
  if (filters.entityType) where.push(eq(auditEvents.entityType, filters.entityType));
  // The days of the lab's calendar, as its timeline and report count them (decision 024).
  if (filters.from) where.push(gte(auditEvents.createdAt, startOfDayIn(lab.timeZone, filters.from)));
  if (filters.to) where.push(lt(auditEvents.createdAt, startOfDayIn(lab.timeZone, addDays(filters.to, 1))));
  if (filters.from && filters.to && filters.to < filters.from) throw invalidField('to', 'activity.errors.toBeforeFrom');
  if (filters.since) where.push(gt(auditEvents.createdAt, filters.since));
  if (filters.notActorId) where.push(or(isNull(auditEvents.actorId), ne(auditEvents.actorId, filters.notActorId))!);
  return where;
}

/** How many events of a lab match the filters (the cursor and limit are ignored). */
export function countAuditEvents(db: DbOrTx, lab: HistoryLab, reader: HistoryReader, filters: AuditFilters = {}): number {
  return (
    db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(...conditions(lab, filters, reader)))
      .get()?.n ?? 0
  );
}

/**
 * Events of a lab that the reader may see, newest first; the cursor is the id of the last event on
 * the previous page. Records are named in the reader's language (`locale`) where they have a Chinese name.
 */
export function listAuditEvents(db: DbOrTx, lab: Lab, reader: HistoryReader, filters: AuditFilters = {}, locale: Locale = 'en') {
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 500);
  const where = conditions(lab, filters, reader);
  if (filters.cursor) {
    if (!/^\d{1,12}$/.test(filters.cursor)) throw invalidField('cursor', 'validation.invalid');
    where.push(lt(auditEvents.id, Number(filters.cursor)));
  }
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.createdAt,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      actorId: auditEvents.actorId,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const labels = entityLabels(db, lab, page, locale);
  const entries: AuditEntry[] = page.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityLabel: labels.get(`${r.entityType}:${r.entityId}`) ?? labelFromValues(r.after) ?? labelFromValues(r.before),
    actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
  // The full log names the records its values refer to by id; the feed shows no such values.
  const names = reader === 'audit' ? referenceNames(db, lab, page, locale) : {};
  return { entries, names, nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
}

/**
 * The names of the records that events' values refer to by id (an owner organisation, a
 * predecessor, a person), by `kind:id`, for a manager's audit log: milestones, goals and
 * invitations of this lab only, people who belong or belonged to it (members, and anyone whose
 * action is in its log), any organisation (the directory names them all). An id not found here
 * (a deleted record, another lab's) stays unnamed.
 */
function referenceNames(
  db: DbOrTx,
  lab: Lab,
  events: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[],
  locale: Locale,
): ReferenceNames {
  const wanted: Record<string, Set<number>> = {};
  const want = (kind: string, v: unknown) => {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) (wanted[kind] ??= new Set()).add(v);
  };
  const visit = (values: Record<string, unknown> | null) => {
    if (!values) return;
    for (const [field, v] of Object.entries(values)) {
      const kind = REFERENCE_FIELDS[field];
      if (kind) for (const id of Array.isArray(v) ? v : [v]) want(kind, id);
      else if (v && typeof v === 'object' && !Array.isArray(v)) visit(v as Record<string, unknown>);
    }
  };
  for (const e of events) {
    visit(e.before);
    visit(e.after);
  }
  const names: Record<string, string> = {};
  const ids = (kind: string) => [...(wanted[kind] ?? [])];
  const put = (kind: string, rows: { id: number; name: string; nameZh?: string | null }[]) => {
    for (const r of rows) names[`${kind}:${r.id}`] = localizedName(locale, r.name, r.nameZh);
  };
  if (ids('organisation').length)
    put(
      'organisation',
      db
        .select({ id: organisations.id, name: organisations.nameEn, nameZh: organisations.nameZh })
        .from(organisations)
        .where(inArray(organisations.id, ids('organisation')))
        .all(),
    );
  if (ids('milestone').length)
    put(
      'milestone',
      db
        .select({ id: milestones.id, name: milestones.title })
        .from(milestones)
        .where(and(eq(milestones.labId, lab.id), inArray(milestones.id, ids('milestone'))))
        .all(),
    );
  if (ids('goal').length)
    put(
      'goal',
      db
        .select({ id: goals.id, name: goals.titleEn, nameZh: goals.titleZh })
        .from(goals)
        .where(and(eq(goals.labId, lab.id), inArray(goals.id, ids('goal'))))
        .all(),
    );
  if (ids('invitation').length)
    put(
      'invitation',
      db
        .select({ id: invitations.id, name: invitations.email })
        .from(invitations)
        .where(and(eq(invitations.labId, lab.id), inArray(invitations.id, ids('invitation'))))
        .all(),
    );
  if (ids('user').length)
    put(
      'user',
      db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(
          and(
            inArray(users.id, ids('user')),
            or(
              sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${users.id} and ${memberships.labId} = ${lab.id})`,
              sql`exists (select 1 from ${auditEvents} where ${auditEvents.actorId} = ${users.id} and ${auditEvents.labId} = ${lab.id})`,
            ),
          ),
        )
        .all(),
    );
  if (wanted.lab?.has(lab.id)) names[`lab:${lab.id}`] = localizedName(locale, lab.nameEn, lab.nameZh);
  return names;
}

/** The people and kinds of record that appear in the part of a lab's history the reader may see, for the filters. */
export function auditFilterOptions(db: DbOrTx, labId: number, reader: HistoryReader) {
  const where = and(eq(auditEvents.labId, labId), ...readableBy(reader));
  return {
    actors: db
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(users.name)
      .all(),
    entityTypes: db
      .selectDistinct({ type: auditEvents.entityType })
      .from(auditEvents)
      .where(where)
      .orderBy(auditEvents.entityType)
      .all()
      .map((r) => r.type),
  };
}

function labelFromValues(values: Record<string, unknown> | null | undefined): string | null {
  if (!values) return null;
  for (const key of ['title', 'titleEn', 'name', 'nameEn', 'email', 'slug']) {
    const v = values[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  if (typeof values.body === 'string') return excerpt(markdownToText(values.body));
  return null;
}

function excerpt(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What each event is about, in words: the current title of the record, looked up in one query per kind. */
function entityLabels(
  db: DbOrTx,
  lab: Lab,
  events: { entityType: string; entityId: number | null }[],
  locale: Locale,
): Map<string, string> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.entityType === type && e.entityId !== null).map((e) => e.entityId!))];
  const labels = new Map<string, string>();
  const put = (type: string, rows: { id: number; label: string | null; labelZh?: string | null }[]) => {
    for (const r of rows) if (r.label) labels.set(`${type}:${r.id}`, localizedName(locale, r.label, r.labelZh));
  };
  const milestoneIds = ids('milestone');
  if (milestoneIds.length)
    put(
      'milestone',
      db
        .select({ id: milestones.id, label: milestones.title })
        .from(milestones)
        .where(and(eq(milestones.labId, lab.id), inArray(milestones.id, milestoneIds)))
        .all(),
    );
  const goalIds = ids('goal');
  if (goalIds.length)
    put(
      'goal',
      db
        .select({ id: goals.id, label: goals.titleEn, labelZh: goals.titleZh })
        .from(goals)
        .where(and(eq(goals.labId, lab.id), inArray(goals.id, goalIds)))
        .all(),
    );
  const measurementIds = ids('measurement');
  if (measurementIds.length)
    put(
      'measurement',
      db
        .select({ id: measurements.id, label: goals.titleEn, labelZh: goals.titleZh })
        .from(measurements)
        .innerJoin(goals, eq(goals.id, measurements.goalId))
        .where(and(eq(goals.labId, lab.id), inArray(measurements.id, measurementIds)))
        .all(),
    );
  const updateIds = ids('progress_update');
  if (updateIds.length)
    put(
      'progress_update',
      db
        .select({ id: progressUpdates.id, label: progressUpdates.body })
        .from(progressUpdates)
        .where(and(eq(progressUpdates.labId, lab.id), inArray(progressUpdates.id, updateIds)))
        .all()
        .map((r) => ({ id: r.id, label: excerpt(markdownToText(r.label ?? '')) })),
    );
  const participationIds = ids('participation');
  if (participationIds.length)
    put(
      'participation',
      db
        .select({ id: participations.id, label: organisations.nameEn, labelZh: organisations.nameZh })
        .from(participations)
        .innerJoin(organisations, eq(organisations.id, participations.organisationId))
        .where(and(eq(participations.labId, lab.id), inArray(participations.id, participationIds)))
        .all(),
    );
  labels.set(`lab:${lab.id}`, localizedName(locale, lab.nameEn, lab.nameZh));
  return labels;
}

// Fields whose new value the activity feed states in words; for anything else it names the field
// only. The full values are in the audit log, which only managers read.
const HIGHLIGHTED = new Set([
  'awaitingPublication',
  'sourceAwaitingApproval',
  'status',
  'percentComplete',
  'health',
  'value',
  'asOf',
  'isPublic',
  'role',
  'visibility',
  'forecastFinish',
  'actualFinish',
]);

export type ActivityEntry = Omit<AuditEntry, 'before' | 'after'> & {
  changedFields: string[];
  highlights: { field: string; from: unknown; to: unknown }[];
};

export function toActivity(entry: AuditEntry): ActivityEntry {
  const { before, after, ...rest } = entry;
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return {
    ...rest,
    changedFields: fields,
    highlights: fields.filter((f) => HIGHLIGHTED.has(f)).map((f) => ({ field: f, from: before?.[f] ?? null, to: after?.[f] ?? null })),
  };
}
