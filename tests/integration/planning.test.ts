import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, baselineItems, milestoneDependencies, milestones } from '@/db/schema';
import { callerAs, errorCode, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { expectAll } from '../helpers/expect-all';

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});

const idOf = (title: string) => db.select().from(milestones).where(eq(milestones.title, title)).get()!.id;
const byTitle = (title: string) => db.select().from(milestones).where(eq(milestones.title, title)).get()!;
const CHARTER = 'Joint lab charter and governance signed';
const SPEC = '1.5K OLED panel specification frozen';
const SAMPLES = 'Custom 1.5K OLED engineering samples';
const LTPO = 'LTPO backplane process verification';
const PILOT = 'Pilot run with domestic materials (10,000 panels)';
const MASS = 'Mass production with at least 30 % domestic materials';

const OUTSIDERS = ['steel@demo.local', 'equipment@demo.local'];
const BELOW_MANAGER = ['viewer@demo.local', 'member@demo.local'];

async function expectRefused(call: () => Promise<unknown>, code: string) {
  const before = tableCounts(db);
  expect(await errorCode(call())).toBe(code);
  expect(tableCounts(db)).toEqual(before);
}

async function expectOnlyManagers(call: (email: string | null) => Promise<unknown>) {
  await expectRefused(() => call(null), 'UNAUTHORIZED');
  for (const email of OUTSIDERS) await expectRefused(() => call(email), 'NOT_FOUND');
  for (const email of BELOW_MANAGER) await expectRefused(() => call(email), 'FORBIDDEN');
}

describe('dependency.add', () => {
  it('lets a manager add a dependency with a lag, audited', async () => {
    const dep = await callerAs(db, 'manager@demo.local').dependency.add({
      labId,
      predecessorId: idOf(SAMPLES),
      successorId: idOf(LTPO),
      lagDays: 7,
    });
    expect(dep).toMatchObject({ labId, lagDays: 7 });
    const event = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'milestone_dependency'), eq(auditEvents.entityId, dep.id)))
      .get();
    expect(event?.action).toBe('created');
  });

  it('refuses a dependency that closes a cycle, naming the cycle, in both languages', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const input = { labId, predecessorId: idOf(SAMPLES), successorId: idOf(CHARTER), lagDays: 0 };
    const before = tableCounts(db);
    const en = await httpCall(db, 'dependency.add', input, { user });
    expect(en.status).toBe(400);
    expect(en.body.error?.json.data.fieldErrors.predecessorId).toEqual([
      `This dependency would close a loop: ${SAMPLES} → ${CHARTER} → ${SPEC} → ${SAMPLES}. Remove one of these links first.`,
    ]);
    const zh = await httpCall(db, 'dependency.add', input, { user, locale: 'zh-CN' });
    expect(zh.body.error?.json.data.fieldErrors.predecessorId![0]).toContain(`该依赖会形成循环：${SAMPLES} → ${CHARTER}`);
    expect(tableCounts(db)).toEqual(before);
  });

  it('refuses a self-dependency and a duplicate with field errors', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const self = await httpCall(db, 'dependency.add', { labId, predecessorId: idOf(LTPO), successorId: idOf(LTPO), lagDays: 0 }, { user });
    expect(self.body.error?.json.data.fieldErrors.predecessorId).toEqual([
      'A milestone cannot depend on itself. Choose another milestone.',
    ]);
    const dup = await httpCall(db, 'dependency.add', { labId, predecessorId: idOf(LTPO), successorId: idOf(PILOT), lagDays: 3 }, { user });
    expect(dup.body.error?.json.data.fieldErrors.predecessorId).toEqual(['This dependency already exists. Change its lag instead.']);
    const lag = await httpCall(
      db,
      'dependency.add',
      { labId, predecessorId: idOf(SAMPLES), successorId: idOf(LTPO), lagDays: 1.5 },
      { user },
    );
    expect(lag.body.error?.json.data.fieldErrors.lagDays).toBeDefined();
  });

  it('answers NOT_FOUND for a milestone of another lab', async () => {
    const steel = db
      .select()
      .from(milestones)
      .where(eq(milestones.labId, labIdOf(db, 'green-auto-steel')))
      .get()!;
    await expectRefused(
      () => callerAs(db, 'manager@demo.local').dependency.add({ labId, predecessorId: steel.id, successorId: idOf(LTPO), lagDays: 0 }),
      'NOT_FOUND',
    );
  });

  it('refuses roles below manager and outsiders', async () => {
    await expectOnlyManagers((email) =>
      callerAs(db, email).dependency.add({ labId, predecessorId: idOf(SAMPLES), successorId: idOf(LTPO), lagDays: 0 }),
    );
  });
});

describe('dependency.updateLag and dependency.remove', () => {
  const ltpoPilot = () =>
    db
      .select()
      .from(milestoneDependencies)
      .where(and(eq(milestoneDependencies.predecessorId, idOf(LTPO)), eq(milestoneDependencies.successorId, idOf(PILOT))))
      .get()!;

  it('lets a manager change a lag and remove a dependency; a stale edit is a conflict', async () => {
    const dep = ltpoPilot();
    const manager = callerAs(db, 'manager@demo.local');
    const updated = await manager.dependency.updateLag({ labId, id: dep.id, version: dep.version, lagDays: 30 });
    expect(updated).toMatchObject({ lagDays: 30, version: dep.version + 1 });
    await expectRefused(() => manager.dependency.updateLag({ labId, id: dep.id, version: dep.version, lagDays: 1 }), 'CONFLICT');
    await expectRefused(() => manager.dependency.remove({ labId, id: dep.id, version: dep.version }), 'CONFLICT');
    await manager.dependency.remove({ labId, id: dep.id, version: updated.version });
    expect(db.select().from(milestoneDependencies).where(eq(milestoneDependencies.id, dep.id)).get()).toBeUndefined();
    const actions = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'milestone_dependency'), eq(auditEvents.entityId, dep.id)))
      .all();
    expect(actions.map((a) => a.action)).toEqual(['updated', 'deleted']);
  });

  it('refuses roles below manager and outsiders', async () => {
    const dep = ltpoPilot();
    await expectOnlyManagers((email) => callerAs(db, email).dependency.updateLag({ labId, id: dep.id, version: dep.version, lagDays: 3 }));
    await expectOnlyManagers((email) => callerAs(db, email).dependency.remove({ labId, id: dep.id, version: dep.version }));
  });

  it('answers NOT_FOUND for a dependency of another lab', async () => {
    const other = db
      .select()
      .from(milestoneDependencies)
      .where(eq(milestoneDependencies.labId, labIdOf(db, 'green-auto-steel')))
      .get()!;
    await expectRefused(
      () => callerAs(db, 'manager@demo.local').dependency.remove({ labId, id: other.id, version: other.version }),
      'NOT_FOUND',
    );
  });
});

describe('baseline.set and baseline.list', () => {
  it('stores a named snapshot of every milestone, keeps the old ones, and becomes the default comparison', async () => {
    const manager = callerAs(db, 'manager@demo.local');
    const baseline = await manager.baseline.set({ labId, name: 'Re-plan after LTPO delay' });
    const items = db.select().from(baselineItems).where(eq(baselineItems.baselineId, baseline.id)).all();
    expect(items).toHaveLength(12);
    const ltpo = byTitle(LTPO);
    expect(items.find((i) => i.milestoneId === ltpo.id)).toMatchObject({ start: ltpo.forecastStart, finish: ltpo.forecastFinish });
    const list = await callerAs(db, 'viewer@demo.local').baseline.list({ labId });
    expect(list.map((b) => b.name)).toEqual(['Re-plan after LTPO delay', 'Re-plan after first product', 'Plan approved at launch']);
    expect(list[0]).toMatchObject({ createdByName: 'Li Wei', itemCount: 12 });
    const timeline = await manager.milestone.timeline({ labId });
    expect(timeline.chosenBaselineId).toBe(baseline.id);
    expectAll(timeline.milestones, (m) => m.slipDays === 0);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'milestone_baseline'), eq(auditEvents.entityId, baseline.id)))
        .get(),
    ).toBeDefined();
  });

  it('needs a name that is not taken yet', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const before = tableCounts(db);
    const empty = await httpCall(db, 'baseline.set', { labId, name: '  ' }, { user });
    expect(empty.body.error?.json.data.fieldErrors).toEqual({ name: ['Fill in this field.'] });
    const taken = await httpCall(db, 'baseline.set', { labId, name: 'plan approved at launch' }, { user });
    expect(taken.body.error?.json.data.fieldErrors).toEqual({ name: ['A baseline with this name already exists. Choose another name.'] });
    expect(tableCounts(db)).toEqual(before);
  });

  it('lets only managers set a baseline, and only the lab’s people list them', async () => {
    await expectOnlyManagers((email) => callerAs(db, email).baseline.set({ labId, name: 'Sneaky' }));
    expect(await errorCode(callerAs(db, null).baseline.list({ labId }))).toBe('UNAUTHORIZED');
    for (const email of OUTSIDERS) expect(await errorCode(callerAs(db, email).baseline.list({ labId }))).toBe('NOT_FOUND');
  });
});

describe('milestone.reschedulePreview and milestone.rescheduleApply', () => {
  it('previews every downstream move, then applies them all in one transaction, audited', async () => {
    const manager = callerAs(db, 'manager@demo.local');
    const preview = await manager.milestone.reschedulePreview({ labId });
    expect(preview.map((m) => m.title)).toEqual([PILOT, MASS]);
    const pilot = byTitle(PILOT);
    // Round 2 materials finish at today + 100, so the pilot run may start at today + 101 (it was at today + 20).
    expect(preview[0]).toMatchObject({ shiftDays: 81, from: { start: pilot.forecastStart } });
    const countsBefore = tableCounts(db);
    const result = await manager.milestone.rescheduleApply({ labId, expected: preview.map((m) => ({ id: m.id, version: m.version })) });
    expect(result).toEqual({ moved: 2 });
    expect(byTitle(PILOT)).toMatchObject({
      forecastStart: preview[0]!.to.start,
      forecastFinish: preview[0]!.to.finish,
      version: pilot.version + 1,
    });
    expect(byTitle(MASS).forecastStart).toBe(preview[1]!.to.start);
    expect(tableCounts(db).audit_events).toBe(countsBefore.audit_events! + 2);
    const timeline = await manager.milestone.timeline({ labId });
    expect(timeline.conflictCount).toBe(0);
    expect(await manager.milestone.reschedulePreview({ labId })).toEqual([]);
  });

  it('limits the preview to what is downstream of a chosen milestone', async () => {
    const preview = await callerAs(db, 'manager@demo.local').milestone.reschedulePreview({ labId, fromId: idOf(PILOT) });
    expect(preview).toEqual([]);
    const fromLtpo = await callerAs(db, 'manager@demo.local').milestone.reschedulePreview({ labId, fromId: idOf(LTPO) });
    expect(fromLtpo.map((m) => m.title)).toEqual([PILOT, MASS]);
  });

  it('refuses to apply a preview that no longer matches the plan, saving nothing', async () => {
    const manager = callerAs(db, 'manager@demo.local');
    const preview = await manager.milestone.reschedulePreview({ labId });
    const mass = byTitle(MASS);
    await manager.milestone.updateProgress({
      labId,
      id: mass.id,
      version: mass.version,
      status: 'not_started',
      percentComplete: 5,
      actualStart: null,
      actualFinish: null,
    });
    await expectRefused(
      () => manager.milestone.rescheduleApply({ labId, expected: preview.map((m) => ({ id: m.id, version: m.version })) }),
      'CONFLICT',
    );
    expect(byTitle(PILOT).forecastStart).toBe(preview[0]!.from.start);
  });

  it('is a manager’s action', async () => {
    await expectOnlyManagers((email) => callerAs(db, email).milestone.reschedulePreview({ labId }));
    await expectOnlyManagers((email) => callerAs(db, email).milestone.rescheduleApply({ labId, expected: [] }));
  });
});
