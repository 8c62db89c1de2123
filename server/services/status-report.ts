import { and, asc, desc, eq, gte, inArray, isNull, lt, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditEvents, goals, measurements, organisations, progressUpdates, users } from '@/db/schema';
import { addDays, daysBetween } from '../domain/dates';
import type { Health, MilestoneStatus } from '@/common/enums';
import { netFieldChanges, valuesBefore } from '../domain/field-changes';
import { assessGoal } from '../domain/goal-status';
import { healthCounts, healthSteps } from '../domain/health-trend';
import { renderMarkdown } from '../domain/markdown';
import { periodInstants, resolveReportPeriod, type ReportPeriod } from '../domain/report-period';
import { isSettled, labSlippage, slippageDays } from '../domain/schedule';
import { labToday } from '../domain/working-day';
import { invalidField } from '../errors';
import type { Lab } from './access';
import { baselineDates, baselinesOfLab } from './baselines';
import { goalSummaryRows, pointsByGoal } from './goal-views';
import { milestonesOfLab } from './timeline';
import { updateLinks } from './updates';

// A lab's status report for a period (decision 013): health trend, milestones completed, slipped
// and progressed, goal measurements and status changes, and the updates — everything a manager
// sends to a ministry or a board. Reads only; hidden updates are left out.

const MILESTONE_FIELDS = ['status', 'percentComplete', 'forecastFinish'] as const;

function updatesInPeriod(db: DbOrTx, labId: number, start: Date, end: Date) {
  const rows = db
    .select({
      id: progressUpdates.id,
      createdAt: progressUpdates.createdAt,
      health: progressUpdates.health,
      body: progressUpdates.body,
      isPublic: progressUpdates.isPublic,
      authorName: users.name,
      orgShortName: organisations.shortName,
      orgNameEn: organisations.nameEn,
      orgNameZh: organisations.nameZh,
    })
    .from(progressUpdates)
    .leftJoin(users, eq(users.id, progressUpdates.authorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(progressUpdates.labId, labId),
        isNull(progressUpdates.hiddenAt),
        gte(progressUpdates.createdAt, start),
        lt(progressUpdates.createdAt, end),
      ),
    )
    .orderBy(asc(progressUpdates.createdAt), asc(progressUpdates.id))
    .all();
  const ids = rows.map((r) => r.id);
  const { milestoneLinks, goalLinks } = updateLinks(db, ids);
  return rows.map(({ body, ...r }) => ({
    ...r,
    html: renderMarkdown(body),
    milestones: milestoneLinks.filter((l) => l.updateId === r.id).map(({ updateId: _u, ...m }) => m),
    goals: goalLinks.filter((l) => l.updateId === r.id).map(({ updateId: _u, ...g }) => g),
  }));
}

/** The health the lab stood at when the period began: the last visible update before it. */
function healthBefore(db: DbOrTx, labId: number, start: Date): Health | null {
  return (
    db
      .select({ health: progressUpdates.health })
      .from(progressUpdates)
      .where(and(eq(progressUpdates.labId, labId), isNull(progressUpdates.hiddenAt), lt(progressUpdates.createdAt, start)))
      .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
      .limit(1)
      .get()?.health ?? null
  );
}

/** The lab's milestone events in a span of instants, oldest first. */
function milestoneEvents(db: DbOrTx, labId: number, from: Date, to?: Date) {
  return db
    .select({ entityId: auditEvents.entityId, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.labId, labId),
        eq(auditEvents.entityType, 'milestone'),
        gte(auditEvents.createdAt, from),
        to ? lt(auditEvents.createdAt, to) : undefined,
      ),
    )
    .orderBy(asc(auditEvents.id))
    .all();
}

function milestoneSection(db: DbOrTx, lab: Lab, period: ReportPeriod, start: Date, end: Date, today: string) {
  const all = milestonesOfLab(db, lab.id);
  const changes = netFieldChanges(milestoneEvents(db, lab.id, start, end), MILESTONE_FIELDS);
  const owner = (m: (typeof all)[number]) =>
    m.ownerShortName ? { shortName: m.ownerShortName, nameEn: m.ownerNameEn!, nameZh: m.ownerNameZh } : null;
  const periodEnded = period.to < today;

  // Slip has one definition (decision 025): forecast finish − finish in the newest baseline, as the
  // timeline shows it. The report measures it as things stood at the end of the period: the newest
  // baseline set by then, and each milestone's forecast and status then (today's, for a period up
  // to today), read back from the changes made since.
  const baseline = baselinesOfLab(db, lab.id).find((b) => b.createdAt < end) ?? null;
  const planned = baseline ? baselineDates(db, lab.id, baseline.id) : new Map<number, { finish: string }>();
  const later = periodEnded ? valuesBefore(milestoneEvents(db, lab.id, end), ['forecastFinish', 'status']) : new Map();
  const atEnd = all.map((m) => {
    const then = later.get(m.id) ?? {};
    return {
      ...m,
      forecastFinish: typeof then.forecastFinish === 'string' ? then.forecastFinish : m.forecastFinish,
      status: (typeof then.status === 'string' ? then.status : m.status) as MilestoneStatus,
    };
  });
  const slippage = labSlippage(
    atEnd.map((m) => ({ id: m.id, finish: m.forecastFinish, status: m.status })),
    planned,
  );
  const lastDay = periodEnded ? period.to : today;

  const completed = all
    .filter((m) => m.status === 'done' && m.actualFinish && m.actualFinish >= period.from && m.actualFinish <= period.to)
    .map((m) => {
      const baselineFinish = planned.get(m.id)?.finish ?? null;
      return {
        id: m.id,
        title: m.title,
        owner: owner(m),
        actualFinish: m.actualFinish!,
        baselineFinish,
        /** Days after (positive) or before (negative) the baseline finish. */
        varianceDays: baselineFinish ? daysBetween(baselineFinish, m.actualFinish!) : null,
      };
    })
    .sort((a, b) => a.actualFinish.localeCompare(b.actualFinish));

  // Slipped: behind the baseline at the end of the period, with how the finish moved in the period
  // and whether its date had passed unfinished.
  const slipped = atEnd
    .map((m) => {
      const baselineFinish = planned.get(m.id)?.finish;
      const slipDays = m.status === 'cancelled' ? null : slippageDays(m.forecastFinish, baselineFinish);
      if (slipDays === null || slipDays <= 0) return null;
      const moved = changes.get(m.id)?.forecastFinish as { from: unknown; to: unknown } | undefined;
      const movedLater = moved && typeof moved.from === 'string' && typeof moved.to === 'string' && moved.to > moved.from ? moved : null;
      return {
        id: m.id,
        title: m.title,
        owner: owner(m),
        status: m.status,
        percentComplete: m.percentComplete,
        baselineFinish: baselineFinish!,
        forecastFinish: m.forecastFinish,
        slipDays,
        moved: movedLater
          ? {
              from: movedLater.from as string,
              to: movedLater.to as string,
              days: daysBetween(movedLater.from as string, movedLater.to as string),
            }
          : null,
        daysLate: !isSettled(m) && m.forecastFinish < lastDay ? daysBetween(m.forecastFinish, lastDay) : null,
      };
    })
    .filter((m) => m !== null)
    .sort((a, b) => b.slipDays - a.slipDays || a.id - b.id);

  // Late: past its forecast finish and not finished when the period ended (the timeline's and the
  // attention list's "late", counted by the lab's calendar), baseline or not.
  const late = atEnd
    .filter((m) => !isSettled(m) && m.forecastFinish < lastDay)
    .map((m) => ({
      id: m.id,
      title: m.title,
      owner: owner(m),
      status: m.status,
      forecastFinish: m.forecastFinish,
      daysLate: daysBetween(m.forecastFinish, lastDay),
    }))
    .sort((a, b) => b.daysLate - a.daysLate || a.id - b.id);

  const progressed = all
    .map((m) => {
      const c = changes.get(m.id);
      if (!c || (!c.percentComplete && !c.status)) return null;
      return {
        id: m.id,
        title: m.title,
        owner: owner(m),
        status: c.status ? { from: c.status.from as MilestoneStatus, to: c.status.to as MilestoneStatus } : null,
        percent: c.percentComplete ? { from: Number(c.percentComplete.from), to: Number(c.percentComplete.to) } : null,
        current: { status: m.status, percentComplete: m.percentComplete },
      };
    })
    .filter((m) => m !== null);

  return {
    completed,
    slipped,
    late,
    progressed,
    /** What slip is measured against: the newest baseline set by the end of the period. */
    baseline: baseline ? { id: baseline.id, name: baseline.name, createdAt: baseline.createdAt } : null,
    slippage,
  };
}

function goalSection(db: DbOrTx, lab: Lab, period: ReportPeriod) {
  const rows = goalSummaryRows(db, eq(goals.labId, lab.id));
  const points = pointsByGoal(
    db,
    rows.map((g) => g.id),
  );
  const recorded = rows.length
    ? db
        .select({
          id: measurements.id,
          goalId: measurements.goalId,
          value: measurements.value,
          asOf: measurements.asOf,
          source: measurements.source,
          sourceUrl: measurements.sourceUrl,
          recordedByName: users.name,
        })
        .from(measurements)
        .leftJoin(users, eq(users.id, measurements.recordedById))
        .where(
          and(
            inArray(
              measurements.goalId,
              rows.map((g) => g.id),
            ),
            gte(measurements.asOf, period.from),
            lte(measurements.asOf, period.to),
          ),
        )
        .orderBy(asc(measurements.asOf), asc(measurements.id))
        .all()
    : [];
  const dayBefore = addDays(period.from, -1);
  return rows.map((goal) => {
    const goalPoints = points.get(goal.id) ?? [];
    const atStart = assessGoal(
      goal,
      goalPoints.filter((p) => p.asOf <= dayBefore),
      dayBefore,
    );
    const atEnd = assessGoal(
      goal,
      goalPoints.filter((p) => p.asOf <= period.to),
      period.to,
    );
    return {
      id: goal.id,
      titleEn: goal.titleEn,
      titleZh: goal.titleZh,
      unit: goal.unit,
      unitLabel: goal.unitLabel,
      targetValue: goal.targetValue,
      targetDate: goal.targetDate,
      isPublic: goal.isPublic,
      statusAtStart: atStart.status,
      statusAtEnd: atEnd.status,
      latestAtEnd: atEnd.latest,
      measurements: recorded.filter((m) => m.goalId === goal.id).map(({ goalId: _g, ...m }) => m),
    };
  });
}

/**
 * The status report of a lab for the period asked for (default: the month up to today, where the
 * consortia work). A period that is malformed, reversed, too long or in the future is refused
 * with the field to correct.
 */
export function getStatusReport(db: DbOrTx, lab: Lab, asked: { from?: string; to?: string }, now: Date = new Date()) {
  const today = labToday(lab, now);
  const resolved = resolveReportPeriod(asked, today);
  if (!resolved.ok) throw invalidField(resolved.problem.field, resolved.problem.key);
  const { period } = resolved;
  const { start, end } = periodInstants(period, lab.timeZone);
  const updates = updatesInPeriod(db, lab.id, start, end);
  const before = healthBefore(db, lab.id, start);
  const points = updates.map((u) => ({ at: u.createdAt, health: u.health }));
  const milestoneReport = milestoneSection(db, lab, period, start, end, today);
  const goalReport = goalSection(db, lab, period);
  return {
    lab: {
      id: lab.id,
      slug: lab.slug,
      nameEn: lab.nameEn,
      nameZh: lab.nameZh,
      acronymEn: lab.acronymEn,
      isDemo: lab.isDemo,
      timeZone: lab.timeZone,
    },
    period,
    today,
    health: {
      before,
      latest: updates.at(-1)?.health ?? before,
      counts: healthCounts(points),
      steps: healthSteps(start, end, before, points),
      start,
      end,
    },
    updates,
    milestones: milestoneReport,
    goals: goalReport,
    summary: {
      updates: updates.length,
      completed: milestoneReport.completed.length,
      slipped: milestoneReport.slippage.slippedCount,
      /** Milestones in the baseline (and not cancelled): what “slipped” is counted out of. */
      compared: milestoneReport.slippage.comparedCount,
      measurements: goalReport.reduce((n, g) => n + g.measurements.length, 0),
      goalStatusChanges: goalReport.filter((g) => g.statusAtStart !== g.statusAtEnd).length,
    },
  };
}

export type StatusReport = ReturnType<typeof getStatusReport>;
