import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { goals, labs, milestones } from '@/db/schema';
import { addDays } from '@/server/domain/dates';
import { workingToday } from '@/server/domain/working-day';
import { getStatusReport } from '@/server/services/status-report';
import { getLabTimeline } from '@/server/services/timeline';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts, TEST_NOW, TEST_TODAY } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { ACTORS, addOutsider, errorCode, type Actor } from '../helpers/roles';

// The status report of a lab for a period: health trend, milestones completed, slipped and
// progressed, goal figures and status changes, and the updates, as a manager sends it on.

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
  addOutsider(db);
});

const labRow = () => db.select().from(labs).where(eq(labs.id, labId)).get()!;
/** The report as of the test database's "today" (its demo dates are relative to it). */
const reportFor = (asked: { from?: string; to?: string } = {}) => getStatusReport(db, labRow(), asked, TEST_NOW);

describe('the default report', () => {
  it('covers the month up to today', () => {
    expect(reportFor().period).toEqual({ from: addDays(TEST_TODAY, -31), to: TEST_TODAY });
  });

  it('lists the period’s updates oldest first, and traces the health from the last update before it', () => {
    const report = reportFor();
    expect(report.updates.map((u) => [u.authorName, u.health])).toEqual([
      ['Li Wei', 'at_risk'],
      ['Zhang Min', 'at_risk'],
    ]);
    expect(report.updates[0]!.milestones.map((m) => m.title)).toEqual([
      'LTPO backplane process verification',
      'Pilot run with domestic materials (10,000 panels)',
    ]);
    // The FMM update 45 days ago said off track; the lab has been at risk since 20 days ago.
    expect(report.health.before).toBe('off_track');
    expect(report.health.latest).toBe('at_risk');
    expect(report.health.steps.map((s) => s.health)).toEqual(['off_track', 'at_risk']);
    expect(report.health.counts).toEqual({ on_track: 0, at_risk: 2, off_track: 0 });
  });

  it('says which milestones slipped, and why', () => {
    const slipped = reportFor().milestones.slipped;
    const byTitle = new Map(slipped.map((m) => [m.title, m]));
    // Behind the baseline, and re-planned later during the period.
    expect(byTitle.get('LTPO backplane process verification')).toMatchObject({
      slipDays: 35,
      moved: { from: addDays(TEST_TODAY, -20), to: addDays(TEST_TODAY, 15), days: 35 },
    });
    expect(byTitle.get('Mass production with at least 30 % domestic materials')).toMatchObject({ slipDays: 10, moved: { days: 10 } });
    // Moved, and then its new date passed without it being finished.
    expect(byTitle.get('Domestic fine metal mask pilot trial')).toMatchObject({ moved: { days: 25 }, daysLate: 5, status: 'at_risk' });
    // Behind the baseline since before the period: listed, with nothing that happened in it.
    expect(byTitle.get('Confidential: foldable panel supply terms')).toMatchObject({ slipDays: 20, moved: null, daysLate: null });
    // The pilot's start moved, not its finish: not a slip.
    expect(byTitle.has('Pilot run with domestic materials (10,000 panels)')).toBe(false);
  });

  it('counts slip as the timeline does: against the same baseline, the same milestones, the same end-date slip', async () => {
    const report = reportFor();
    const timeline = await callerAs(db, 'manager@demo.local').milestone.timeline({ labId: labRow().id });
    expect(report.milestones.baseline?.id).toBe(timeline.chosenBaselineId);
    expect(report.milestones.slippage).toEqual(timeline.slippage);
    expect(report.summary).toMatchObject({ slipped: timeline.slippage.slippedCount, compared: timeline.slippage.comparedCount });
    const behind = timeline.milestones.filter((m) => m.slipDays !== null && m.slipDays > 0 && m.status !== 'cancelled');
    expect(new Map(report.milestones.slipped.map((m) => [m.id, m.slipDays]))).toEqual(new Map(behind.map((m) => [m.id, m.slipDays])));
  });

  it('lists the milestones late at its end as the timeline marks them, with the days late', async () => {
    const report = reportFor();
    const timeline = getLabTimeline(db, sessionUser(db, 'manager@demo.local'), { labId: labRow().id, baselineId: null }, TEST_NOW);
    const late = timeline.milestones.filter((m) => m.late);
    expect(late.length).toBeGreaterThan(0);
    expect(report.milestones.late.map((m) => m.id).sort()).toEqual(late.map((m) => m.id).sort());
    expect(report.milestones.late.find((m) => m.title === 'Domestic fine metal mask pilot trial')?.daysLate).toBe(5);
  });

  it('measures a past period against the plan as it stood then: a finish moved later since does not count in it', async () => {
    const manager = callerAs(db, 'manager@demo.local');
    const labId = labRow().id;
    const before = reportFor({ from: addDays(TEST_TODAY, -10), to: addDays(TEST_TODAY, -1) });
    const target = (await manager.milestone.timeline({ labId })).milestones.find((m) => m.title === 'Confidential: foldable panel supply terms')!;
    const { id: _id, labId: _labId, ...fields } = db.select().from(milestones).where(eq(milestones.id, target.id)).get()!;
    await manager.milestone.update({ ...fields, labId, id: target.id, forecastFinish: addDays(target.forecastFinish, 30) } as never);
    // Today's report sees 30 more days; the report of the days before the change does not.
    expect(reportFor().milestones.slipped.find((m) => m.id === target.id)?.slipDays).toBe(50);
    const after = reportFor({ from: addDays(TEST_TODAY, -10), to: addDays(TEST_TODAY, -1) });
    expect(after.milestones.slipped).toEqual(before.milestones.slipped);
    expect(after.milestones.slippage).toEqual(before.milestones.slippage);
  });

  it('shows the progress logged on milestones in the period, from first to last value', () => {
    const progressed = new Map(reportFor().milestones.progressed.map((m) => [m.title, m]));
    expect(progressed.get('LTPO backplane process verification')?.percent).toEqual({ from: 55, to: 70 });
    expect(progressed.get('Domestic fine metal mask pilot trial')?.percent).toEqual({ from: 30, to: 35 });
    expect(progressed.get('Domestic evaporation materials verification, round 2')?.percent).toEqual({ from: 0, to: 20 });
    expect(progressed.has('Joint lab charter and governance signed')).toBe(false);
  });

  it('gives every goal its status at both ends of the period and the figures dated in it', () => {
    const report = reportFor();
    expect(report.goals.length).toBe(db.select().from(goals).where(eq(goals.labId, labId)).all().length);
    const masks = report.goals.find((g) => g.titleEn === 'Qualify domestic fine metal masks')!;
    expect(masks.measurements.map((m) => [m.value, m.asOf, m.recordedByName])).toEqual([[2, addDays(TEST_TODAY, -20), 'Zhang Min']]);
    expect(masks.latestAtEnd).toEqual({ asOf: addDays(TEST_TODAY, -20), value: 2 });
    const evap = report.goals.find((g) => g.titleEn === 'Raise the domestic share of OLED evaporation materials')!;
    expect(evap.measurements).toEqual([]);
    expect(report.summary.measurements).toBe(report.goals.reduce((n, g) => n + g.measurements.length, 0));
    expect(report.summary.goalStatusChanges).toBe(report.goals.filter((g) => g.statusAtStart !== g.statusAtEnd).length);
  });
});

describe('a chosen period', () => {
  it('lists the milestones completed in it, against the newest baseline set by its end', () => {
    const report = reportFor({ from: '2023-10-01', to: '2023-10-31' });
    expect(report.milestones.completed).toEqual([
      expect.objectContaining({
        title: 'Phone with the custom 1.5K OLED display ships',
        actualFinish: '2023-10-26',
        baselineFinish: '2023-10-31',
        varianceDays: -5,
      }),
    ]);
    // The re-plan came two years later: October 2023 is measured against the plan approved at launch.
    expect(report.milestones.baseline?.name).toBe('Plan approved at launch');
  });

  it('shows a goal’s status change when a figure in the period moved it', async () => {
    // The masks goal is off track; a figure at the target in the period makes it achieved.
    const period = { from: addDays(TEST_TODAY, -10), to: TEST_TODAY };
    const before = reportFor(period).goals.find((g) => g.titleEn === 'Qualify domestic fine metal masks')!;
    expect(before.statusAtEnd).toBe('off_track');
    await callerAs(db, ACTORS.member).measurement.record({
      labId,
      goalId: before.id,
      value: 20,
      asOf: addDays(TEST_TODAY, -2),
      source: 'Line report',
    });
    const after = reportFor(period).goals.find((g) => g.id === before.id)!;
    expect(after.statusAtStart).toBe(before.statusAtStart);
    expect(after.statusAtEnd).toBe('achieved');
    expect(after.measurements.map((m) => m.value)).toEqual([20]);
  });

  it('leaves hidden updates out for everyone', async () => {
    const manager = callerAs(db, ACTORS.manager);
    const { id, version } = await manager.update.post({ labId, body: 'Posted to the wrong lab', health: 'off_track' });
    await manager.update.setHidden({ labId, updateId: id, version, hidden: true, reason: 'Wrong lab' });
    const report = await manager.report.status({ labId });
    expect(report.updates.map((u) => u.id)).not.toContain(id);
    expect(report.health.counts.off_track).toBe(0);
  });

  it('is empty, not wrong, for a quiet period', () => {
    const report = reportFor({ from: '2022-01-01', to: '2022-01-31' });
    expect(report.updates).toEqual([]);
    expect(report.health).toMatchObject({ before: null, latest: null, steps: [] });
    expect(report.milestones).toMatchObject({ completed: [], slipped: [], progressed: [] });
  });
});

describe('what people log from the workspace reaches the report', () => {
  it('shows a member’s update, milestone progress and measurement of today', async () => {
    const member = callerAs(db, ACTORS.member);
    const ltpo = db.select().from(milestones).where(eq(milestones.title, 'LTPO backplane process verification')).get()!;
    const masks = db.select().from(goals).where(eq(goals.titleEn, 'Qualify domestic fine metal masks')).get()!;
    await member.update.post({
      labId,
      body: 'Mura compensation tuned on the pilot line.',
      health: 'on_track',
      milestoneIds: [ltpo.id],
      goalIds: [masks.id],
    });
    await member.milestone.updateProgress({
      labId,
      id: ltpo.id,
      version: ltpo.version,
      status: 'in_progress',
      percentComplete: 85,
      actualStart: ltpo.actualStart,
      actualFinish: null,
    });
    await member.measurement.record({ labId, goalId: masks.id, value: 3, asOf: workingToday(), source: 'Line report' });

    const report = await callerAs(db, ACTORS.manager).report.status({ labId });
    expect(report.updates.at(-1)).toMatchObject({ authorName: 'Zhang Min', health: 'on_track', goals: [{ id: masks.id }] });
    expect(report.milestones.progressed.find((m) => m.id === ltpo.id)?.percent?.to).toBe(85);
    expect(report.goals.find((g) => g.id === masks.id)?.measurements.at(-1)).toMatchObject({ value: 3, recordedByName: 'Zhang Min' });
  });
});

describe('report.status', () => {
  const rule: Record<Actor, string> = {
    anonymous: 'UNAUTHORIZED',
    outsider: 'NOT_FOUND',
    otherManager: 'NOT_FOUND',
    viewer: 'OK',
    member: 'OK',
    manager: 'OK',
    admin: 'OK',
  };

  it('is for everyone with a role in the lab; others get not found and nothing changes', async () => {
    const counts = tableCounts(db);
    for (const [actor, expected] of Object.entries(rule) as [Actor, string][]) {
      expect(await errorCode(callerAs(db, ACTORS[actor]).report.status({ labId })), actor).toBe(expected);
    }
    expect(tableCounts(db)).toEqual(counts);
    // A private lab answers the same as a missing one.
    const privateLab = labIdOf(db, 'key-equipment-consortium');
    expect(await errorCode(callerAs(db, ACTORS.manager).report.status({ labId: privateLab }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'equipment@demo.local').report.status({ labId: privateLab }))).toBe('OK');
  });

  it('names the field to correct, in the reader’s language, for a period it cannot report', async () => {
    const viewer = sessionUser(db, ACTORS.viewer);
    const ask = async (input: Record<string, unknown>, locale: 'en' | 'zh-CN' = 'en') => {
      const res = await httpCall(db, 'report.status', { labId, ...input }, { user: viewer, method: 'GET', locale });
      return { status: res.status, fields: res.body.error?.json.data.fieldErrors };
    };
    expect(await ask({ from: '2026-05-10', to: '2026-05-01' })).toEqual({
      status: 400,
      fields: { to: ['The end date is before the start date.'] },
    });
    expect(await ask({ from: '2026-05-10', to: '2026-05-01' }, 'zh-CN')).toEqual({
      status: 400,
      fields: { to: ['结束日期早于开始日期。'] },
    });
    expect((await ask({ to: addDays(workingToday(), 1) })).fields?.to?.[0]).toMatch(/no later than today/);
    expect((await ask({ from: '2020-01-01', to: '2026-01-01' })).fields).toEqual({ from: ['Choose a period of at most two years.'] });
    expect((await ask({ from: '2026-02-30' })).status).toBe(400);
    expect((await ask({ from: '2026-02-30' })).fields?.from?.length).toBe(1);
  });
});
