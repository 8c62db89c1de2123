import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { goals, labs, measurements, milestones, progressUpdates } from '@/db/schema';
import { publicTimelineItems } from '@/app/_components/fact-sheet/public-timeline';
import { assessGoal } from '@/server/domain/goal-status';
import { getPublicFactSheet } from '@/server/services/public-fact-sheet';
import { TEST_NOW, TEST_TODAY, callerAs, errorCode, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { expectAll } from '../helpers/expect-all';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

const EVERYONE = [
  null,
  'viewer@demo.local',
  'member@demo.local',
  'manager@demo.local',
  'steel@demo.local',
  'equipment@demo.local',
  'admin@demo.local',
];

/** Every key that appears anywhere in a value. */
function allKeys(value: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object' && !(v instanceof Date)) {
      for (const [k, child] of Object.entries(v)) {
        keys.add(k);
        walk(child);
      }
    }
  };
  walk(value);
  return keys;
}

describe('directory.factSheet', () => {
  it('gives everyone, signed in or not and whatever their role, the same public fact sheet', async () => {
    const anonymous = await callerAs(db, null).directory.factSheet({ slug: 'new-display-lab' });
    for (const who of EVERYONE) {
      expect(await callerAs(db, who).directory.factSheet({ slug: 'new-display-lab' }), String(who)).toEqual(anonymous);
    }
    expect(anonymous.lab.nameEn).toBe('New Display Technology Joint Laboratory');
    expect(anonymous.partners.map((p) => [p.shortName, p.role])).toEqual([
      ['Xiaomi', 'lead'],
      ['Tianma', 'core_partner'],
      ['CSOT Wuhan', 'core_partner'],
    ]);
    expect(anonymous.technologies).toHaveLength(3);
  });

  it('shows only the public milestones, goals and updates: nothing "Confidential"', async () => {
    const sheet = await callerAs(db, null).directory.factSheet({ slug: 'new-display-lab' });
    expect(sheet.milestones).toHaveLength(10);
    expect(sheet.goals.map((g) => g.titleEn)).toHaveLength(3);
    expect(sheet.updates).toHaveLength(4);
    const text = JSON.stringify(sheet);
    expect(text).not.toContain('Confidential');
    expect(text).not.toContain('保密');
    expect(text).not.toContain('driver IC');
    // A private update linked to public milestones stays private.
    expect(text).not.toContain('LTPO at 70 %');
    // Updates only ever link to public milestones.
    expectAll(sheet.updates.flatMap((u) => u.milestones.map((m) => m.title)), (t) => !t.startsWith('Confidential'));
  });

  it('answers only with allow-listed fields', async () => {
    const keys = allKeys(await callerAs(db, null).directory.factSheet({ slug: 'new-display-lab' }));
    for (const forbidden of [
      'visibility',
      'contribution',
      'budgetCny',
      'isPublic',
      'version',
      'comment',
      'sourceUrl',
      'recordedById',
      'authorId',
      'hiddenAt',
      'hiddenReason',
      'hiddenById',
      'ownerOrganisationId',
      'labId',
      'email',
      'passwordHash',
    ]) {
      expect(keys.has(forbidden), forbidden).toBe(false);
    }
  });

  it('computes each public goal’s status from its latest measurement', async () => {
    const sheet = getPublicFactSheet(db, 'new-display-lab', TEST_NOW);
    const byTitle = Object.fromEntries(sheet.goals.map((g) => [g.titleEn, g]));
    const evap = byTitle['Raise the domestic share of OLED evaporation materials']!;
    expect(evap.latest).toMatchObject({ value: 21.2, source: 'Purchasing report Q3' });
    expect(evap.measurements).toHaveLength(6);
    // The same rule as the workspace's goal pages (server/domain/goal-status.ts).
    expect(evap.assessment).toEqual(assessGoal(evap, evap.measurements, TEST_TODAY));
    expect(evap.assessment.status).toBe('on_track');
    expect(byTitle['Qualify domestic fine metal masks']!.assessment.status).toBe('off_track');
  });

  it('draws on the timeline and charts only what it publishes', async () => {
    const labId = labIdOf(db, 'new-display-lab');
    const sheet = getPublicFactSheet(db, 'new-display-lab', TEST_NOW);
    const flagged = db
      .select({ id: milestones.id })
      .from(milestones)
      .where(and(eq(milestones.labId, labId), eq(milestones.isPublic, true)))
      .all()
      .map((m) => m.id);
    const items = publicTimelineItems(sheet.milestones, 'en', TEST_TODAY);
    expect(items.map((i) => i.id).sort()).toEqual(flagged.sort());
    // No baselines, slippage, critical path or conflicts: planning data is not published.
    for (const item of items)
      expect(item).toMatchObject({ baselineStart: null, baselineFinish: null, slipDays: null, critical: false, conflict: false });

    const publicGoalIds = db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.labId, labId), eq(goals.isPublic, true)))
      .all()
      .map((g) => g.id);
    expect(sheet.goals.map((g) => g.id).sort()).toEqual(publicGoalIds.sort());
    for (const goal of sheet.goals) {
      const stored = db
        .select({ asOf: measurements.asOf, value: measurements.value })
        .from(measurements)
        .where(eq(measurements.goalId, goal.id))
        .all();
      expect(goal.measurements.map(({ asOf, value }) => ({ asOf, value }))).toEqual(stored.sort((x, y) => x.asOf.localeCompare(y.asOf)));
    }
    // The lab's unpublished goal has measurements; none of them reaches the sheet.
    const hidden = db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.labId, labId), eq(goals.isPublic, false)))
      .all();
    expect(hidden.length).toBeGreaterThan(0);
    expect(
      db
        .select()
        .from(measurements)
        .all()
        .some((m) => hidden.some((g) => g.id === m.goalId)),
    ).toBe(true);
  });

  it('answers NOT_FOUND for a private lab exactly as for a missing one, even to its own manager and to admins', async () => {
    for (const who of EVERYONE) {
      expect(await errorCode(callerAs(db, who).directory.factSheet({ slug: 'key-equipment-consortium' })), String(who)).toBe('NOT_FOUND');
      expect(await errorCode(callerAs(db, who).directory.factSheet({ slug: 'no-such-lab' })), String(who)).toBe('NOT_FOUND');
    }
    const privateLab = await httpCall(db, 'directory.factSheet', { slug: 'key-equipment-consortium' }, { method: 'GET' });
    const missing = await httpCall(db, 'directory.factSheet', { slug: 'no-such-lab' }, { method: 'GET' });
    expect(privateLab.status).toBe(404);
    expect(privateLab.body).toEqual(missing.body);
  });

  it('follows what the lab publishes: a withdrawn milestone, a hidden update or a lab made private disappear', async () => {
    const labId = labIdOf(db, 'new-display-lab');
    db.update(milestones)
      .set({ isPublic: false })
      .where(and(eq(milestones.labId, labId), eq(milestones.title, 'LTPO backplane process verification')))
      .run();
    db.update(progressUpdates)
      .set({ hiddenAt: new Date() })
      .where(and(eq(progressUpdates.labId, labId), eq(progressUpdates.isPublic, true)))
      .run();
    const sheet = await callerAs(db, null).directory.factSheet({ slug: 'new-display-lab' });
    expect(sheet.milestones.map((m) => m.title)).not.toContain('LTPO backplane process verification');
    expect(sheet.updates).toEqual([]);

    db.update(labs).set({ visibility: 'private' }).where(eq(labs.id, labId)).run();
    expect(await errorCode(callerAs(db, null).directory.factSheet({ slug: 'new-display-lab' }))).toBe('NOT_FOUND');
  });

  it('changes nothing in any table', async () => {
    const before = tableCounts(db);
    await callerAs(db, null).directory.factSheet({ slug: 'new-display-lab' });
    await errorCode(callerAs(db, null).directory.factSheet({ slug: 'key-equipment-consortium' }));
    await callerAs(db, null).directory.search({ q: 'OLED' });
    expect(tableCounts(db)).toEqual(before);
  });

  it('names the field of a bad slug, in the caller’s language, and never answers 500', async () => {
    const user = sessionUser(db, 'member@demo.local');
    const en = await httpCall(db, 'directory.factSheet', { slug: '' }, { method: 'GET' });
    expect(en.status).toBe(400);
    expect(en.body.error?.json.data.fieldErrors).toEqual({ slug: ['Fill in this field.'] });
    const zh = await httpCall(db, 'directory.factSheet', { slug: 'x'.repeat(65) }, { method: 'GET', user, locale: 'zh-CN' });
    expect(zh.status).toBe(400);
    expect(zh.body.error?.json.data.fieldErrors).toEqual({ slug: ['最多 64 个字符。'] });
  });
});
