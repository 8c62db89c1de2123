import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/db/client';
import { goalMilestones, goals, organisations } from '@/db/schema';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { codeOf, errorOf, freezeToday, goalByTitle, lastAudit, measurementsOf, milestoneIdsOfLab, newGoal } from '../helpers/goals';
import { httpCall } from '../helpers/http';
import { expectAll } from '../helpers/expect-all';

let db: DB;
let display: number;
beforeEach(async () => {
  freezeToday();
  db = await freshDb();
  display = labIdOf(db, 'new-display-lab');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('goal.list', () => {
  it('shows every role in the lab all its goals, private ones included, with a status each', async () => {
    for (const email of ['viewer@demo.local', 'member@demo.local', 'manager@demo.local', 'admin@demo.local']) {
      const { goals: list } = await callerAs(db, email).goal.list({ labId: display });
      expect(list.map((g) => g.titleEn)).toHaveLength(4);
      expect(list.map((g) => g.titleEn)).toContain('Confidential: qualified domestic driver IC suppliers');
    }
    const { goals: list, canManage, canRecord } = await callerAs(db, 'viewer@demo.local').goal.list({ labId: display });
    expect([canManage, canRecord]).toEqual([false, false]);
    const status = Object.fromEntries(list.map((g) => [g.titleEn, g.assessment.status]));
    // Hand-checked against the demo data: evaporation materials 1.9 points behind with a tolerance of 2.2;
    // fine metal masks 6.4 points behind with a tolerance of 2.
    expect(status['Raise the domestic share of OLED evaporation materials']).toBe('on_track');
    expect(status['Qualify domestic fine metal masks']).toBe('off_track');
    const evap = list.find((g) => g.titleEn.startsWith('Raise the domestic share of OLED evaporation'))!;
    expect(evap.points).toHaveLength(6);
    expect(evap.points[5]).toEqual({ asOf: '2026-05-06', value: 21.2 });
  });

  it('tells members they may record and managers they may manage', async () => {
    expect((await callerAs(db, 'member@demo.local').goal.list({ labId: display })).canRecord).toBe(true);
    expect((await callerAs(db, 'member@demo.local').goal.list({ labId: display })).canManage).toBe(false);
    expect((await callerAs(db, 'manager@demo.local').goal.list({ labId: display })).canManage).toBe(true);
  });

  it('answers NOT_FOUND to people outside the lab, and UNAUTHORIZED to the anonymous', async () => {
    expect(await codeOf(callerAs(db, 'steel@demo.local').goal.list({ labId: display }))).toBe('NOT_FOUND');
    expect(await codeOf(callerAs(db, 'member@demo.local').goal.list({ labId: labIdOf(db, 'key-equipment-consortium') }))).toBe('NOT_FOUND');
    expect(await codeOf(callerAs(db, null).goal.list({ labId: display }))).toBe('UNAUTHORIZED');
  });
});

describe('goal.detail', () => {
  it('gives the measurements newest first, the linked milestones and the updates that mention the goal', async () => {
    const fmm = goalByTitle(db, 'Qualify domestic fine metal masks');
    const detail = await callerAs(db, 'viewer@demo.local').goal.detail({ labId: display, goalId: fmm.id });
    expect(detail.goal.assessment.status).toBe('off_track');
    expect(detail.measurements.map((m) => m.value)).toEqual([2, 1, 0.5, 0]);
    expect(detail.measurements[0]).toMatchObject({ recordedByName: expect.any(String), recordedByOrg: 'Tianma', canEdit: false });
    expect(detail.milestones).toHaveLength(2);
    expect(detail.updates.map((u) => u.health)).toEqual(['off_track', 'at_risk']);
    expect(detail.updates[0]!.html).toContain('<p>FMM pilot trial slipping');
  });

  it('lets members edit only their own measurements, and managers all of them', async () => {
    const shipments = goalByTitle(db, 'Domestic makers');
    const asMember = await callerAs(db, 'member@demo.local').goal.detail({ labId: display, goalId: shipments.id });
    expectAll(asMember.measurements, (m) => !m.canEdit); // all recorded by the manager
    const fmm = goalByTitle(db, 'Qualify domestic fine metal masks');
    expect(
      (await callerAs(db, 'member@demo.local').goal.detail({ labId: display, goalId: fmm.id })).measurements.every((m) => m.canEdit),
    ).toBe(true);
    expect(
      (await callerAs(db, 'manager@demo.local').goal.detail({ labId: display, goalId: shipments.id })).measurements.every((m) => m.canEdit),
    ).toBe(true);
  });

  it('answers NOT_FOUND for a goal of another lab, even asked through a lab the caller is in', async () => {
    const steelGoal = goalByTitle(db, 'Lower the CO2 intensity');
    const member = callerAs(db, 'member@demo.local');
    expect(await codeOf(member.goal.detail({ labId: display, goalId: steelGoal.id }))).toBe('NOT_FOUND');
    expect(await codeOf(member.goal.detail({ labId: steelGoal.labId, goalId: steelGoal.id }))).toBe('NOT_FOUND');
    expect(await codeOf(member.goal.detail({ labId: display, goalId: 999_999 }))).toBe('NOT_FOUND');
    expect(await codeOf(callerAs(db, null).goal.detail({ labId: display, goalId: steelGoal.id }))).toBe('UNAUTHORIZED');
  });
});

describe('goal.create', () => {
  it('lets a manager create a goal linked to two milestones, audited with what was created', async () => {
    const [m1, m2] = milestoneIdsOfLab(db, 'new-display-lab');
    const xiaomi = db.select().from(organisations).where(eq(organisations.shortName, 'Xiaomi')).get()!;
    const { id } = await callerAs(db, 'manager@demo.local').goal.create(
      newGoal(display, { milestoneIds: [m2, m1], ownerOrganisationId: xiaomi.id, tolerance: 3, isPublic: true }),
    );
    const goal = db.select().from(goals).where(eq(goals.id, id)).get()!;
    expect(goal).toMatchObject({
      labId: display,
      unit: 'percent',
      tolerance: 3,
      ownerOrganisationId: xiaomi.id,
      isPublic: true,
      version: 1,
    });
    const links = db.select().from(goalMilestones).where(eq(goalMilestones.goalId, id)).all();
    expect(links.map((l) => l.milestoneId).sort((a, b) => a - b)).toEqual([m1!, m2!].sort((a, b) => a - b));
    const audit = lastAudit(db, 'goal')!;
    expect(audit).toMatchObject({ action: 'created', entityId: id, labId: display, actorId: sessionUser(db, 'manager@demo.local').id });
    expect(audit.after).toMatchObject({
      titleEn: 'Raise the domestic share of OLED driver boards',
      milestoneIds: [m1!, m2!].sort((a, b) => a - b),
    });
  });

  it('lets an admin create a goal in any lab', async () => {
    const equipment = labIdOf(db, 'key-equipment-consortium');
    const { id } = await callerAs(db, 'admin@demo.local').goal.create(newGoal(equipment));
    expect(db.select().from(goals).where(eq(goals.id, id)).get()!.labId).toBe(equipment);
  });

  it('refuses every role below manager, and people outside the lab, changing nothing', async () => {
    const before = tableCounts(db);
    expect(await codeOf(callerAs(db, 'member@demo.local').goal.create(newGoal(display)))).toBe('FORBIDDEN');
    expect(await codeOf(callerAs(db, 'viewer@demo.local').goal.create(newGoal(display)))).toBe('FORBIDDEN');
    expect(await codeOf(callerAs(db, 'steel@demo.local').goal.create(newGoal(display)))).toBe('NOT_FOUND');
    expect(await codeOf(callerAs(db, 'equipment@demo.local').goal.create(newGoal(display)))).toBe('NOT_FOUND');
    expect(await codeOf(callerAs(db, null).goal.create(newGoal(display)))).toBe('UNAUTHORIZED');
    expect(tableCounts(db)).toEqual(before);
  });

  it('names the field of each rule broken, in the caller’s language, and saves nothing', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const before = tableCounts(db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ targetDate: '2025-12-31' }, 'targetDate', 'The target date must be after the baseline date.'],
      [{ targetValue: 4 }, 'targetValue', 'To raise the metric, the target must be higher than the baseline.'],
      [{ direction: 'lower' }, 'targetValue', 'To lower the metric, the target must be lower than the baseline.'],
      [{ targetValue: 120 }, 'targetValue', 'Enter a value from 0 to 100.'],
      [{ unit: 'tonnes', baselineValue: -5 }, 'baselineValue', 'Enter 0 or more.'],
      [{ unit: 'other' }, 'unitLabel', 'Name the unit, e.g. “wafers/month”.'],
      [{ baselineValue: 'lots' }, 'baselineValue', 'Enter a number, like 12.5.'],
      [{ baselineDate: '2026-02-30' }, 'baselineDate', 'Enter a date as month/day/year (such as 12/31/2026), or choose one with the calendar button.'],
      [{ tolerance: -1 }, 'tolerance', 'The tolerance must be more than 0; leave it blank for the default.'],
      [{ titleEn: '  ' }, 'titleEn', 'Fill in this field.'],
      [{ milestoneIds: milestoneIdsOfLab(db, 'green-auto-steel').slice(0, 1) }, 'milestoneIds', 'Choose milestones of this lab only.'],
      [
        { ownerOrganisationId: db.select().from(organisations).where(eq(organisations.shortName, 'HBIS')).get()!.id },
        'ownerOrganisationId',
        'Choose an organisation that is a partner of this lab.',
      ],
    ];
    for (const [override, field, message] of cases) {
      const res = await httpCall(db, 'goal.create', newGoal(display, override), { user });
      expect(res.status, field).toBe(400);
      expect(res.body.error?.json.data.fieldErrors[field], JSON.stringify(override)).toEqual([message]);
    }
    const zh = await httpCall(db, 'goal.create', newGoal(display, { targetDate: '2025-01-01' }), { user, locale: 'zh-CN' });
    expect(zh.body.error?.json.data.fieldErrors.targetDate).toEqual(['目标日期必须晚于基线日期。']);
    expect(tableCounts(db)).toEqual(before);
  });

  it('accepts any finite number for a unit the manager names', async () => {
    const { id } = await callerAs(db, 'manager@demo.local').goal.create(
      newGoal(display, { unit: 'other', unitLabel: '°C', direction: 'lower', baselineValue: -10, targetValue: -40 }),
    );
    expect(db.select().from(goals).where(eq(goals.id, id)).get()).toMatchObject({ unitLabel: '°C', baselineValue: -10, targetValue: -40 });
  });
});

describe('goal.update', () => {
  it('saves a manager’s edit, relinks milestones and audits before and after', async () => {
    const evap = goalByTitle(db, 'Raise the domestic share of OLED evaporation');
    const [m1] = milestoneIdsOfLab(db, 'new-display-lab');
    const manager = callerAs(db, 'manager@demo.local');
    const { goal } = (await manager.goal.editor({ labId: display, goalId: evap.id }))!;
    await manager.goal.update({ ...goal!, labId: display, goalId: evap.id, targetValue: 35, milestoneIds: [m1!] });
    const after = db.select().from(goals).where(eq(goals.id, evap.id)).get()!;
    expect(after).toMatchObject({ targetValue: 35, version: evap.version + 1 });
    expect(
      db
        .select()
        .from(goalMilestones)
        .where(eq(goalMilestones.goalId, evap.id))
        .all()
        .map((l) => l.milestoneId),
    ).toEqual([m1]);
    const audit = lastAudit(db, 'goal')!;
    expect(audit).toMatchObject({ action: 'updated', entityId: evap.id });
    expect(audit.before).toEqual({ targetValue: 30, milestoneIds: goal!.milestoneIds });
    expect(audit.after).toEqual({ targetValue: 35, milestoneIds: [m1] });
  });

  it('refuses a stale edit with CONFLICT and keeps the newer save', async () => {
    const evap = goalByTitle(db, 'Raise the domestic share of OLED evaporation');
    const manager = callerAs(db, 'manager@demo.local');
    const { goal } = await manager.goal.editor({ labId: display, goalId: evap.id });
    await manager.goal.update({ ...goal!, labId: display, goalId: evap.id, targetValue: 35 });
    const before = tableCounts(db);
    const stale = await errorOf(
      callerAs(db, 'admin@demo.local').goal.update({ ...goal!, labId: display, goalId: evap.id, targetValue: 50 }),
    );
    expect(stale?.code).toBe('CONFLICT');
    expect(db.select().from(goals).where(eq(goals.id, evap.id)).get()!.targetValue).toBe(35);
    expect(tableCounts(db)).toEqual(before);
  });

  it('keeps the goal consistent with the measurements already recorded', async () => {
    const co2 = goalByTitle(db, 'Lower the CO2 intensity');
    const steel = callerAs(db, 'steel@demo.local');
    const { goal } = await steel.goal.editor({ labId: co2.labId, goalId: co2.id });
    const base = { ...goal!, labId: co2.labId, goalId: co2.id };
    // 1 640 kg/t cannot become a percentage; a baseline after the first measurement would orphan it.
    const unit = await errorOf(steel.goal.update({ ...base, unit: 'percent', baselineValue: 90, targetValue: 50 }));
    expect(unit?.code).toBe('BAD_REQUEST');
    expect((unit as { field?: string }).field).toBe('unit');
    const date = await errorOf(steel.goal.update({ ...base, baselineDate: '2024-01-01' }));
    expect((date as { field?: string }).field).toBe('baselineDate');
    expect(db.select().from(goals).where(eq(goals.id, co2.id)).get()!.version).toBe(co2.version);
  });

  it('refuses members, viewers and managers of other labs', async () => {
    const evap = goalByTitle(db, 'Raise the domestic share of OLED evaporation');
    const { goal } = await callerAs(db, 'manager@demo.local').goal.editor({ labId: display, goalId: evap.id });
    const input = { ...goal!, labId: display, goalId: evap.id, targetValue: 31 };
    const before = tableCounts(db);
    expect(await codeOf(callerAs(db, 'member@demo.local').goal.update(input))).toBe('FORBIDDEN');
    expect(await codeOf(callerAs(db, 'viewer@demo.local').goal.update(input))).toBe('FORBIDDEN');
    expect(await codeOf(callerAs(db, 'steel@demo.local').goal.update(input))).toBe('NOT_FOUND');
    // The steel manager asking through their own lab still cannot reach another lab's goal.
    expect(await codeOf(callerAs(db, 'steel@demo.local').goal.update({ ...input, labId: labIdOf(db, 'green-auto-steel') }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(callerAs(db, null).goal.update(input))).toBe('UNAUTHORIZED');
    expect(tableCounts(db)).toEqual(before);
    expect(db.select().from(goals).where(eq(goals.id, evap.id)).get()!.targetValue).toBe(30);
  });
});

describe('goal.delete', () => {
  it('deletes the goal with its measurements and links, and the audit log keeps what it was', async () => {
    const fmm = goalByTitle(db, 'Qualify domestic fine metal masks');
    await callerAs(db, 'manager@demo.local').goal.delete({ labId: display, goalId: fmm.id, version: fmm.version });
    expect(db.select().from(goals).where(eq(goals.id, fmm.id)).get()).toBeUndefined();
    expect(measurementsOf(db, fmm.id)).toHaveLength(0);
    const audit = lastAudit(db, 'goal')!;
    expect(audit).toMatchObject({ action: 'deleted', entityId: fmm.id });
    expect(audit.before).toMatchObject({ titleEn: 'Qualify domestic fine metal masks', measurementCount: 4 });
  });

  it('refuses a stale delete, lower roles and outsiders, changing nothing', async () => {
    const fmm = goalByTitle(db, 'Qualify domestic fine metal masks');
    const before = tableCounts(db);
    expect(await codeOf(callerAs(db, 'manager@demo.local').goal.delete({ labId: display, goalId: fmm.id, version: fmm.version + 1 }))).toBe(
      'CONFLICT',
    );
    expect(await codeOf(callerAs(db, 'member@demo.local').goal.delete({ labId: display, goalId: fmm.id, version: fmm.version }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(callerAs(db, 'viewer@demo.local').goal.delete({ labId: display, goalId: fmm.id, version: fmm.version }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(callerAs(db, 'equipment@demo.local').goal.delete({ labId: display, goalId: fmm.id, version: fmm.version }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(callerAs(db, null).goal.delete({ labId: display, goalId: fmm.id, version: fmm.version }))).toBe('UNAUTHORIZED');
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('goal.editor', () => {
  it('offers a manager the lab’s partners as owners and its milestones to link', async () => {
    const editor = await callerAs(db, 'manager@demo.local').goal.editor({ labId: display });
    expect(editor.owners.map((o) => o.shortName).sort()).toEqual(['CSOT Wuhan', 'Tianma', 'Xiaomi']);
    expect(editor.milestones).toHaveLength(12);
    expect(editor.goal).toBeNull();
  });

  it('is for managers only', async () => {
    expect(await codeOf(callerAs(db, 'member@demo.local').goal.editor({ labId: display }))).toBe('FORBIDDEN');
    expect(await codeOf(callerAs(db, 'steel@demo.local').goal.editor({ labId: display }))).toBe('NOT_FOUND');
  });
});
