import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { goals, labs, measurements, organisations, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { labToday } from '../domain/working-day';
import { toCsv } from '../domain/csv';
import type { Locale } from '@/common/enums';
import { forbidden } from '../errors';
import { translate } from '../i18n';
import { canEditLab } from './access';
import { goalSummaryRows, pointsByGoal, summarise } from './goal-views';
import { listMyLabs, type LabSummary } from './labs';
import { localizedName } from '../domain/names';

// Goals across every lab a user can see (their memberships; admins all), and the CSV exports,
// which, like every export, only managers (and admins) may take, and only of the labs they manage.

function goalsOfLabs(db: DbOrTx, labList: LabSummary[], now: Date) {
  if (labList.length === 0) return [];
  const byId = new Map(labList.map((l) => [l.id, l]));
  const rows = goalSummaryRows(
    db,
    inArray(
      goals.labId,
      labList.map((l) => l.id),
    ),
  );
  const points = pointsByGoal(
    db,
    rows.map((r) => r.id),
  );
  return summarise(rows, points, (labId) => labToday(byId.get(labId)!, now)).map((goal) => {
    const lab = byId.get(goal.labId)!;
    return {
      ...goal,
      /** Today in the goal's lab, where its chart draws the today line. */
      today: labToday(lab, now),
      lab: { id: lab.id, slug: lab.slug, nameEn: lab.nameEn, nameZh: lab.nameZh, chainEn: lab.chainEn, chainZh: lab.chainZh },
    };
  });
}

export function goalPortfolio(db: DbOrTx, user: SessionUser, now: Date = new Date()) {
  const myLabs = listMyLabs(db, user, now);
  return {
    labCount: myLabs.length,
    goals: goalsOfLabs(db, myLabs, now),
    /** Exports are for managers: true when the caller manages at least one lab (or is an admin). */
    canExport: myLabs.some((l) => canEditLab(l.role)),
  };
}

export type PortfolioGoal = ReturnType<typeof goalPortfolio>['goals'][number];

function exportableLabs(db: DbOrTx, user: SessionUser, now: Date) {
  const managed = listMyLabs(db, user, now).filter((l) => canEditLab(l.role));
  if (managed.length === 0) throw forbidden();
  return managed;
}

function unitText(locale: Locale, unit: string, label: string | null) {
  return unit === 'other' ? (label ?? '') : translate(locale, `goals.unitShort.${unit}`);
}

/** Every goal of the labs the caller manages, one row each, with its status as of today. */
export function goalsCsv(db: DbOrTx, user: SessionUser, locale: Locale, now: Date = new Date()): string {
  const t = (key: string) => translate(locale, `goals.csv.${key}`);
  const header = [
    'lab',
    'chain',
    'goal',
    'itemKind',
    'item',
    'metric',
    'unit',
    'direction',
    'baselineValue',
    'baselineDate',
    'targetValue',
    'targetDate',
    'tolerance',
    'latestValue',
    'latestAsOf',
    'expectedToday',
    'gapToday',
    'status',
    'owner',
    'public',
  ].map(t);
  const rows = goalsOfLabs(db, exportableLabs(db, user, now), now).map((g) => [
    localizedName(locale, g.lab.nameEn, g.lab.nameZh),
    localizedName(locale, g.lab.chainEn, g.lab.chainZh),
    localizedName(locale, g.titleEn, g.titleZh),
    translate(locale, `goals.itemKind.${g.itemKind}`),
    localizedName(locale, g.itemNameEn, g.itemNameZh),
    localizedName(locale, g.metricEn, g.metricZh),
    unitText(locale, g.unit, g.unitLabel),
    translate(locale, `goals.direction.${g.direction}`),
    g.baselineValue,
    g.baselineDate,
    g.targetValue,
    g.targetDate,
    // The default tolerance is computed (0.1 × 3 is 0.30000000000000004 in floating point).
    round(g.assessment.tolerance),
    g.assessment.latest?.value,
    g.assessment.latest?.asOf,
    round(g.assessment.expectedToday),
    g.assessment.gapToday === null ? null : round(g.assessment.gapToday),
    translate(locale, `goals.status.${g.assessment.status}`),
    g.owner ? localizedName(locale, g.owner.nameEn, g.owner.nameZh) : null,
    translate(locale, g.isPublic ? 'common.public' : 'common.private'),
  ]);
  return toCsv([header, ...rows]);
}

/** Every measurement of the goals of the labs the caller manages, oldest first per goal. */
export function measurementsCsv(db: DbOrTx, user: SessionUser, locale: Locale, now: Date = new Date()): string {
  const t = (key: string) => translate(locale, `goals.csv.${key}`);
  const managed = exportableLabs(db, user, now);
  const header = ['lab', 'goal', 'asOf', 'value', 'unit', 'source', 'sourceUrl', 'comment', 'recordedBy', 'recordedByOrg'].map(t);
  const rows = db
    .select({
      labEn: labs.nameEn,
      labZh: labs.nameZh,
      titleEn: goals.titleEn,
      titleZh: goals.titleZh,
      unit: goals.unit,
      unitLabel: goals.unitLabel,
      asOf: measurements.asOf,
      value: measurements.value,
      source: measurements.source,
      sourceUrl: measurements.sourceUrl,
      comment: measurements.comment,
      recordedBy: users.name,
      recordedByOrg: organisations.shortName,
    })
    .from(measurements)
    .innerJoin(goals, eq(goals.id, measurements.goalId))
    .innerJoin(labs, eq(labs.id, goals.labId))
    .leftJoin(users, eq(users.id, measurements.recordedById))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      inArray(
        goals.labId,
        managed.map((l) => l.id),
      ),
    )
    .orderBy(asc(labs.nameEn), asc(goals.id), asc(measurements.asOf), asc(measurements.id))
    .all()
    .map((m) => [
      localizedName(locale, m.labEn, m.labZh),
      localizedName(locale, m.titleEn, m.titleZh),
      m.asOf,
      m.value,
      unitText(locale, m.unit, m.unitLabel),
      m.source,
      m.sourceUrl,
      m.comment,
      m.recordedBy,
      m.recordedByOrg,
    ]);
  return toCsv([header, ...rows]);
}

/** Computed values are rounded for people; stored values are exported as recorded. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
