import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { allRows, prepared } from '@/db/prepared';
import { milestones, organisations } from '@/db/schema';
import type { SessionUser } from './actor';
import { criticalPath } from '../domain/critical-path';
import { daysBetween } from '../domain/dates';
import { labToday } from '../domain/working-day';
import { dependencyConflicts, durationDays, isLate, labSlippage, slippageDays, type ScheduledMilestone } from '../domain/schedule';
import { requireLabAccess } from './access';
import { baselineDates, baselinesOfLab } from './baselines';
import { dependenciesOfLab } from './dependencies';
import { partnersOfLab } from './labs';

const EPOCH = '2000-01-01';

/** What a timeline row shows of a milestone (and its owner), in this order. */
const milestoneColumns = {
  id: milestones.id,
  title: milestones.title,
  description: milestones.description,
  phase: milestones.phase,
  ownerOrganisationId: milestones.ownerOrganisationId,
  ownerNameEn: organisations.nameEn,
  ownerNameZh: organisations.nameZh,
  ownerShortName: organisations.shortName,
  forecastStart: milestones.forecastStart,
  forecastFinish: milestones.forecastFinish,
  actualStart: milestones.actualStart,
  actualFinish: milestones.actualFinish,
  status: milestones.status,
  percentComplete: milestones.percentComplete,
  isPublic: milestones.isPublic,
  version: milestones.version,
  updatedAt: milestones.updatedAt,
};

/** A lab's milestones in plan order (forecast start, then id), with their owner's names. */
export function milestonesOfLab(db: DbOrTx, labId: number) {
  const query = prepared(db, 'milestonesOfLab', (d) =>
    d
      .select(milestoneColumns)
      .from(milestones)
      .leftJoin(organisations, eq(organisations.id, milestones.ownerOrganisationId))
      .where(eq(milestones.labId, sql.placeholder('labId')))
      .orderBy(asc(milestones.forecastStart), asc(milestones.id))
      .prepare(),
  );
  return allRows(query, milestoneColumns, { labId });
}

export const asScheduled = (m: {
  id: number;
  forecastStart: string;
  forecastFinish: string;
  status: ScheduledMilestone['status'];
  actualStart: string | null;
}): ScheduledMilestone => ({ id: m.id, start: m.forecastStart, finish: m.forecastFinish, status: m.status, actualStart: m.actualStart });

type MilestoneRow = ReturnType<typeof milestonesOfLab>[number];
type ScheduleFacts = {
  baselineStart: string | null;
  baselineFinish: string | null;
  slipDays: number | null;
  late: boolean;
  critical: boolean;
  totalFloat: number | null;
  conflict: boolean;
};

/**
 * A timeline row: the milestone as stored and what the schedule says about it. Written out field
 * by field on purpose: spreading each of a large lab's rows into a new object (`{ ...m, … }`) took
 * most of the timeline's CPU time (issue 9, docs/decisions/014).
 */
function timelineItem(m: MilestoneRow, facts: ScheduleFacts) {
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    phase: m.phase,
    ownerOrganisationId: m.ownerOrganisationId,
    ownerNameEn: m.ownerNameEn,
    ownerNameZh: m.ownerNameZh,
    ownerShortName: m.ownerShortName,
    forecastStart: m.forecastStart,
    forecastFinish: m.forecastFinish,
    actualStart: m.actualStart,
    actualFinish: m.actualFinish,
    status: m.status,
    percentComplete: m.percentComplete,
    isPublic: m.isPublic,
    version: m.version,
    updatedAt: m.updatedAt,
    baselineStart: facts.baselineStart,
    baselineFinish: facts.baselineFinish,
    slipDays: facts.slipDays,
    late: facts.late,
    critical: facts.critical,
    totalFloat: facts.totalFloat,
    conflict: facts.conflict,
  };
}

/**
 * Everything the timeline of a lab shows: milestones with their chosen-baseline dates, slippage,
 * lateness, critical-path float and dependency conflicts; the dependencies; the lab's baselines.
 * `baselineId` null or absent means the latest baseline.
 */
export function getLabTimeline(db: DbOrTx, user: SessionUser, input: { labId: number; baselineId?: number | null }, now: Date = new Date()) {
  const { lab, role } = requireLabAccess(db, user, input.labId, 'viewer');
  const today = labToday(lab, now);
  const rows = milestonesOfLab(db, lab.id);
  const dependencies = dependenciesOfLab(db, lab.id);
  const baselines = baselinesOfLab(db, lab.id);
  const chosenBaselineId = input.baselineId ?? baselines[0]?.id ?? null;
  const planned =
    chosenBaselineId === null ? new Map<number, { start: string; finish: string }>() : baselineDates(db, lab.id, chosenBaselineId);

  const scheduled = rows.map(asScheduled);
  const conflicts = dependencyConflicts(scheduled, dependencies);
  const conflictByPair = new Map(conflicts.map((c) => [`${c.predecessorId}:${c.successorId}`, c]));
  const conflictedIds = new Set(conflicts.map((c) => c.successorId));

  // Cancelled milestones take no time and hold nothing up: they stay out of the critical path.
  const active = rows.filter((m) => m.status !== 'cancelled');
  const cpm = criticalPath(
    active.map((m) => ({
      id: m.id,
      durationDays: durationDays(m.forecastStart, m.forecastFinish),
      earliestStart: daysBetween(EPOCH, m.forecastStart),
    })),
    dependencies,
  );
  const criticalEdges = new Set(cpm.criticalEdges.map((d) => `${d.predecessorId}:${d.successorId}`));

  const items = rows.map((m) => {
    const base = planned.get(m.id) ?? null;
    const path = cpm.byId.get(m.id);
    return timelineItem(m, {
      baselineStart: base?.start ?? null,
      baselineFinish: base?.finish ?? null,
      slipDays: slippageDays(m.forecastFinish, base?.finish),
      late: isLate({ finish: m.forecastFinish, status: m.status }, today),
      critical: path?.critical ?? false,
      // Finished work has no float left to use (issue 23.4).
      totalFloat: m.status === 'done' ? null : (path?.totalFloat ?? null),
      conflict: conflictedIds.has(m.id),
    });
  });

  return {
    lab: { id: lab.id, slug: lab.slug, nameEn: lab.nameEn, nameZh: lab.nameZh, startDate: lab.startDate, endDate: lab.endDate, timeZone: lab.timeZone },
    role,
    today,
    milestones: items,
    dependencies: dependencies.map((d) => {
      const pair = `${d.predecessorId}:${d.successorId}`;
      const conflict = conflictByPair.get(pair);
      return {
        id: d.id,
        predecessorId: d.predecessorId,
        successorId: d.successorId,
        lagDays: d.lagDays,
        version: d.version,
        critical: criticalEdges.has(pair),
        conflict: conflict ? { requiredStart: conflict.requiredStart, daysEarly: conflict.daysEarly } : null,
      };
    }),
    baselines,
    chosenBaselineId,
    slippage: labSlippage(
      rows.map((m) => ({ id: m.id, finish: m.forecastFinish, status: m.status })),
      planned,
    ),
    conflictCount: conflicts.length,
    criticalCount: cpm.criticalIds.length,
    partners: partnersOfLab(db, lab.id).map((p) => ({
      organisationId: p.organisationId,
      nameEn: p.nameEn,
      nameZh: p.nameZh,
      shortName: p.shortName,
    })),
  };
}

export type LabTimeline = ReturnType<typeof getLabTimeline>;
export type LabTimelineMilestone = LabTimeline['milestones'][number];
