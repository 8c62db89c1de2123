import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, goals, milestones, progressUpdates } from '@/db/schema';
import { callerAs, errorCode, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { expectAll } from '../helpers/expect-all';

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});

function milestoneOf(slug: string) {
  return db
    .select()
    .from(milestones)
    .where(eq(milestones.labId, labIdOf(db, slug)))
    .get()!;
}
function goalOf(slug: string) {
  return db
    .select()
    .from(goals)
    .where(eq(goals.labId, labIdOf(db, slug)))
    .get()!;
}

const post = (extra: Record<string, unknown> = {}) => ({ labId, body: 'Samples **passed**.', health: 'on_track' as const, ...extra });

describe('posting updates', () => {
  it('lets a member post an update linked to a milestone and a goal, with its audit event', async () => {
    const m = milestoneOf('new-display-lab');
    const g = goalOf('new-display-lab');
    const { id } = await callerAs(db, 'member@demo.local').update.post(post({ milestoneIds: [m.id], goalIds: [g.id] }));
    const feed = await callerAs(db, 'viewer@demo.local').update.list({ labId });
    expect(feed.items[0]).toMatchObject({
      id,
      health: 'on_track',
      author: { name: 'Zhang Min' },
      milestones: [{ id: m.id }],
      goals: [{ id: g.id }],
    });
    expect(feed.items[0]!.html).toContain('<strong>passed</strong>');
    const event = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'progress_update'), eq(auditEvents.entityId, id)))
      .get();
    expect(event).toMatchObject({ action: 'created', actorId: sessionUser(db, 'member@demo.local').id, labId });
  });

  it('refuses viewers, outsiders and anonymous callers, changing nothing', async () => {
    const before = tableCounts(db);
    expect(await errorCode(callerAs(db, 'viewer@demo.local').update.post(post()))).toBe('FORBIDDEN');
    expect(await errorCode(callerAs(db, 'steel@demo.local').update.post(post()))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'equipment@demo.local').update.post(post()))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, null).update.post(post()))).toBe('UNAUTHORIZED');
    expect(tableCounts(db)).toEqual(before);
  });

  it('lets only managers publish', async () => {
    const before = tableCounts(db);
    const refused = await httpCall(db, 'update.post', post({ isPublic: true }), { user: sessionUser(db, 'member@demo.local') });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.json.data.fieldErrors.isPublic?.[0]).toMatch(/Only lab managers/);
    expect(tableCounts(db)).toEqual(before);
    const { id } = await callerAs(db, 'manager@demo.local').update.post(post({ isPublic: true }));
    expect(db.select().from(progressUpdates).where(eq(progressUpdates.id, id)).get()!.isPublic).toBe(true);
  });

  it('refuses links to another lab’s milestones or goals, naming the field', async () => {
    const before = tableCounts(db);
    const other = milestoneOf('key-equipment-consortium');
    const res = await httpCall(db, 'update.post', post({ milestoneIds: [other.id] }), { user: sessionUser(db, 'member@demo.local') });
    expect(res.status).toBe(400);
    expect(res.body.error?.json.data.fieldErrors).toEqual({ milestoneIds: ['Choose milestones of this lab.'] });
    const goal = await httpCall(db, 'update.post', post({ goalIds: [goalOf('green-auto-steel').id] }), {
      user: sessionUser(db, 'member@demo.local'),
      locale: 'zh-CN',
    });
    expect(goal.body.error?.json.data.fieldErrors).toEqual({ goalIds: ['请选择本实验室的目标。'] });
    expect(tableCounts(db)).toEqual(before);
  });

  it('refuses an empty or huge body with a field message', async () => {
    const user = sessionUser(db, 'member@demo.local');
    expect((await httpCall(db, 'update.post', post({ body: '   ' }), { user })).body.error?.json.data.fieldErrors.body).toEqual([
      'Fill in this field.',
    ]);
    expect(
      (await httpCall(db, 'update.post', post({ body: 'x'.repeat(10_001) }), { user })).body.error?.json.data.fieldErrors.body?.[0],
    ).toMatch(/at most 10000/);
    expect((await httpCall(db, 'update.post', post({ health: 'great' }), { user })).status).toBe(400);
  });
});

describe('editing updates', () => {
  it('lets the author edit, keeps the earlier text, and refuses a stale edit', async () => {
    const member = callerAs(db, 'member@demo.local');
    const { id, version } = await member.update.post(post());
    await member.update.edit({ ...post({ body: 'Second text', health: 'at_risk' }), updateId: id, version });
    expect(await errorCode(member.update.edit({ ...post({ body: 'Stale text' }), updateId: id, version }))).toBe('CONFLICT');
    const [item] = (await member.update.list({ labId })).items;
    expect(item).toMatchObject({ body: 'Second text', health: 'at_risk', revisionCount: 1 });
    expect(item!.editedAt).not.toBeNull();
    const history = await callerAs(db, 'viewer@demo.local').update.history({ labId, updateId: id });
    expect(history.map((h) => h.body)).toEqual(['Samples **passed**.']);
  });

  it('refuses edits by anyone but the author, even a manager', async () => {
    const { id, version } = await callerAs(db, 'member@demo.local').update.post(post());
    expect(await errorCode(callerAs(db, 'manager@demo.local').update.edit({ ...post({ body: 'Not mine' }), updateId: id, version }))).toBe(
      'FORBIDDEN',
    );
    expect(await errorCode(callerAs(db, 'steel@demo.local').update.edit({ ...post(), labId, updateId: id, version }))).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for an update of another lab addressed through this lab', async () => {
    const steelLab = labIdOf(db, 'green-auto-steel');
    const steelUpdate = db.select().from(progressUpdates).where(eq(progressUpdates.labId, steelLab)).get()!;
    expect(await errorCode(callerAs(db, 'manager@demo.local').update.history({ labId, updateId: steelUpdate.id }))).toBe('NOT_FOUND');
    expect(
      await errorCode(
        callerAs(db, 'manager@demo.local').update.setHidden({ labId, updateId: steelUpdate.id, version: 1, hidden: true, reason: 'x' }),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('hiding and publishing', () => {
  it('lets a manager hide an update with a reason; members no longer see it, managers do', async () => {
    const { id, version } = await callerAs(db, 'member@demo.local').update.post(post({ body: 'Wrong lab, sorry' }));
    const manager = callerAs(db, 'manager@demo.local');
    await manager.update.setHidden({ labId, updateId: id, version, hidden: true, reason: 'Posted to the wrong lab' });
    expect((await callerAs(db, 'member@demo.local').update.list({ labId })).items.map((i) => i.id)).not.toContain(id);
    const seen = (await manager.update.list({ labId })).items.find((i) => i.id === id);
    expect(seen?.hidden).toMatchObject({ reason: 'Posted to the wrong lab', byName: 'Li Wei' });
    const event = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'hidden')))
      .get();
    expect(event?.after).toEqual({ hidden: true, reason: 'Posted to the wrong lab' });
  });

  it('requires a reason, and refuses members', async () => {
    const { id, version } = await callerAs(db, 'member@demo.local').update.post(post());
    const res = await httpCall(
      db,
      'update.setHidden',
      { labId, updateId: id, version, hidden: true, reason: '' },
      { user: sessionUser(db, 'manager@demo.local') },
    );
    expect(res.body.error?.json.data.fieldErrors.reason?.[0]).toMatch(/Say why/);
    expect(
      await errorCode(callerAs(db, 'member@demo.local').update.setHidden({ labId, updateId: id, version, hidden: true, reason: 'x' })),
    ).toBe('FORBIDDEN');
    expect(await errorCode(callerAs(db, 'member@demo.local').update.setPublic({ labId, updateId: id, version, isPublic: true }))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the feed', () => {
  it('pages by cursor, newest first, without gaps or repeats', async () => {
    const viewer = callerAs(db, 'viewer@demo.local');
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await viewer.update.list({ labId, limit: 5, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = db.select({ id: progressUpdates.id }).from(progressUpdates).where(eq(progressUpdates.labId, labId)).all();
    expect(seen.length).toBe(all.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by health, author, milestone and goal', async () => {
    const viewer = callerAs(db, 'viewer@demo.local');
    const offTrack = await viewer.update.list({ labId, health: 'off_track' });
    expect(offTrack.items.length).toBeGreaterThan(0);
    expectAll(offTrack.items, (i) => i.health === 'off_track');
    const member = sessionUser(db, 'member@demo.local');
    expectAll((await viewer.update.list({ labId, authorId: member.id })).items, (i) => i.author?.id === member.id);
    const m = milestoneOf('new-display-lab');
    await callerAs(db, 'member@demo.local').update.post(post({ milestoneIds: [m.id] }));
    expectAll((await viewer.update.list({ labId, milestoneId: m.id })).items, (i) => i.milestones.some((x) => x.id === m.id));
  });

  it('refuses a malformed cursor with a field error, not a crash', async () => {
    const res = await httpCall(
      db,
      'update.list',
      { labId, cursor: 'drop table' },
      { user: sessionUser(db, 'viewer@demo.local'), method: 'GET' },
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error!.json.data.fieldErrors)).toEqual(['cursor']);
  });

  it('renders Markdown inert: no script, no handlers, no javascript: or data: links', async () => {
    const body =
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org)';
    await callerAs(db, 'member@demo.local').update.post(post({ body }));
    const [item] = (await callerAs(db, 'viewer@demo.local').update.list({ labId })).items;
    expect(item!.html).not.toMatch(/<script|<img|<[^>]+\son\w+=|href="javascript:|href="data:/i);
    expect(item!.html).toContain('rel="noopener noreferrer nofollow"');
    const preview = await callerAs(db, 'member@demo.local').update.preview({ labId, body });
    expect(preview.html).toBe(item!.html);
  });
});
