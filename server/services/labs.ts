import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { goals, labs, labTechnologies, memberships, milestones, organisations, participations } from '@/db/schema';
import type { SessionUser } from './actor';
import { labToday } from '../domain/working-day';
import { notFound } from '../errors';
import { labStanding, type LabStanding } from './access';

export type LabSummary = {
  id: number;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  acronymEn: string | null;
  chainEn: string;
  chainZh: string | null;
  stage: (typeof labs.$inferSelect)['stage'];
  status: (typeof labs.$inferSelect)['status'];
  visibility: (typeof labs.$inferSelect)['visibility'];
  isDemo: boolean;
  /** The lab's time zone: its calendar says which day it is there (decision 024). */
  timeZone: string;
  role: LabStanding;
  milestoneCount: number;
  lateMilestoneCount: number;
  goalCount: number;
};

const summaryColumns = {
  id: labs.id,
  slug: labs.slug,
  nameEn: labs.nameEn,
  nameZh: labs.nameZh,
  acronymEn: labs.acronymEn,
  chainEn: labs.chainEn,
  chainZh: labs.chainZh,
  stage: labs.stage,
  status: labs.status,
  visibility: labs.visibility,
  isDemo: labs.isDemo,
  timeZone: labs.timeZone,
};

/** The labs a user works in, with their role in each. Admins see every lab. */
export function listMyLabs(db: DbOrTx, user: SessionUser, now: Date = new Date()): LabSummary[] {
  const rows = user.isAdmin
    ? db
        .select({ ...summaryColumns, memberRole: memberships.role })
        .from(labs)
        .leftJoin(memberships, and(eq(memberships.labId, labs.id), eq(memberships.userId, user.id)))
        .orderBy(asc(labs.nameEn))
        .all()
    : db
        .select({ ...summaryColumns, memberRole: memberships.role })
        .from(memberships)
        .innerJoin(labs, eq(labs.id, memberships.labId))
        .where(eq(memberships.userId, user.id))
        .orderBy(asc(labs.nameEn))
        .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const today = labDaySql(rows, now);
  const milestoneCounts = new Map(
    db
      .select({
        labId: milestones.labId,
        total: sql<number>`count(*)`,
        late: sql<number>`sum(case when ${milestones.forecastFinish} < ${today} and ${milestones.status} not in ('done', 'cancelled') then 1 else 0 end)`,
      })
      .from(milestones)
      .where(inArray(milestones.labId, ids))
      .groupBy(milestones.labId)
      .all()
      .map((r) => [r.labId, r]),
  );
  const goalCounts = new Map(
    db
      .select({ labId: goals.labId, total: sql<number>`count(*)` })
      .from(goals)
      .where(inArray(goals.labId, ids))
      .groupBy(goals.labId)
      .all()
      .map((r) => [r.labId, r.total]),
  );
  return rows.map(({ memberRole, ...lab }) => ({
    ...lab,
    role: user.isAdmin && memberRole !== 'manager' ? 'admin' : (memberRole ?? 'admin'),
    milestoneCount: milestoneCounts.get(lab.id)?.total ?? 0,
    lateMilestoneCount: Number(milestoneCounts.get(lab.id)?.late ?? 0),
    goalCount: goalCounts.get(lab.id) ?? 0,
  }));
}

/**
 * Today in each of several labs, as an SQL expression over `milestones.lab_id`: one date when they
 * share a calendar day (the usual case), else a CASE over the labs of each day.
 */
function labDaySql(rows: { id: number; timeZone: string }[], now: Date) {
  const byDay = new Map<string, number[]>();
  for (const r of rows) {
    const day = labToday(r, now);
    (byDay.get(day) ?? byDay.set(day, []).get(day)!).push(r.id);
  }
  const days = [...byDay.entries()];
  if (days.length === 1) return sql`${days[0]![0]}`;
  return sql`(case ${sql.join(
    days.map(([day, ids]) => sql`when ${milestones.labId} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) then ${day}`),
    sql` `,
  )} end)`;
}

export function partnersOfLab(db: DbOrTx, labId: number) {
  return prepared(db, 'partnersOfLab', (d) =>
    d
      .select({
        participationId: participations.id,
        role: participations.role,
        joinedOn: participations.joinedOn,
        contribution: participations.contribution,
        budgetCny: participations.budgetCny,
        organisationId: organisations.id,
        nameEn: organisations.nameEn,
        nameZh: organisations.nameZh,
        shortName: organisations.shortName,
        type: organisations.type,
        tier: organisations.tier,
        chainPosition: organisations.chainPosition,
        region: organisations.region,
        website: organisations.website,
      })
      .from(participations)
      .innerJoin(organisations, eq(organisations.id, participations.organisationId))
      .where(eq(participations.labId, sql.placeholder('labId')))
      .orderBy(sql`case ${participations.role} when 'lead' then 0 when 'core_partner' then 1 else 2 end`, asc(organisations.nameEn))
      .prepare(),
  ).all({ labId });
}

export function technologiesOfLab(db: DbOrTx, labId: number) {
  return db
    .select({ id: labTechnologies.id, nameEn: labTechnologies.nameEn, nameZh: labTechnologies.nameZh })
    .from(labTechnologies)
    .where(eq(labTechnologies.labId, labId))
    .orderBy(asc(labTechnologies.position), asc(labTechnologies.id))
    .all();
}

/** A lab by slug with the caller's standing in it; NOT_FOUND unless the caller has a role there. */
export function getLabContext(db: DbOrTx, user: SessionUser, slug: string) {
  const lab = db
    .select()
    .from(labs)
    .where(sql`lower(${labs.slug}) = ${slug.toLowerCase()}`)
    .get();
  if (!lab) throw notFound();
  const role = labStanding(db, user, lab.id);
  if (!role) throw notFound();
  return { lab, role };
}

export type LabContext = ReturnType<typeof getLabContext>;

/** Everything the lab overview page shows, for anyone with a role in the lab. */
export function getLabOverview(db: DbOrTx, user: SessionUser, slug: string, now: Date = new Date()) {
  const { lab, role } = getLabContext(db, user, slug);
  const today = labToday(lab, now);

  const milestoneStats = db
    .select({
      total: sql<number>`count(*)`,
      done: sql<number>`coalesce(sum(case when ${milestones.status} = 'done' then 1 else 0 end), 0)`,
      late: sql<number>`coalesce(sum(case when ${milestones.forecastFinish} < ${today} and ${milestones.status} not in ('done', 'cancelled') then 1 else 0 end), 0)`,
      atRisk: sql<number>`coalesce(sum(case when ${milestones.status} = 'at_risk' then 1 else 0 end), 0)`,
    })
    .from(milestones)
    .where(eq(milestones.labId, lab.id))
    .get() ?? { total: 0, done: 0, late: 0, atRisk: 0 };
  const goalCount =
    db
      .select({ n: sql<number>`count(*)` })
      .from(goals)
      .where(eq(goals.labId, lab.id))
      .get()?.n ?? 0;
  const memberCount =
    db
      .select({ n: sql<number>`count(*)` })
      .from(memberships)
      .where(eq(memberships.labId, lab.id))
      .get()?.n ?? 0;

  return {
    lab,
    role,
    today,
    technologies: technologiesOfLab(db, lab.id),
    partners: partnersOfLab(db, lab.id),
    counts: { milestones: milestoneStats, goals: goalCount, members: memberCount },
  };
}

export type LabOverview = ReturnType<typeof getLabOverview>;
