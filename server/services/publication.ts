import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { goals, labs, labTechnologies, measurements, milestones, organisations, participations, progressUpdates } from '@/db/schema';
import type { Health } from '@/common/enums';

// What the public may see, field by field and record kind by record kind. Public pages, feeds,
// the sitemap, the search and public API answers select through these allow-lists and
// predicates only, so a column added to a table later stays private until someone adds it here
// on purpose, and an item is public only when its lab is public and it is flagged public itself.

export const publicLabColumns = {
  id: labs.id,
  slug: labs.slug,
  nameEn: labs.nameEn,
  nameZh: labs.nameZh,
  acronymEn: labs.acronymEn,
  acronymZh: labs.acronymZh,
  objectiveEn: labs.objectiveEn,
  objectiveZh: labs.objectiveZh,
  sector: labs.sector,
  chainEn: labs.chainEn,
  chainZh: labs.chainZh,
  region: labs.region,
  stage: labs.stage,
  status: labs.status,
  startDate: labs.startDate,
  endDate: labs.endDate,
  isDemo: labs.isDemo,
  /** Which day it is for the lab (lateness on its timeline) and the zone its posting dates are in. */
  timeZone: labs.timeZone,
  updatedAt: labs.updatedAt,
};

export const publicTechnologyColumns = {
  labId: labTechnologies.labId,
  nameEn: labTechnologies.nameEn,
  nameZh: labTechnologies.nameZh,
};

/** A partner as the public sees it: never its contribution or budget. */
export const publicPartnerColumns = {
  labId: participations.labId,
  role: participations.role,
  joinedOn: participations.joinedOn,
  nameEn: organisations.nameEn,
  nameZh: organisations.nameZh,
  shortName: organisations.shortName,
  type: organisations.type,
  tier: organisations.tier,
  chainPosition: organisations.chainPosition,
  region: organisations.region,
  website: organisations.website,
};

/** The owner of a milestone or goal is shown by name only (joined from organisations). */
const ownerColumns = {
  ownerNameEn: organisations.nameEn,
  ownerNameZh: organisations.nameZh,
  ownerShortName: organisations.shortName,
};

/** A milestone as the public sees it: no baselines, dependencies or version. */
export const publicMilestoneColumns = {
  id: milestones.id,
  labId: milestones.labId,
  title: milestones.title,
  description: milestones.description,
  phase: milestones.phase,
  forecastStart: milestones.forecastStart,
  forecastFinish: milestones.forecastFinish,
  actualStart: milestones.actualStart,
  actualFinish: milestones.actualFinish,
  status: milestones.status,
  percentComplete: milestones.percentComplete,
  updatedAt: milestones.updatedAt,
  ...ownerColumns,
};

export const publicGoalColumns = {
  id: goals.id,
  labId: goals.labId,
  titleEn: goals.titleEn,
  titleZh: goals.titleZh,
  itemKind: goals.itemKind,
  itemNameEn: goals.itemNameEn,
  itemNameZh: goals.itemNameZh,
  metricEn: goals.metricEn,
  metricZh: goals.metricZh,
  unit: goals.unit,
  unitLabel: goals.unitLabel,
  direction: goals.direction,
  baselineValue: goals.baselineValue,
  baselineDate: goals.baselineDate,
  targetValue: goals.targetValue,
  targetDate: goals.targetDate,
  tolerance: goals.tolerance,
  updatedAt: goals.updatedAt,
  ...ownerColumns,
};

/**
 * A measurement of a public goal: value, date and the named source; never the comment, link or who
 * recorded it. A source that waits for a manager's approval is shown as it was approved, if at all (decision 017).
 */
export const publicMeasurementColumns = {
  goalId: measurements.goalId,
  value: measurements.value,
  asOf: measurements.asOf,
  source: sql<
    string | null
  >`case when ${measurements.sourceAwaitingApproval} then ${measurements.publishedSource} else ${measurements.source} end`,
};

/**
 * A progress update: its text, health and dates; never its author, revisions or moderation notes.
 * While an edit by someone who may not publish waits for a manager, the public keeps the published version (decision 017).
 */
export const publicUpdateColumns = {
  id: progressUpdates.id,
  labId: progressUpdates.labId,
  body: sql<string>`coalesce(${progressUpdates.publishedBody}, ${progressUpdates.body})`,
  health: sql<Health>`coalesce(${progressUpdates.publishedHealth}, ${progressUpdates.health})`,
  createdAt: progressUpdates.createdAt,
  updatedAt: sql<Date>`coalesce(${progressUpdates.publishedUpdatedAt}, ${progressUpdates.updatedAt})`.mapWith(progressUpdates.updatedAt),
};

// Which rows are public. Every query for an item joins its lab and applies both conditions.
export const isPublicLab = eq(labs.visibility, 'public');

/**
 * Which labs a read treats as published: the public labs (the default, for every public page), or —
 * for a manager's preview of what publishing would show — one lab whatever its visibility. The item
 * flags (public, not hidden) apply the same either way, so the preview is exactly the public page.
 */
export type PublishedLabs = SQL;
export function previewedLab(labId: number): PublishedLabs {
  return eq(labs.id, labId);
}

export const publishedMilestone = (scope: PublishedLabs) => and(scope, eq(milestones.isPublic, true)) as SQL;
export const publishedGoal = (scope: PublishedLabs) => and(scope, eq(goals.isPublic, true)) as SQL;
export const publishedUpdate = (scope: PublishedLabs) =>
  and(scope, eq(progressUpdates.isPublic, true), isNull(progressUpdates.hiddenAt)) as SQL;

export const isPublicMilestone = publishedMilestone(isPublicLab);
export const isPublicGoal = publishedGoal(isPublicLab);
export const isPublicUpdate = publishedUpdate(isPublicLab);

/** Public labs, optionally narrowed (the search passes its matches and filters). Ordered by English name. */
export function selectPublicLabs(db: DbOrTx, where?: SQL) {
  return db
    .select(publicLabColumns)
    .from(labs)
    .where(where ? and(isPublicLab, where) : isPublicLab)
    .orderBy(asc(labs.nameEn))
    .all();
}

export type PublicLabRow = ReturnType<typeof selectPublicLabs>[number];

/** One public lab by slug (case-insensitive), or undefined when it is missing or private: the same answer. */
export function findPublicLab(db: DbOrTx, slug: string): PublicLabRow | undefined {
  return db
    .select(publicLabColumns)
    .from(labs)
    .where(and(isPublicLab, sql`lower(${labs.slug}) = ${slug.toLowerCase()}`))
    .get();
}

/** The allow-listed profile of one lab whatever its visibility: only for a manager's preview (services/publication-preview.ts). */
export function findLabForPreview(db: DbOrTx, labId: number): PublicLabRow | undefined {
  return db.select(publicLabColumns).from(labs).where(previewedLab(labId)).get();
}

export function publicPartnersOf(db: DbOrTx, labIds: number[], scope: PublishedLabs = isPublicLab) {
  if (labIds.length === 0) return [];
  return db
    .select(publicPartnerColumns)
    .from(participations)
    .innerJoin(organisations, eq(organisations.id, participations.organisationId))
    .innerJoin(labs, eq(labs.id, participations.labId))
    .where(and(scope, inArray(participations.labId, labIds)))
    .orderBy(sql`case ${participations.role} when 'lead' then 0 when 'core_partner' then 1 else 2 end`, asc(organisations.nameEn))
    .all();
}

export function publicTechnologiesOf(db: DbOrTx, labIds: number[], scope: PublishedLabs = isPublicLab) {
  if (labIds.length === 0) return [];
  return db
    .select(publicTechnologyColumns)
    .from(labTechnologies)
    .innerJoin(labs, eq(labs.id, labTechnologies.labId))
    .where(and(scope, inArray(labTechnologies.labId, labIds)))
    .orderBy(asc(labTechnologies.position), asc(labTechnologies.id))
    .all();
}

export function publicMilestonesOf(db: DbOrTx, labIds: number[], scope: PublishedLabs = isPublicLab) {
  if (labIds.length === 0) return [];
  return db
    .select(publicMilestoneColumns)
    .from(milestones)
    .innerJoin(labs, eq(labs.id, milestones.labId))
    .leftJoin(organisations, eq(organisations.id, milestones.ownerOrganisationId))
    .where(and(publishedMilestone(scope), inArray(milestones.labId, labIds)))
    .orderBy(asc(milestones.forecastStart), asc(milestones.forecastFinish), asc(milestones.id))
    .all();
}

export function publicGoalsOf(db: DbOrTx, labIds: number[], scope: PublishedLabs = isPublicLab) {
  if (labIds.length === 0) return [];
  return db
    .select(publicGoalColumns)
    .from(goals)
    .innerJoin(labs, eq(labs.id, goals.labId))
    .leftJoin(organisations, eq(organisations.id, goals.ownerOrganisationId))
    .where(and(publishedGoal(scope), inArray(goals.labId, labIds)))
    .orderBy(asc(goals.targetDate), asc(goals.id))
    .all();
}

export function publicMeasurementsOf(db: DbOrTx, labIds: number[], scope: PublishedLabs = isPublicLab) {
  if (labIds.length === 0) return [];
  return db
    .select(publicMeasurementColumns)
    .from(measurements)
    .innerJoin(goals, eq(goals.id, measurements.goalId))
    .innerJoin(labs, eq(labs.id, goals.labId))
    .where(and(publishedGoal(scope), inArray(goals.labId, labIds)))
    .orderBy(asc(measurements.asOf), asc(measurements.id))
    .all();
}

/** Public updates, newest first. */
export function publicUpdatesOf(db: DbOrTx, labIds: number[], limit = 50, scope: PublishedLabs = isPublicLab) {
  if (labIds.length === 0) return [];
  return db
    .select(publicUpdateColumns)
    .from(progressUpdates)
    .innerJoin(labs, eq(labs.id, progressUpdates.labId))
    .where(and(publishedUpdate(scope), inArray(progressUpdates.labId, labIds)))
    .orderBy(sql`${progressUpdates.createdAt} desc`, sql`${progressUpdates.id} desc`)
    .limit(limit)
    .all();
}

export type PublicPartner = Omit<ReturnType<typeof publicPartnersOf>[number], 'labId'>;
export type PublicMilestone = ReturnType<typeof publicMilestonesOf>[number];
export type PublicGoalRow = ReturnType<typeof publicGoalsOf>[number];
export type PublicMeasurement = ReturnType<typeof publicMeasurementsOf>[number];
export type PublicUpdateRow = ReturnType<typeof publicUpdatesOf>[number];

/** Public labs with their public partners, as the directory lists them (the internal id stays on the server). */
export function listPublicLabs(db: DbOrTx, where?: SQL) {
  return withPublicPartners(db, selectPublicLabs(db, where));
}

/** Lab rows with their public partners, as the cards show them (the internal id stays on the server). */
export function withPublicPartners(db: DbOrTx, rows: PublicLabRow[]) {
  const partners = publicPartnersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ id, ...lab }) => ({
    ...lab,
    partners: partners.filter((p) => p.labId === id).map(({ labId: _labId, ...p }) => p),
  }));
}

export type PublicLabCard = ReturnType<typeof listPublicLabs>[number];
