import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { allRows, idList, idsIn, prepared } from '@/db/prepared';
import type { DbOrTx } from '@/db/client';
import { goals, labs, measurements, milestones, organisations, progressUpdates, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { attentionList, DUE_SOON_DAYS } from '../domain/attention';
import { addDays } from '../domain/dates';
import type { Locale } from '@/common/enums';
import { markdownToText } from '../domain/markdown';
import { changesSince } from '../domain/visits';
import { labToday } from '../domain/working-day';
import { canEditLab, canLogProgress, type Lab, type LabStanding } from './access';
import { countAuditEvents, listAuditEvents, toActivity } from './activity';
import { goalSummaryRows, summarise, type ChartPoint, type GoalSummary } from './goal-views';
import { listMyLabs, type LabSummary } from './labs';
import { visitState } from './visits';

// The page after sign-in: for each of the caller's labs the latest health, the work that is late
// or due, the goals in trouble and what others changed since the caller last looked; one list of
// everything that needs attention across labs; and what the quick-progress forms may log. Reads only.

/** How many of the changes since the last visit are spelled out per lab (the rest are counted). */
const CHANGES_SHOWN = 5;

const EXCERPT_LENGTH = 160;

type OpenMilestone = ReturnType<typeof openMilestones>[number];

/** Milestones that are neither done nor cancelled, soonest finish first. */
const openMilestoneColumns = {
  id: milestones.id,
  labId: milestones.labId,
  title: milestones.title,
  status: milestones.status,
  percentComplete: milestones.percentComplete,
  forecastFinish: milestones.forecastFinish,
  actualStart: milestones.actualStart,
  actualFinish: milestones.actualFinish,
  isPublic: milestones.isPublic,
  version: milestones.version,
  ownerId: organisations.id,
  ownerShortName: organisations.shortName,
  ownerNameEn: organisations.nameEn,
  ownerNameZh: organisations.nameZh,
};

// The workspace's reads are prepared queries (db/prepared.ts): building their SQL on every request
// was a quarter of the service's time.

function openMilestones(db: DbOrTx, labIds: number[]) {
  const query = prepared(db, 'workspaceOpenMilestones', (d) =>
    d
      .select(openMilestoneColumns)
      .from(milestones)
      .leftJoin(organisations, eq(organisations.id, milestones.ownerOrganisationId))
      .where(and(inArray(milestones.labId, idsIn('labIds')), notInArray(milestones.status, ['done', 'cancelled'])))
      .orderBy(asc(milestones.forecastFinish), asc(milestones.id))
      .prepare(),
  );
  return allRows(query, openMilestoneColumns, { labIds: idList(labIds) });
}

/** The newest update of a lab that is not hidden: hidden updates were withdrawn and speak for nobody. */
function latestUpdate(db: DbOrTx, labId: number) {
  const row = prepared(db, 'workspaceLatestUpdate', (d) =>
    d
      .select({
        id: progressUpdates.id,
        health: progressUpdates.health,
        createdAt: progressUpdates.createdAt,
        body: progressUpdates.body,
        authorName: users.name,
        orgShortName: organisations.shortName,
      })
      .from(progressUpdates)
      .leftJoin(users, eq(users.id, progressUpdates.authorId))
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(progressUpdates.labId, sql.placeholder('labId')), isNull(progressUpdates.hiddenAt)))
      .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
      .limit(1)
      .prepare(),
  ).get({ labId });
  if (!row) return null;
  const text = markdownToText(row.body);
  const { body: _body, ...rest } = row;
  return { ...rest, excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text };
}

/** What people other than the caller changed in the lab since the caller's last visit, of what the caller may read. */
function changesFor(db: DbOrTx, user: SessionUser, lab: Lab, role: LabStanding, now: Date, locale: Locale) {
  const window = changesSince(visitState(db, user.id, lab.id) ?? { lastVisitedAt: null, previousVisitAt: null }, now);
  const filters = { since: window.since, notActorId: user.id };
  const reader = { userId: user.id, role };
  const total = countAuditEvents(db, lab, reader, filters);
  const latest = total ? listAuditEvents(db, lab, reader, { ...filters, limit: CHANGES_SHOWN }, locale).entries.map(toActivity) : [];
  return { ...window, total, latest };
}

/**
 * Each goal's measurements (as goal summaries read them, oldest first) and the source of its latest
 * figure (the next figure usually comes from the same report), from one read: reading the same
 * rows twice was a tenth of the service's time.
 */
const measurementColumns = { goalId: measurements.goalId, asOf: measurements.asOf, value: measurements.value, source: measurements.source };

function measurementsOf(db: DbOrTx, goalIds: number[]) {
  const points = new Map<number, ChartPoint[]>(goalIds.map((id) => [id, []]));
  const sources = new Map<number, string | null>();
  if (goalIds.length === 0) return { points, sources };
  const query = prepared(db, 'workspaceMeasurements', (d) =>
    d
      .select(measurementColumns)
      .from(measurements)
      .where(inArray(measurements.goalId, idsIn('goalIds')))
      .orderBy(asc(measurements.goalId), asc(measurements.asOf), asc(measurements.id))
      .prepare(),
  );
  const rows = allRows(query, measurementColumns, { goalIds: idList(goalIds) });
  for (const { goalId, asOf, value, source } of rows) {
    points.get(goalId)?.push({ asOf, value });
    // Oldest first: the last row of a goal is its latest figure.
    sources.set(goalId, source);
  }
  return { points, sources };
}

/** Rows grouped by their lab, so each lab's share is found without scanning every lab's rows. */
function groupedByLab<T extends { labId: number }>(rows: T[]): (labId: number) => T[] {
  const groups = new Map<number, T[]>();
  for (const row of rows) (groups.get(row.labId) ?? groups.set(row.labId, []).get(row.labId)!).push(row);
  return (labId) => groups.get(labId) ?? [];
}

function ownerOf(m: OpenMilestone) {
  return m.ownerId === null ? null : { id: m.ownerId, shortName: m.ownerShortName!, nameEn: m.ownerNameEn!, nameZh: m.ownerNameZh };
}

function labCard(summary: LabSummary, ms: OpenMilestone[], gs: GoalSummary[], today: string) {
  const soon = addDays(today, DUE_SOON_DAYS);
  return {
    overdue: ms.filter((m) => m.forecastFinish < today).length,
    dueSoon: ms.filter((m) => m.forecastFinish >= today && m.forecastFinish <= soon).length,
    goalsAtRisk: gs.filter((g) => g.assessment.status === 'at_risk').length,
    goalsOffTrack: gs.filter((g) => g.assessment.status === 'off_track').length,
    canLog: canLogProgress(summary.role),
  };
}

export function getWorkspace(db: DbOrTx, user: SessionUser, options: { now?: Date; locale?: Locale } = {}) {
  const now = options.now ?? new Date();
  const mine = listMyLabs(db, user, now);
  const labIds = mine.map((l) => l.id);
  // generatedAt tells the page's quick-progress card that the page was drawn again (reload its choices).
  const generatedAt = now.getTime();
  if (labIds.length === 0) return { generatedAt, labs: [], attention: [], log: [] };

  const labRows = new Map(
    prepared(db, 'workspaceLabs', (d) =>
      d
        .select()
        .from(labs)
        .where(inArray(labs.id, idsIn('labIds')))
        .prepare(),
    )
      .all({ labIds: idList(labIds) })
      .map((l) => [l.id, l]),
  );
  // Each lab's own day: lateness and "due soon" are counted by its calendar (decision 024).
  const todays = new Map(mine.map((l) => [l.id, labToday(l, now)]));
  const todayOf = (labId: number) => todays.get(labId)!;
  const open = openMilestones(db, labIds);
  const goalRows = goalSummaryRows(db, inArray(goals.labId, labIds));
  const figures = measurementsOf(
    db,
    goalRows.map((g) => g.id),
  );
  const goalList = summarise(goalRows, figures.points, todayOf);
  const openOf = groupedByLab(open);
  const goalsOf = groupedByLab(goalList);
  const roleIn = new Map(mine.map((l) => [l.id, l.role]));
  const labRef = (labId: number) => {
    const l = labRows.get(labId)!;
    return { id: l.id, slug: l.slug, nameEn: l.nameEn, nameZh: l.nameZh, acronymEn: l.acronymEn };
  };

  const milestoneById = new Map(open.map((m) => [m.id, m]));
  const goalById = new Map(goalList.map((g) => [g.id, g]));
  const entries = attentionList(
    open,
    goalList.map((g) => ({
      id: g.id,
      labId: g.labId,
      status: g.assessment.status,
      targetDate: g.targetDate,
      daysSinceLatest: g.assessment.daysSinceLatest,
    })),
    todayOf,
  );
  const attention = entries.map((entry) => {
    const canLog = canLogProgress(roleIn.get(entry.labId)!);
    if (entry.kind === 'milestone') {
      const m = milestoneById.get(entry.id)!;
      const owner = ownerOf(m);
      return {
        ...entry,
        lab: labRef(entry.labId),
        canLog,
        title: m.title,
        titleZh: null,
        milestone: { status: m.status, percentComplete: m.percentComplete },
        goal: null,
        owner,
        ownedByMyOrganisation: owner !== null && owner.id === user.organisationId,
      };
    }
    const g = goalById.get(entry.id)!;
    return {
      ...entry,
      lab: labRef(entry.labId),
      canLog,
      title: g.titleEn,
      titleZh: g.titleZh,
      milestone: null,
      goal: {
        status: g.assessment.status,
        progress: g.assessment.progress,
        latest: g.assessment.latest,
        unit: g.unit,
        unitLabel: g.unitLabel,
      },
      owner: g.owner,
      ownedByMyOrganisation: g.owner !== null && g.owner.id === user.organisationId,
    };
  });

  const cards = mine.map((summary) => ({
    id: summary.id,
    slug: summary.slug,
    nameEn: summary.nameEn,
    nameZh: summary.nameZh,
    acronymEn: summary.acronymEn,
    role: summary.role,
    status: summary.status,
    visibility: summary.visibility,
    isDemo: summary.isDemo,
    today: todayOf(summary.id),
    ...labCard(summary, openOf(summary.id), goalsOf(summary.id), todayOf(summary.id)),
    latestUpdate: latestUpdate(db, summary.id),
    changes: changesFor(db, user, labRows.get(summary.id)!, summary.role, now, options.locale ?? 'en'),
  }));

  // What the quick-progress forms offer: only labs where the caller may log progress.
  const { sources } = figures;
  const loggable = mine.filter((summary) => canLogProgress(summary.role));
  const log = loggable.map((summary) => ({
    lab: labRef(summary.id),
    /** The latest date progress may carry there: today in that lab. */
    today: todayOf(summary.id),
    canPublish: canEditLab(summary.role),
    goals: goalsOf(summary.id).map((g) => ({
      id: g.id,
      titleEn: g.titleEn,
      titleZh: g.titleZh,
      unit: g.unit,
      unitLabel: g.unitLabel,
      baselineDate: g.baselineDate,
      isPublic: g.isPublic,
      latest: g.assessment.latest,
      latestSource: sources.get(g.id) ?? null,
    })),
    linkGoals: goalsOf(summary.id)
      .map(({ id, titleEn, titleZh }) => ({ id, titleEn, titleZh }))
      .sort((a, b) => a.titleEn.localeCompare(b.titleEn)),
  }));

  return { generatedAt, labs: cards, attention, log };
}

/**
 * What the quick-progress forms offer in one lab, loaded when a form opens: a member of several
 * large labs would otherwise receive every open milestone of every lab with the page.
 */
export function workspaceLogChoices(db: DbOrTx, labId: number) {
  return {
    milestones: openMilestones(db, [labId]).map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status,
      percentComplete: m.percentComplete,
      actualStart: m.actualStart,
      actualFinish: m.actualFinish,
      isPublic: m.isPublic,
      version: m.version,
    })),
    // An update may link to any milestone of its lab, finished or not, in plan order.
    linkMilestones: db
      .select({ id: milestones.id, label: milestones.title })
      .from(milestones)
      .where(eq(milestones.labId, labId))
      .orderBy(asc(milestones.forecastStart), asc(milestones.id))
      .all(),
  };
}

export type Workspace = ReturnType<typeof getWorkspace>;
export type LogChoices = ReturnType<typeof workspaceLogChoices>;
export type AttentionItem = Workspace['attention'][number];
export type WorkspaceLab = Workspace['labs'][number];
export type QuickLogLab = Workspace['log'][number];
