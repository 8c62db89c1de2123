import { and, desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, milestones, organisations } from '@/db/schema';
import { TEST_TODAY, callerAs, errorCode, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { expectAll } from '../helpers/expect-all';

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});

function milestoneByTitle(title: string) {
  const row = db.select().from(milestones).where(eq(milestones.title, title)).get();
  if (!row) throw new Error(`no milestone ${title}`);
  return row;
}

const orgId = (shortName: string) => db.select().from(organisations).where(eq(organisations.shortName, shortName)).get()!.id;

function newMilestone(overrides: Record<string, unknown> = {}) {
  return {
    labId,
    title: 'Encapsulation film verification',
    description: 'Thin-film encapsulation from a domestic supplier.',
    phase: 'tech_verification' as const,
    ownerOrganisationId: orgId('Tianma'),
    forecastStart: '2026-07-01',
    forecastFinish: '2026-09-30',
    actualStart: null,
    actualFinish: null,
    status: 'not_started' as const,
    percentComplete: 0,
    isPublic: false,
    ...overrides,
  };
}

// Who is who for new-display-lab (PRODUCT.md "Who may do what").
const OUTSIDERS = ['steel@demo.local', 'equipment@demo.local']; // managers of other labs: the lab is invisible to them
const BELOW_MEMBER = ['viewer@demo.local'];
const BELOW_MANAGER = ['viewer@demo.local', 'member@demo.local'];

/** Runs a refused call and checks it changed no table. */
async function expectRefused(call: () => Promise<unknown>, code: string) {
  const before = tableCounts(db);
  const snapshot = JSON.stringify(db.select().from(milestones).all());
  expect(await errorCode(call())).toBe(code);
  expect(tableCounts(db)).toEqual(before);
  expect(JSON.stringify(db.select().from(milestones).all())).toBe(snapshot);
}

describe('milestone.timeline', () => {
  it('gives every role in the lab the timeline with baseline, slippage, conflicts and critical path', async () => {
    for (const email of ['viewer@demo.local', 'member@demo.local', 'manager@demo.local', 'admin@demo.local']) {
      const timeline = await callerAs(db, email).milestone.timeline({ labId });
      expect(timeline.milestones).toHaveLength(12);
    }
    const timeline = await callerAs(db, 'viewer@demo.local').milestone.timeline({ labId });
    expect(timeline.baselines.map((b) => b.name)).toEqual(['Re-plan after first product', 'Plan approved at launch']);
    expect(timeline.chosenBaselineId).toBe(timeline.baselines[0]!.id);
    const ltpo = timeline.milestones.find((m) => m.title === 'LTPO backplane process verification')!;
    // Re-plan: finish at today − 20; forecast today + 15 → 35 days late against the latest baseline.
    expect(ltpo.slipDays).toBe(35);
    const fmm = timeline.milestones.find((m) => m.title === 'Domestic fine metal mask pilot trial')!;
    expect(fmm.late).toBe(true);
    // The pilot run starts before LTPO (+14 days lag) and round 2 materials finish: a conflict.
    const pilot = timeline.milestones.find((m) => m.title.startsWith('Pilot run'))!;
    expect(pilot.conflict).toBe(true);
    expect(timeline.conflictCount).toBeGreaterThanOrEqual(2);
    // The longest chain ends with mass production, driven by round 2 materials and the pilot run.
    const critical = timeline.milestones.filter((m) => m.critical).map((m) => m.title);
    expect(critical).toContain('Mass production with at least 30 % domestic materials');
    expect(critical).toContain('Pilot run with domestic materials (10,000 panels)');
    expect(timeline.dependencies.some((d) => d.critical)).toBe(true);
    expectAll(timeline.milestones, (m) => m.totalFloat === null || m.totalFloat >= 0);
    expect(timeline.slippage.endSlipDays).toBeGreaterThan(0);
  });

  it('shows, for every demo lab, dependencies, a critical path, baseline differences and late milestones', async () => {
    const admin = callerAs(db, 'admin@demo.local');
    for (const slug of ['new-display-lab', 'green-auto-steel', 'key-equipment-consortium']) {
      const timeline = await admin.milestone.timeline({ labId: labIdOf(db, slug) });
      expect(timeline.dependencies.length, slug).toBeGreaterThanOrEqual(5);
      expect(timeline.milestones.filter((m) => m.critical).length, slug).toBeGreaterThanOrEqual(2);
      expect(
        timeline.dependencies.some((d) => d.critical),
        slug,
      ).toBe(true);
      expect(
        timeline.milestones.some((m) => (m.slipDays ?? 0) > 0),
        slug,
      ).toBe(true);
      expect(
        timeline.milestones.some((m) => m.late),
        slug,
      ).toBe(true);
    }
  });

  it('compares against any chosen baseline', async () => {
    const caller = callerAs(db, 'manager@demo.local');
    const { baselines } = await caller.milestone.timeline({ labId });
    const first = await caller.milestone.timeline({ labId, baselineId: baselines[1]!.id });
    const ltpo = first.milestones.find((m) => m.title === 'LTPO backplane process verification')!;
    // First plan: finish at today − 30 → 45 days of slip.
    expect(ltpo.slipDays).toBe(45);
    expect(first.chosenBaselineId).toBe(baselines[1]!.id);
  });

  it('answers NOT_FOUND for a baseline of another lab', async () => {
    const other = await callerAs(db, 'steel@demo.local').milestone.timeline({ labId: labIdOf(db, 'green-auto-steel') });
    expect(await errorCode(callerAs(db, 'manager@demo.local').milestone.timeline({ labId, baselineId: other.baselines[0]!.id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses anonymous callers and hides the lab from outsiders', async () => {
    expect(await errorCode(callerAs(db, null).milestone.timeline({ labId }))).toBe('UNAUTHORIZED');
    for (const email of OUTSIDERS) expect(await errorCode(callerAs(db, email).milestone.timeline({ labId }))).toBe('NOT_FOUND');
  });
});

describe('milestone.create', () => {
  it('lets a manager or admin add a milestone, audited', async () => {
    for (const email of ['manager@demo.local', 'admin@demo.local']) {
      const created = await callerAs(db, email).milestone.create(newMilestone({ title: `Made by ${email}` }));
      expect(created).toMatchObject({ labId, title: `Made by ${email}`, version: 1 });
      const audit = db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'milestone'), eq(auditEvents.entityId, created.id)))
        .all();
      expect(audit.map((a) => a.action)).toEqual(['created']);
      expect(audit[0]!.actorId).toBe(sessionUser(db, email).id);
    }
  });

  it('refuses everyone else and changes nothing', async () => {
    await expectRefused(() => callerAs(db, null).milestone.create(newMilestone()), 'UNAUTHORIZED');
    for (const email of OUTSIDERS) await expectRefused(() => callerAs(db, email).milestone.create(newMilestone()), 'NOT_FOUND');
    for (const email of BELOW_MANAGER) await expectRefused(() => callerAs(db, email).milestone.create(newMilestone()), 'FORBIDDEN');
  });

  it('names the field for each broken rule, in the caller’s language, and saves nothing', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const before = tableCounts(db);
    const bad = newMilestone({ forecastFinish: '2026-06-01', status: 'done', percentComplete: 50 });
    const en = await httpCall(db, 'milestone.create', bad, { user });
    expect(en.status).toBe(400);
    expect(en.body.error?.json.data.fieldErrors).toEqual({
      forecastFinish: ['The finish date cannot be before the start date.'],
      actualFinish: ['A milestone marked done needs its actual finish date.'],
      percentComplete: ['A milestone marked done is 100 % complete.'],
    });
    const zh = await httpCall(db, 'milestone.create', bad, { user, locale: 'zh-CN' });
    expect(zh.body.error?.json.data.fieldErrors.forecastFinish).toEqual(['结束日期不能早于开始日期。']);
    const badDate = await httpCall(db, 'milestone.create', newMilestone({ forecastStart: '2026-02-30', title: '' }), { user });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error?.json.data.fieldErrors).toMatchObject({
      forecastStart: ['Enter a date as month/day/year (such as 12/31/2026), or choose one with the calendar button.'],
      title: ['Fill in this field.'],
    });
    expect(tableCounts(db)).toEqual(before);
  });

  it('refuses an owner that is not a partner of the lab, naming the field', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const res = await httpCall(db, 'milestone.create', newMilestone({ ownerOrganisationId: orgId('HBIS') }), { user });
    expect(res.status).toBe(400);
    expect(res.body.error?.json.data.fieldErrors).toEqual({
      ownerOrganisationId: ['Choose an organisation that is a partner of this lab.'],
    });
  });

  it('checks the rules in the service too, for callers that bypass the procedure', async () => {
    const { createMilestone } = await import('@/server/services/milestones');
    expect(() =>
      createMilestone(db, sessionUser(db, 'manager@demo.local'), newMilestone({ status: 'done', percentComplete: 100 })),
    ).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', field: 'actualFinish' }));
  });
});

describe('milestone.update', () => {
  it('lets a manager change every field, audits the changed fields and bumps the version', async () => {
    const m = milestoneByTitle('Domestic fine metal mask pilot trial');
    const updated = await callerAs(db, 'manager@demo.local').milestone.update({
      ...newMilestone({
        title: 'FMM pilot trial (renamed)',
        isPublic: false,
        forecastStart: m.forecastStart,
        forecastFinish: '2026-08-31',
      }),
      id: m.id,
      version: m.version,
    });
    expect(updated).toMatchObject({ title: 'FMM pilot trial (renamed)', version: m.version + 1, isPublic: false });
    const event = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'milestone'), eq(auditEvents.entityId, m.id), eq(auditEvents.action, 'updated')))
      .orderBy(desc(auditEvents.id)) // the newest: the demo history has earlier edits
      .get()!;
    expect(event.before).toMatchObject({ title: 'Domestic fine metal mask pilot trial', isPublic: true });
    expect(event.after).toMatchObject({ title: 'FMM pilot trial (renamed)', isPublic: false });
  });

  it('gives the second of two editors a conflict, and keeps the first editor’s change', async () => {
    const m = milestoneByTitle('Domestic fine metal mask pilot trial');
    const base = { ...newMilestone({ forecastStart: m.forecastStart, forecastFinish: m.forecastFinish }), id: m.id, version: m.version };
    await callerAs(db, 'manager@demo.local').milestone.update({ ...base, title: 'First editor’s title' });
    const before = tableCounts(db);
    const res = await httpCall(
      db,
      'milestone.update',
      { ...base, title: 'Second editor’s title' },
      { user: sessionUser(db, 'admin@demo.local') },
    );
    expect(res.status).toBe(409);
    expect(res.body.error?.json.message).toMatch(/Reload/);
    expect(milestoneByTitle('First editor’s title').version).toBe(m.version + 1);
    expect(tableCounts(db)).toEqual(before);
    // A member's progress update based on the old version is refused the same way.
    expect(
      await errorCode(
        callerAs(db, 'member@demo.local').milestone.updateProgress({
          labId,
          id: m.id,
          version: m.version,
          status: 'in_progress',
          percentComplete: 50,
          actualStart: m.actualStart,
          actualFinish: null,
        }),
      ),
    ).toBe('CONFLICT');
    expect(milestoneByTitle('First editor’s title')).toMatchObject({ version: m.version + 1, percentComplete: 0, status: 'not_started' });
  });

  it('refuses a milestone of another lab as not found, even to a manager', async () => {
    const steelMilestone = db
      .select()
      .from(milestones)
      .where(eq(milestones.labId, labIdOf(db, 'green-auto-steel')))
      .get()!;
    await expectRefused(
      () =>
        callerAs(db, 'manager@demo.local').milestone.update({
          ...newMilestone({ ownerOrganisationId: null }),
          id: steelMilestone.id,
          version: steelMilestone.version,
        }),
      'NOT_FOUND',
    );
  });

  it('refuses roles below manager, and outsiders', async () => {
    const m = milestoneByTitle('Domestic fine metal mask pilot trial');
    const input = { ...newMilestone(), id: m.id, version: m.version };
    await expectRefused(() => callerAs(db, null).milestone.update(input), 'UNAUTHORIZED');
    for (const email of OUTSIDERS) await expectRefused(() => callerAs(db, email).milestone.update(input), 'NOT_FOUND');
    for (const email of BELOW_MANAGER) await expectRefused(() => callerAs(db, email).milestone.update(input), 'FORBIDDEN');
  });
});

describe('milestone.updateProgress', () => {
  const progress = (m: { id: number; version: number }, extra: Record<string, unknown> = {}) => ({
    labId,
    id: m.id,
    version: m.version,
    status: 'in_progress' as const,
    percentComplete: 60,
    actualStart: '2026-01-10',
    actualFinish: null,
    ...extra,
  });

  it('lets a member, manager or admin update status, percent and actual dates, audited', async () => {
    const m = milestoneByTitle('Domestic fine metal mask pilot trial');
    const updated = await callerAs(db, 'member@demo.local').milestone.updateProgress(progress(m));
    expect(updated).toMatchObject({ percentComplete: 60, status: 'in_progress', version: m.version + 1, title: m.title });
    const event = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'milestone'), eq(auditEvents.entityId, m.id), eq(auditEvents.action, 'progress_updated')))
      .orderBy(desc(auditEvents.id)) // the newest: the demo history has earlier progress
      .get()!;
    expect(event.before).toMatchObject({ percentComplete: 35, status: 'at_risk' });
    expect(event.after).toMatchObject({ percentComplete: 60, status: 'in_progress' });
    const again = await callerAs(db, 'manager@demo.local').milestone.updateProgress(progress(updated, { percentComplete: 70 }));
    await callerAs(db, 'admin@demo.local').milestone.updateProgress(
      progress(again, { status: 'done', percentComplete: 100, actualFinish: TEST_TODAY }),
    );
    expect(milestoneByTitle(m.title)).toMatchObject({ status: 'done', percentComplete: 100, actualFinish: TEST_TODAY });
  });

  it('marks done only with an actual finish and 100 %, with field errors before the database would refuse', async () => {
    const m = milestoneByTitle('Domestic fine metal mask pilot trial');
    const res = await httpCall(db, 'milestone.updateProgress', progress(m, { status: 'done' }), {
      user: sessionUser(db, 'member@demo.local'),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error!.json.data.fieldErrors).sort()).toEqual(['actualFinish', 'percentComplete']);
    const order = await httpCall(db, 'milestone.updateProgress', progress(m, { actualFinish: '2026-01-01' }), {
      user: sessionUser(db, 'member@demo.local'),
    });
    expect(order.body.error?.json.data.fieldErrors).toEqual({ actualFinish: ['The finish date cannot be before the start date.'] });
    const range = await httpCall(db, 'milestone.updateProgress', progress(m, { percentComplete: 101 }), {
      user: sessionUser(db, 'member@demo.local'),
    });
    expect(range.body.error?.json.data.fieldErrors).toEqual({ percentComplete: ['Enter 100 or less.'] });
    expect(milestoneByTitle(m.title).version).toBe(m.version);
  });

  it('refuses viewers, outsiders and anonymous callers, changing nothing', async () => {
    const m = milestoneByTitle('Domestic fine metal mask pilot trial');
    await expectRefused(() => callerAs(db, null).milestone.updateProgress(progress(m)), 'UNAUTHORIZED');
    for (const email of OUTSIDERS) await expectRefused(() => callerAs(db, email).milestone.updateProgress(progress(m)), 'NOT_FOUND');
    for (const email of BELOW_MEMBER) await expectRefused(() => callerAs(db, email).milestone.updateProgress(progress(m)), 'FORBIDDEN');
  });
});

describe('milestone.delete', () => {
  it('lets a manager delete a milestone with its dependencies, audited with what it was', async () => {
    const m = milestoneByTitle('Pilot run with domestic materials (10,000 panels)');
    const before = tableCounts(db);
    await callerAs(db, 'manager@demo.local').milestone.delete({ labId, id: m.id, version: m.version });
    const after = tableCounts(db);
    expect(after.milestones).toBe(before.milestones! - 1);
    expect(after.milestone_dependencies).toBe(before.milestone_dependencies! - 4);
    const event = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, m.id), eq(auditEvents.action, 'deleted')))
      .get()!;
    expect(event.before).toMatchObject({ title: m.title });
  });

  it('refuses a stale delete, roles below manager and outsiders', async () => {
    const m = milestoneByTitle('Pilot run with domestic materials (10,000 panels)');
    await expectRefused(() => callerAs(db, 'manager@demo.local').milestone.delete({ labId, id: m.id, version: m.version + 1 }), 'CONFLICT');
    await expectRefused(() => callerAs(db, null).milestone.delete({ labId, id: m.id, version: m.version }), 'UNAUTHORIZED');
    for (const email of OUTSIDERS)
      await expectRefused(() => callerAs(db, email).milestone.delete({ labId, id: m.id, version: m.version }), 'NOT_FOUND');
    for (const email of BELOW_MANAGER)
      await expectRefused(() => callerAs(db, email).milestone.delete({ labId, id: m.id, version: m.version }), 'FORBIDDEN');
  });
});
