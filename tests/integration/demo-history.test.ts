import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { demoLabs } from '@/server/cli/demo/demo-data';
import { auditEvents, measurements, memberships, milestones, progressUpdates } from '@/db/schema';
import { callerAs, freshDb, labIdOf, TEST_TODAY } from '../helpers/db';

// The demo seed writes the history of its records to the audit log at their real dates, so the
// activity feed, "what changed since my last visit" and the status report show something on first start.

let db: DB;
beforeAll(async () => {
  db = await freshDb();
});

const eventsOf = (entityType: string) => db.select().from(auditEvents).where(eq(auditEvents.entityType, entityType)).all();

describe('the demo history', () => {
  it('is written in the order it happened, and nothing in it is later than the seed day', () => {
    const events = db.select().from(auditEvents).orderBy(asc(auditEvents.id)).all();
    expect(events.length).toBeGreaterThan(150);
    const times = events.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse(`${TEST_TODAY}T09:00:00Z`));
  });

  it('has a creation event for every milestone, measurement and update, by the person who made it', () => {
    const created = (type: string) =>
      new Set(
        eventsOf(type)
          .filter((e) => e.action === 'created')
          .map((e) => e.entityId),
      );
    for (const m of db.select({ id: milestones.id }).from(milestones).all()) expect(created('milestone').has(m.id)).toBe(true);
    const recorded = db.select().from(measurements).all();
    const measurementEvents = new Map(eventsOf('measurement').map((e) => [e.entityId, e]));
    for (const m of recorded) {
      const event = measurementEvents.get(m.id);
      expect(event?.actorId).toBe(m.recordedById);
      expect(event?.after).toMatchObject({ value: m.value, asOf: m.asOf });
      // Recorded when the figure was reported: after its as-of date.
      expect(event!.createdAt.getTime()).toBeGreaterThan(Date.parse(`${m.asOf}T00:00:00Z`));
    }
    const updateEvents = new Map(eventsOf('progress_update').map((e) => [e.entityId, e]));
    for (const u of db.select().from(progressUpdates).all()) {
      expect(updateEvents.get(u.id)?.createdAt.getTime()).toBe(u.createdAt.getTime());
      expect(updateEvents.get(u.id)?.actorId).toBe(u.authorId);
    }
  });

  it('replays every milestone from its plan to its current status, percent, forecast and actual dates', () => {
    for (const m of db.select().from(milestones).all()) {
      const state: Record<string, unknown> = {};
      const history = db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'milestone'), eq(auditEvents.entityId, m.id)))
        .orderBy(asc(auditEvents.id))
        .all();
      for (const e of history) Object.assign(state, e.after);
      expect(state, m.title).toMatchObject({
        status: m.status,
        percentComplete: m.percentComplete,
        forecastStart: m.forecastStart,
        forecastFinish: m.forecastFinish,
        actualStart: m.actualStart,
        actualFinish: m.actualFinish,
      });
    }
  });

  it('includes status and percent changes logged by members and re-plans by managers', () => {
    const milestoneEvents = eventsOf('milestone');
    expect(
      milestoneEvents.filter((e) => e.action === 'progress_updated' && e.after && 'percentComplete' in e.after).length,
    ).toBeGreaterThan(10);
    expect(milestoneEvents.filter((e) => e.action === 'progress_updated' && e.after?.status === 'at_risk').length).toBeGreaterThan(2);
    expect(milestoneEvents.filter((e) => e.action === 'updated' && e.after && 'forecastFinish' in e.after).length).toBeGreaterThan(10);
  });

  it('shows activity, changes since the last visit and a status report for the demo labs out of the box', async () => {
    const labId = labIdOf(db, 'new-display-lab');
    const manager = callerAs(db, 'manager@demo.local');
    const feed = await manager.activity.list({ labId, limit: 20 });
    expect(feed.entries.length).toBe(20);
    expect(new Set(feed.entries.map((e) => e.entityType))).toEqual(new Set(['milestone', 'measurement', 'progress_update']));

    const workspace = await manager.workspace.overview();
    const lab = workspace.labs.find((l) => l.slug === 'new-display-lab')!;
    expect(lab.changes.basis).toBe('last_visit');
    expect(lab.changes.total).toBeGreaterThan(0);

    const report = await manager.report.status({ labId, to: TEST_TODAY });
    expect(report.updates.length).toBeGreaterThan(0);
    expect(report.milestones.slipped.length).toBeGreaterThan(0);
    expect(report.milestones.progressed.length).toBeGreaterThan(0);
    expect(report.summary.measurements).toBeGreaterThan(0);
  });

  it('remembers when the demo people last opened their labs', () => {
    const visited = db
      .select()
      .from(memberships)
      .all()
      .filter((m) => m.lastVisitedAt !== null);
    const expected = demoLabs.flatMap((l) => l.members.filter((m) => m.lastVisit !== undefined)).length;
    expect(visited.length).toBe(expected);
    for (const m of visited) expect(m.lastVisitedAt!.getTime()).toBeLessThan(Date.parse(`${TEST_TODAY}T09:00:00Z`));
  });
});
