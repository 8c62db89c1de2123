import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { goals, measurements, milestones } from '@/db/schema';
import { addDays } from '@/server/domain/dates';
import { workingToday } from '@/server/domain/working-day';
import { labAtomFeed, newsAtomFeed } from '@/server/services/public-documents';
import { callerAs, errorCode, freshDb, labIdOf, tableCounts } from '../helpers/db';

// Decision 017: publishing is a manager's decision about the content itself. What someone who may
// not publish writes into a public item reaches the public pages only once a manager publishes it;
// structured progress (status, percent, dates, measured values) is public at once.

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});

const manager = () => callerAs(db, 'manager@demo.local');
const member = () => callerAs(db, 'member@demo.local');
const publicSheet = () => callerAs(db, null).directory.factSheet({ slug: 'new-display-lab' });

/** Everything the public reads about the lab: fact sheet, the lab's feed and the feed of all labs. */
async function publicText() {
  return [JSON.stringify(await publicSheet()), labAtomFeed(db, 'en', 'new-display-lab'), newsAtomFeed(db, 'en')];
}

async function publishedMemberUpdate(body = 'Mask line qualified for the 1.5K panel.') {
  const posted = await member().update.post({ labId, body, health: 'on_track' });
  const published = await manager().update.setPublic({ labId, updateId: posted.id, version: posted.version, isPublic: true });
  return { id: posted.id, version: published.version };
}

describe('a member edits an update a manager published', () => {
  it('leaves the public with the published text and health until a manager publishes the new one', async () => {
    const u = await publishedMemberUpdate();
    for (const text of await publicText()) expect(text).toContain('Mask line qualified for the 1.5K panel.');

    const edited = await member().update.edit({
      labId,
      updateId: u.id,
      version: u.version,
      body: 'Confidential: supplier price list attached.',
      health: 'off_track',
      isPublic: true,
    });
    expect(edited.awaitingPublication).toBe(true);
    for (const text of await publicText()) {
      expect(text).toContain('Mask line qualified for the 1.5K panel.');
      expect(text).not.toContain('supplier price list');
    }
    expect((await publicSheet()).updates.find((x) => x.id === u.id)?.health).toBe('on_track');

    // In the lab the edit is there, marked as waiting, with what the public still reads.
    const item = (await member().update.list({ labId })).items.find((x) => x.id === u.id)!;
    expect(item.body).toBe('Confidential: supplier price list attached.');
    expect(item.awaitingPublication?.publishedHtml).toContain('Mask line qualified');
    // The manager finds it among what waits for them, and publishes it again.
    const waiting = await manager().labSettings.awaitingPublication({ labId });
    expect(waiting.updates.map((x) => [x.id, x.excerpt, x.publishedExcerpt])).toEqual([
      [u.id, 'Confidential: supplier price list attached.', 'Mask line qualified for the 1.5K panel.'],
    ]);
    await manager().update.setPublic({ labId, updateId: u.id, version: edited.version, isPublic: true });
    for (const text of await publicText()) expect(text).toContain('supplier price list');
    expect((await manager().labSettings.awaitingPublication({ labId })).updates).toEqual([]);
    expect((await member().update.list({ labId })).items.find((x) => x.id === u.id)?.awaitingPublication).toBeNull();
  });

  it('stops waiting when the member returns to the published text, and keeps the first published version through several edits', async () => {
    const u = await publishedMemberUpdate('Pilot line at 92 % yield.');
    const first = await member().update.edit({
      labId,
      updateId: u.id,
      version: u.version,
      body: 'Pilot line at 95 % yield.',
      health: 'on_track',
      isPublic: true,
    });
    const second = await member().update.edit({
      labId,
      updateId: u.id,
      version: first.version,
      body: 'Pilot line at 97 % yield.',
      health: 'on_track',
      isPublic: true,
    });
    expect(JSON.stringify(await publicSheet())).toContain('Pilot line at 92 % yield.');
    const back = await member().update.edit({
      labId,
      updateId: u.id,
      version: second.version,
      body: 'Pilot line at 92 % yield.',
      health: 'on_track',
      isPublic: true,
    });
    expect(back.awaitingPublication).toBe(false);
    expect((await manager().labSettings.awaitingPublication({ labId })).updates).toEqual([]);
  });

  it('lets the author withdraw their update from the public at once', async () => {
    const u = await publishedMemberUpdate('Text the author withdraws.');
    await member().update.edit({
      labId,
      updateId: u.id,
      version: u.version,
      body: 'Text the author withdraws.',
      health: 'on_track',
      isPublic: false,
    });
    for (const text of await publicText()) expect(text).not.toContain('Text the author withdraws.');
  });

  it('publishes a manager’s own edit at once: they may publish', async () => {
    const posted = await manager().update.post({ labId, body: 'Manager text, first version.', health: 'on_track', isPublic: true });
    await manager().update.edit({
      labId,
      updateId: posted.id,
      version: posted.version,
      body: 'Manager text, second version.',
      health: 'at_risk',
      isPublic: true,
    });
    for (const text of await publicText()) {
      expect(text).toContain('Manager text, second version.');
      expect(text).not.toContain('first version');
    }
  });

  it('refuses, changing nothing, a member who tries to publish their own update', async () => {
    const posted = await member().update.post({ labId, body: 'Not for the public yet.', health: 'on_track' });
    const before = tableCounts(db);
    expect(
      await errorCode(
        member().update.edit({
          labId,
          updateId: posted.id,
          version: posted.version,
          body: 'Now public?',
          health: 'on_track',
          isPublic: true,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(tableCounts(db)).toEqual(before);
  });
});

/** The public percentage goal "Qualify domestic fine metal masks". */
function publicGoal() {
  return db
    .select()
    .from(goals)
    .where(and(eq(goals.labId, labId), eq(goals.titleEn, 'Qualify domestic fine metal masks')))
    .get()!;
}

const publicSource = async (goalId: number, asOf: string) =>
  (await publicSheet()).goals.find((g) => g.id === goalId)!.measurements.find((m) => m.asOf === asOf)?.source;

describe('measurements of a public goal', () => {
  const asOf = () => addDays(workingToday(), -1);

  it('show a member’s value and date at once, and the source they name once a manager approves it', async () => {
    const goal = publicGoal();
    const { id } = await member().measurement.record({
      labId,
      goalId: goal.id,
      value: 41,
      asOf: asOf(),
      source: 'Confidential: unpublished audit by Tianma',
      sourceUrl: null,
      comment: null,
    });
    const shown = (await publicSheet()).goals.find((g) => g.id === goal.id)!.measurements.find((m) => m.asOf === asOf());
    expect(shown).toEqual({ value: 41, asOf: asOf(), source: null });
    for (const text of await publicText()) expect(text).not.toContain('unpublished audit');

    const detail = await member().goal.detail({ labId, goalId: goal.id });
    expect(detail.measurements.find((m) => m.id === id)).toMatchObject({ sourceAwaitingApproval: true, publishedSource: null });
    const waiting = await manager().labSettings.awaitingPublication({ labId });
    expect(waiting.sources.map((s) => [s.id, s.source, s.publishedSource])).toEqual([
      [id, 'Confidential: unpublished audit by Tianma', null],
    ]);

    expect(await errorCode(member().measurement.publishSource({ labId, measurementId: id, version: 1 }))).toBe('FORBIDDEN');
    await manager().measurement.publishSource({ labId, measurementId: id, version: 1 });
    expect(await publicSource(goal.id, asOf())).toBe('Confidential: unpublished audit by Tianma');
    expect((await manager().labSettings.awaitingPublication({ labId })).sources).toEqual([]);
  });

  it('keep the approved source public while a member’s change of it waits; taking the source away is public at once', async () => {
    const goal = publicGoal();
    // A manager's own source is public with the goal.
    await manager().measurement.record({
      labId,
      goalId: goal.id,
      value: 42,
      asOf: asOf(),
      source: 'CINNO Research, Q2 report',
      sourceUrl: null,
      comment: null,
    });
    expect(await publicSource(goal.id, asOf())).toBe('CINNO Research, Q2 report');

    // A member's source that a manager approved, then changed by the member: value public at once, the new source waits.
    const day = addDays(asOf(), -2);
    const m = await member().measurement.record({
      labId,
      goalId: goal.id,
      value: 44,
      asOf: day,
      source: 'Omdia tracker',
      sourceUrl: null,
      comment: null,
    });
    await manager().measurement.publishSource({ labId, measurementId: m.id, version: 1 });
    const edit = { labId, measurementId: m.id, value: 44.5, asOf: day, sourceUrl: null, comment: null };
    await member().measurement.update({ ...edit, version: 2, source: 'Confidential: our own count' });
    const row = (await publicSheet()).goals.find((g) => g.id === goal.id)!.measurements.find((x) => x.asOf === day);
    expect(row).toEqual({ value: 44.5, asOf: day, source: 'Omdia tracker' });
    for (const text of await publicText()) expect(text).not.toContain('our own count');

    await member().measurement.update({ ...edit, version: 3, source: null, sourceUrl: 'https://example.org/q2' });
    expect(await publicSource(goal.id, day)).toBeNull();
    expect(db.select().from(measurements).where(eq(measurements.id, m.id)).get()).toMatchObject({
      sourceAwaitingApproval: false,
      publishedSource: null,
    });
  });

  it('show at once a source the public already reads on the goal: the usual figure from the usual report', async () => {
    const goal = publicGoal();
    const recorded = await member().measurement.record({
      labId,
      goalId: goal.id,
      value: 3,
      asOf: asOf(),
      source: 'Line report',
      sourceUrl: null,
      comment: null,
    });
    expect(recorded.sourceAwaitingApproval).toBe(false);
    expect(await publicSource(goal.id, asOf())).toBe('Line report');
  });

  it('are published as they stand when a manager publishes the goal', async () => {
    const goal = publicGoal();
    const { id } = await member().measurement.record({
      labId,
      goalId: goal.id,
      value: 40,
      asOf: asOf(),
      source: 'Line log of the mask shop',
      sourceUrl: null,
      comment: null,
    });
    const edit = async (isPublic: boolean) => {
      const g = db.select().from(goals).where(eq(goals.id, goal.id)).get()!;
      const { id: _id, labId: _lab, version, createdAt: _c, updatedAt: _u, ...fields } = g;
      await manager().goal.update({ labId, goalId: g.id, version, ...fields, isPublic, milestoneIds: [] });
    };
    await edit(false);
    await edit(true);
    expect(await publicSource(goal.id, asOf())).toBe('Line log of the mask shop');
    expect(db.select().from(measurements).where(eq(measurements.id, id)).get()?.sourceAwaitingApproval).toBe(false);
  });

  it('wait for nobody on a private goal: nothing of it is public', async () => {
    const privateGoal = db
      .select()
      .from(goals)
      .where(and(eq(goals.labId, labId), eq(goals.isPublic, false)))
      .get()!;
    const { sourceAwaitingApproval } = await member().measurement.record({
      labId,
      goalId: privateGoal.id,
      value: privateGoal.baselineValue,
      asOf: asOf(),
      source: 'Internal count',
      sourceUrl: null,
      comment: null,
    });
    expect(sourceAwaitingApproval).toBe(false);
  });
});

describe('milestone progress on a public milestone', () => {
  it('is public at once: status, percent complete and dates are the member’s to report', async () => {
    const m = db
      .select()
      .from(milestones)
      .where(and(eq(milestones.labId, labId), eq(milestones.isPublic, true), eq(milestones.status, 'in_progress')))
      .get()!;
    await member().milestone.updateProgress({
      labId,
      id: m.id,
      version: m.version,
      status: 'at_risk',
      percentComplete: 63,
      actualStart: m.actualStart,
      actualFinish: null,
    });
    expect((await publicSheet()).milestones.find((x) => x.id === m.id)).toMatchObject({ status: 'at_risk', percentComplete: 63 });
  });
});
