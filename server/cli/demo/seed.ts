import { sql } from 'drizzle-orm';
import { addDays } from '@/server/domain/dates';
import { workingToday } from '@/server/domain/working-day';
import { hashPassword } from '@/server/password';
import type { AuditInput } from '@/server/services/audit';
import type { DB } from '@/db/client';
import { DEMO_PASSWORD, demoLabs, demoOrganisations, demoUsers, type DemoDate, type DemoLab } from './demo-data';
import { demoMilestoneHistory, type DemoClock } from './demo-history';
import {
  auditEvents,
  baselineItems,
  goalMilestones,
  goals,
  labs,
  labTechnologies,
  measurements,
  memberships,
  milestoneBaselines,
  milestoneDependencies,
  milestones,
  organisations,
  participations,
  progressUpdates,
  updateGoals,
  updateMilestones,
  users,
} from '@/db/schema';

/** True when nobody has created anything yet: the only case in which demo data is loaded. */
export function isDatabaseEmpty(db: DB): boolean {
  const row = db.get<{ n: number }>(
    sql`select (select count(*) from users) + (select count(*) from labs) + (select count(*) from organisations) as n`,
  );
  return row.n === 0;
}

const DAY_MS = 86_400_000;

/**
 * Loads the demo dataset of the product brief. Illustrative dates are relative to `today`, so the
 * demo always shows overdue work, work due soon and stale or fresh measurements.
 */
export async function seedDemoData(db: DB, options: { today?: string; passwordHash?: string } = {}): Promise<void> {
  const today = options.today ?? workingToday();
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const date = (d: DemoDate) => (typeof d === 'number' ? addDays(today, d) : d);
  const instant = (daysFromToday: number, minutes = 0) =>
    new Date(Date.parse(`${today}T09:00:00.000Z`) + daysFromToday * DAY_MS + minutes * 60_000);
  const clock: DemoClock = { date, moment: (d, minutes = 0) => new Date(Date.parse(`${date(d)}T09:00:00.000Z`) + minutes * 60_000) };
  // Nothing in the demo's history is later than this morning.
  const notLaterThanToday = (at: Date) => new Date(Math.min(at.getTime(), instant(0, -60).getTime()));

  db.transaction((tx) => {
    // Audit events of the demo's history, written at the end in the order they happened, so the
    // log's ids follow time as they do for live changes.
    const history: (AuditInput & { at: Date })[] = [];
    const orgIds = new Map<string, number>();
    for (const { key, ...org } of demoOrganisations) {
      const row = tx.insert(organisations).values(org).returning({ id: organisations.id }).get();
      orgIds.set(key, row.id);
    }
    const orgId = (key: string) => {
      const id = orgIds.get(key);
      if (id === undefined) throw new Error(`demo data: unknown organisation ${key}`);
      return id;
    };

    const userIds = new Map<string, number>();
    for (const u of demoUsers) {
      const row = tx
        .insert(users)
        .values({
          email: u.email,
          name: u.name,
          passwordHash,
          isAdmin: u.isAdmin ?? false,
          organisationId: u.org ? orgId(u.org) : null,
          // The demo accounts stand for people whose addresses are known (decision 018).
          emailVerifiedAt: new Date(),
        })
        .returning({ id: users.id })
        .get();
      userIds.set(u.key, row.id);
    }
    const userId = (key: string) => {
      const id = userIds.get(key);
      if (id === undefined) throw new Error(`demo data: unknown user ${key}`);
      return id;
    };
    const adminId = userId('admin');

    for (const lab of demoLabs) seedLab(lab);
    history
      .map((event, order) => ({ event, order }))
      .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.order - b.order)
      .forEach(({ event: { at, ...event } }) =>
        tx
          .insert(auditEvents)
          .values({ ...event, before: event.before ?? null, after: event.after ?? null, createdAt: at })
          .run(),
      );

    function seedLab(lab: DemoLab) {
      const labRow = tx
        .insert(labs)
        .values({
          slug: lab.slug,
          nameEn: lab.nameEn,
          nameZh: lab.nameZh,
          acronymEn: lab.acronymEn ?? null,
          acronymZh: lab.acronymZh ?? null,
          objectiveEn: lab.objectiveEn,
          objectiveZh: lab.objectiveZh,
          sector: lab.sector,
          chainEn: lab.chainEn,
          chainZh: lab.chainZh,
          region: lab.region,
          stage: lab.stage,
          status: lab.status,
          startDate: date(lab.start),
          endDate: lab.end === undefined ? null : date(lab.end),
          visibility: lab.visibility,
          isDemo: true,
        })
        .returning()
        .get();
      const labId = labRow.id;
      history.push({
        at: clock.moment(lab.start, -60),
        labId,
        actorId: adminId,
        action: 'created',
        entityType: 'lab',
        entityId: labId,
        after: { slug: lab.slug, nameEn: lab.nameEn, note: 'demo data' },
      });

      lab.technologies.forEach((t, position) => tx.insert(labTechnologies).values({ labId, nameEn: t.en, nameZh: t.zh, position }).run());
      for (const p of lab.partners) {
        tx.insert(participations)
          .values({
            labId,
            organisationId: orgId(p.org),
            role: p.role,
            joinedOn: date(p.joinedOn),
            contribution: p.contribution,
            budgetCny: p.budgetCny ?? null,
          })
          .run();
      }
      for (const m of lab.members) {
        tx.insert(memberships)
          .values({ labId, userId: userId(m.user), role: m.role, lastVisitedAt: m.lastVisit === undefined ? null : instant(m.lastVisit) })
          .run();
      }

      // Who plans the lab, and who logs a milestone's progress: someone of the owning partner who
      // may log, else the manager.
      const planner = lab.members.find((m) => m.role === 'manager')?.user ?? 'admin';
      const doerFor = (ownerKey: string) =>
        lab.members.find((m) => m.role !== 'viewer' && demoUsers.find((u) => u.key === m.user)?.org === ownerKey)?.user ?? planner;
      const replannedAt = lab.baselineNames[1] ? instant(-260, -30) : null;
      const milestoneIds = new Map<string, number>();
      for (const [index, m] of lab.milestones.entries()) {
        const row = tx
          .insert(milestones)
          .values({
            labId,
            title: m.title,
            description: m.description,
            phase: m.phase,
            ownerOrganisationId: orgId(m.owner),
            forecastStart: date(m.forecast[0]),
            forecastFinish: date(m.forecast[1]),
            actualStart: m.actual?.[0] == null ? null : date(m.actual[0]),
            actualFinish: m.actual?.[1] == null ? null : date(m.actual[1]),
            status: m.status,
            percentComplete: m.percent,
            isPublic: m.isPublic,
          })
          .returning({ id: milestones.id })
          .get();
        milestoneIds.set(m.key, row.id);
        const { events } = demoMilestoneHistory(m, clock, {
          fields: { title: m.title, description: m.description, phase: m.phase, ownerOrganisationId: orgId(m.owner), isPublic: m.isPublic },
          plannedAt: clock.moment(lab.start, index),
          replannedAt,
          planner,
          doer: doerFor(m.owner),
        });
        for (const e of events)
          history.push({
            at: e.at,
            labId,
            actorId: userId(e.by),
            action: e.action,
            entityType: 'milestone',
            entityId: row.id,
            before: e.before,
            after: e.after,
          });
      }
      const milestoneId = (key: string) => {
        const id = milestoneIds.get(key);
        if (id === undefined) throw new Error(`demo data: unknown milestone ${key} in ${lab.slug}`);
        return id;
      };
      for (const [pred, succ, lag] of lab.dependencies) {
        tx.insert(milestoneDependencies)
          .values({ labId, predecessorId: milestoneId(pred), successorId: milestoneId(succ), lagDays: lag })
          .run();
      }

      // Two baselines where the lab re-planned: the first approved plan, then the re-plan.
      const manager = lab.members.find((m) => m.role === 'manager');
      const [firstName, secondName] = lab.baselineNames;
      const firstAt = Date.parse(`${date(lab.start)}T10:00:00.000Z`);
      const first = tx
        .insert(milestoneBaselines)
        .values({ labId, name: firstName, createdById: manager ? userId(manager.user) : adminId, createdAt: new Date(firstAt) })
        .returning({ id: milestoneBaselines.id })
        .get();
      history.push({
        at: new Date(firstAt),
        labId,
        actorId: manager ? userId(manager.user) : adminId,
        action: 'created',
        entityType: 'milestone_baseline',
        entityId: first.id,
        after: { name: firstName, milestones: lab.milestones.length },
      });
      for (const m of lab.milestones) {
        tx.insert(baselineItems)
          .values({ baselineId: first.id, milestoneId: milestoneId(m.key), start: date(m.baseline[0]), finish: date(m.baseline[1]) })
          .run();
      }
      if (secondName) {
        const second = tx
          .insert(milestoneBaselines)
          .values({ labId, name: secondName, createdById: manager ? userId(manager.user) : adminId, createdAt: instant(-260) })
          .returning({ id: milestoneBaselines.id })
          .get();
        history.push({
          at: instant(-260),
          labId,
          actorId: manager ? userId(manager.user) : adminId,
          action: 'created',
          entityType: 'milestone_baseline',
          entityId: second.id,
          after: { name: secondName, milestones: lab.milestones.length },
        });
        for (const m of lab.milestones) {
          const [start, finish] = m.replan ?? m.baseline;
          tx.insert(baselineItems)
            .values({ baselineId: second.id, milestoneId: milestoneId(m.key), start: date(start), finish: date(finish) })
            .run();
        }
      }

      const goalIds = new Map<string, number>();
      for (const [index, g] of lab.goals.entries()) {
        const row = tx
          .insert(goals)
          .values({
            labId,
            titleEn: g.titleEn,
            titleZh: g.titleZh,
            itemKind: g.itemKind,
            itemNameEn: g.itemNameEn,
            itemNameZh: g.itemNameZh,
            metricEn: g.metricEn,
            metricZh: g.metricZh,
            unit: g.unit,
            direction: g.direction,
            baselineValue: g.baseline[1],
            baselineDate: date(g.baseline[0]),
            targetValue: g.target[1],
            targetDate: date(g.target[0]),
            ownerOrganisationId: orgId(g.owner),
            isPublic: g.isPublic,
          })
          .returning()
          .get();
        goalIds.set(g.key, row.id);
        const goalCreatedAt = clock.moment(lab.start, 30 + index);
        const { id: _id, labId: _lab, version: _v, createdAt: _c, updatedAt: _u, ...goalValues } = row;
        history.push({
          at: goalCreatedAt,
          labId,
          actorId: userId(planner),
          action: 'created',
          entityType: 'goal',
          entityId: row.id,
          after: { ...goalValues, milestoneIds: g.milestones.map(milestoneId).sort((a, b) => a - b) },
        });
        for (const key of g.milestones)
          tx.insert(goalMilestones)
            .values({ goalId: row.id, milestoneId: milestoneId(key) })
            .run();
        for (const m of g.measurements) {
          const recorded = tx
            .insert(measurements)
            .values({
              goalId: row.id,
              value: m.value,
              asOf: date(m.asOf),
              source: m.source,
              sourceUrl: m.sourceUrl ?? null,
              comment: m.comment ?? null,
              recordedById: userId(m.by),
            })
            .returning()
            .get();
          // A figure is recorded when its report arrives, a couple of days after its as-of date.
          const reported = Math.max(clock.moment(m.asOf, 2 * 24 * 60 + 60).getTime(), goalCreatedAt.getTime() + 3_600_000);
          history.push({
            at: notLaterThanToday(new Date(reported)),
            labId,
            actorId: recorded.recordedById,
            action: 'created',
            entityType: 'measurement',
            entityId: recorded.id,
            after: {
              goalId: recorded.goalId,
              value: recorded.value,
              asOf: recorded.asOf,
              source: recorded.source,
              sourceUrl: recorded.sourceUrl,
              comment: recorded.comment,
              recordedById: recorded.recordedById,
            },
          });
        }
      }
      const goalId = (key: string) => {
        const id = goalIds.get(key);
        if (id === undefined) throw new Error(`demo data: unknown goal ${key} in ${lab.slug}`);
        return id;
      };

      lab.updates.forEach((u, i) => {
        const at = instant(u.at, i);
        const row = tx
          .insert(progressUpdates)
          .values({ labId, authorId: userId(u.by), body: u.body, health: u.health, isPublic: u.isPublic, createdAt: at, updatedAt: at })
          .returning({ id: progressUpdates.id })
          .get();
        for (const key of u.milestones ?? [])
          tx.insert(updateMilestones)
            .values({ updateId: row.id, milestoneId: milestoneId(key) })
            .run();
        for (const key of u.goals ?? [])
          tx.insert(updateGoals)
            .values({ updateId: row.id, goalId: goalId(key) })
            .run();
        history.push({
          at,
          labId,
          actorId: userId(u.by),
          action: 'created',
          entityType: 'progress_update',
          entityId: row.id,
          after: {
            body: u.body,
            health: u.health,
            isPublic: u.isPublic,
            milestoneIds: (u.milestones ?? []).map(milestoneId),
            goalIds: (u.goals ?? []).map(goalId),
          },
        });
      });
    }
  });
}
