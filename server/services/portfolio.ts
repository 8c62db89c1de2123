import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { baselineItems, labs, memberships, milestoneBaselines, milestones } from '@/db/schema';
import type { SessionUser } from './actor';
import { labToday, workingToday } from '../domain/working-day';
import type { LabStatus, Sector, Stage } from '@/common/enums';
import { isLate, labSlippage, slippageDays } from '../domain/schedule';

export type PortfolioFilters = { sector?: Sector | null; chain?: string | null; stage?: Stage | null; status?: LabStatus | null };

/** How a lab is doing at a glance: late beats at risk beats on track. */
export type LabScheduleHealth = 'late' | 'at_risk' | 'on_track';

const labColumns = {
  id: labs.id,
  slug: labs.slug,
  nameEn: labs.nameEn,
  nameZh: labs.nameZh,
  acronymEn: labs.acronymEn,
  sector: labs.sector,
  chainEn: labs.chainEn,
  chainZh: labs.chainZh,
  stage: labs.stage,
  status: labs.status,
  isDemo: labs.isDemo,
  timeZone: labs.timeZone,
};

/** The labs a user can see: their memberships, or every lab for a platform admin. */
function visibleLabs(db: DbOrTx, user: SessionUser, where: SQL[]) {
  if (user.isAdmin) {
    return db
      .select(labColumns)
      .from(labs)
      .where(and(...where))
      .orderBy(asc(labs.nameEn))
      .all();
  }
  return db
    .select(labColumns)
    .from(memberships)
    .innerJoin(labs, eq(labs.id, memberships.labId))
    .where(and(eq(memberships.userId, user.id), ...where))
    .orderBy(asc(labs.nameEn))
    .all();
}

/**
 * One row per visible lab: its span, its milestones (as markers), its slippage against its latest
 * baseline and how many milestones are late or at risk. Also the filter choices the user's labs offer.
 */
export function getPortfolioTimeline(db: DbOrTx, user: SessionUser, filters: PortfolioFilters = {}, now: Date = new Date()) {
  const all = visibleLabs(db, user, []);
  const where: SQL[] = [];
  if (filters.sector) where.push(eq(labs.sector, filters.sector));
  if (filters.chain) where.push(eq(labs.chainEn, filters.chain));
  if (filters.stage) where.push(eq(labs.stage, filters.stage));
  if (filters.status) where.push(eq(labs.status, filters.status));
  const shown = where.length ? visibleLabs(db, user, where) : all;
  const ids = shown.map((l) => l.id);

  const rows = ids.length
    ? db
        .select({
          id: milestones.id,
          labId: milestones.labId,
          title: milestones.title,
          phase: milestones.phase,
          forecastStart: milestones.forecastStart,
          forecastFinish: milestones.forecastFinish,
          status: milestones.status,
          percentComplete: milestones.percentComplete,
        })
        .from(milestones)
        .where(inArray(milestones.labId, ids))
        .orderBy(asc(milestones.forecastStart), asc(milestones.id))
        .all()
    : [];
  // The latest baseline of each lab is what the portfolio compares against.
  const latestBaseline = new Map<number, number>();
  if (ids.length) {
    for (const b of db
      .select({ id: milestoneBaselines.id, labId: milestoneBaselines.labId })
      .from(milestoneBaselines)
      .where(inArray(milestoneBaselines.labId, ids))
      .orderBy(desc(milestoneBaselines.createdAt), desc(milestoneBaselines.id))
      .all()) {
      if (!latestBaseline.has(b.labId)) latestBaseline.set(b.labId, b.id);
    }
  }
  const planned = new Map<number, { finish: string }>();
  if (latestBaseline.size) {
    for (const item of db
      .select({ milestoneId: baselineItems.milestoneId, finish: baselineItems.finish })
      .from(baselineItems)
      .where(inArray(baselineItems.baselineId, [...latestBaseline.values()]))
      .all()) {
      planned.set(item.milestoneId, { finish: item.finish });
    }
  }

  const labRows = shown.map((lab) => {
    // Late by each lab's own calendar (decision 024).
    const today = labToday(lab, now);
    const own = rows.filter((m) => m.labId === lab.id);
    const items = own.map((m) => ({
      ...m,
      late: isLate({ finish: m.forecastFinish, status: m.status }, today),
      slipDays: slippageDays(m.forecastFinish, planned.get(m.id)?.finish),
    }));
    const lateCount = items.filter((m) => m.late).length;
    const atRiskCount = items.filter((m) => m.status === 'at_risk').length;
    const slippage = labSlippage(
      own.map((m) => ({ id: m.id, finish: m.forecastFinish, status: m.status })),
      planned,
    );
    const health: LabScheduleHealth = lateCount > 0 ? 'late' : atRiskCount > 0 || (slippage.endSlipDays ?? 0) > 0 ? 'at_risk' : 'on_track';
    return {
      ...lab,
      start: own.length ? own.reduce((min, m) => (m.forecastStart < min ? m.forecastStart : min), own[0]!.forecastStart) : null,
      finish: own.length ? own.reduce((max, m) => (m.forecastFinish > max ? m.forecastFinish : max), own[0]!.forecastFinish) : null,
      milestones: items,
      lateCount,
      atRiskCount,
      doneCount: items.filter((m) => m.status === 'done').length,
      slippage,
      health,
    };
  });

  const chains = new Map(all.map((l) => [l.chainEn, { value: l.chainEn, en: l.chainEn, zh: l.chainZh }]));
  return {
    /** Where the chart draws its today line: today where the consortia work. */
    today: workingToday(now),
    labs: labRows,
    totalLabs: all.length,
    options: {
      sectors: [...new Set(all.map((l) => l.sector))].sort(),
      chains: [...chains.values()].sort((a, b) => a.en.localeCompare(b.en)),
      stages: [...new Set(all.map((l) => l.stage))],
      statuses: [...new Set(all.map((l) => l.status))],
    },
  };
}

export type PortfolioTimeline = ReturnType<typeof getPortfolioTimeline>;
export type PortfolioLab = PortfolioTimeline['labs'][number];
