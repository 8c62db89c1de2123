import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditCsvRows } from '@/app/_lib/audit-csv';
import { getWorkspace } from '@/server/services/workspace';
import { todayIso } from '@/server/domain/dates';
import { callerAs, errorCode, freshDb, labIdOf, sessionUser } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { eq } from 'drizzle-orm';
import { goals, labs, measurements } from '@/db/schema';
import { expectAll } from '../helpers/expect-all';

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});

async function postAndEdit() {
  const member = callerAs(db, 'member@demo.local');
  const { id, version } = await member.update.post({ labId, body: 'First text', health: 'on_track' });
  await member.update.edit({ labId, updateId: id, version, body: 'Second text', health: 'at_risk' });
  return id;
}

describe('activity feed', () => {
  it('tells everyone in the lab who changed what, with the key values but not the full record', async () => {
    const id = await postAndEdit();
    const { entries } = await callerAs(db, 'viewer@demo.local').activity.list({ labId });
    const [edited, created] = entries;
    expect(edited).toMatchObject({
      action: 'edited',
      entityType: 'progress_update',
      entityId: id,
      actor: { name: 'Zhang Min' },
      entityLabel: 'Second text',
    });
    expect(edited!.highlights).toEqual([{ field: 'health', from: 'on_track', to: 'at_risk' }]);
    expect(edited!.changedFields).toContain('body');
    expect(created).toMatchObject({ action: 'created', entityId: id });
    expect(edited).not.toHaveProperty('before');
    expect(edited).not.toHaveProperty('after');
  });

  it('filters by person, kind of record and dates, and pages by cursor', async () => {
    await postAndEdit();
    const viewer = callerAs(db, 'viewer@demo.local');
    const member = sessionUser(db, 'member@demo.local');
    const mine = await viewer.activity.list({ labId, actorId: member.id });
    // The demo history has the member's earlier changes below the two just made.
    expect(mine.entries.slice(0, 2).map((e) => e.action)).toEqual(['edited', 'created']);
    expectAll(mine.entries, (e) => e.actor?.id === member.id);
    expect((await viewer.activity.list({ labId, entityType: 'lab' })).entries.map((e) => e.action)).toEqual(['created']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await viewer.activity.list({ labId, from: today, to: today })).entries.length).toBeGreaterThanOrEqual(2);
    expect((await viewer.activity.list({ labId, to: '2000-01-01' })).entries).toEqual([]);
    const first = await viewer.activity.list({ labId, limit: 1 });
    const second = await viewer.activity.list({ labId, limit: 1, cursor: first.nextCursor! });
    expect(second.entries[0]!.id).toBeLessThan(first.entries[0]!.id);
    const options = await viewer.activity.filters({ labId });
    expect(options.entityTypes).toEqual(expect.arrayContaining(['lab', 'progress_update']));
  });

  it('says which field is wrong when the dates are out of order', async () => {
    const res = await httpCall(
      db,
      'activity.list',
      { labId, from: '2026-05-01', to: '2026-04-01' },
      { user: sessionUser(db, 'viewer@demo.local'), method: 'GET' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.json.data.fieldErrors).toEqual({ to: ['The end date is before the start date.'] });
  });

  it('is invisible outside the lab', async () => {
    expect(await errorCode(callerAs(db, 'steel@demo.local').activity.list({ labId }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, null).activity.list({ labId }))).toBe('UNAUTHORIZED');
  });

  it('names goals and partners in the reader’s language', async () => {
    const kinds = ['goal', 'measurement'] as const;
    for (const entityType of kinds) {
      const en = await callerAs(db, 'viewer@demo.local').activity.list({ labId, entityType });
      const zh = await callerAs(db, 'viewer@demo.local', 'zh-CN').activity.list({ labId, entityType });
      expect(en.entries.length).toBeGreaterThan(0);
      const zhLabels = new Map(zh.entries.map((e) => [e.id, e.entityLabel]));
      for (const entry of en.entries) {
        const goalId =
          entityType === 'goal'
            ? entry.entityId!
            : db.select({ goalId: measurements.goalId }).from(measurements).where(eq(measurements.id, entry.entityId!)).get()?.goalId;
        if (goalId === undefined) continue;
        const goal = db.select().from(goals).where(eq(goals.id, goalId)).get()!;
        expect(entry.entityLabel).toBe(goal.titleEn);
        expect(zhLabels.get(entry.id)).toBe(goal.titleZh || goal.titleEn);
      }
    }
    const zhGoal = db
      .select()
      .from(goals)
      .where(eq(goals.labId, labId))
      .all()
      .find((g) => g.titleZh);
    expect(zhGoal).toBeDefined();
  });
});

describe('what the activity feed shows to whom', () => {
  it('leaves out, for viewers and members, events about records they may not read: hidden updates, invitations, others’ calendar links', async () => {
    const manager = callerAs(db, 'manager@demo.local');
    const member = callerAs(db, 'member@demo.local');
    const changesOf = (email: string) => getWorkspace(db, sessionUser(db, email)).labs.find((l) => l.id === labId)!.changes;
    const countsBefore = { viewer: changesOf('viewer@demo.local').total, member: changesOf('member@demo.local').total };

    const u = await member.update.post({ labId, body: 'Yield numbers nobody outside may quote', health: 'off_track' });
    const hidden = await manager.update.setHidden({
      labId,
      updateId: u.id,
      version: u.version,
      hidden: true,
      reason: 'Quoted a supplier contract',
    });
    await manager.invitation.create({ labId, email: 'future.manager@example.org', role: 'manager' });
    await member.calendar.renew({ labId });

    for (const email of ['viewer@demo.local', 'member@demo.local'] as const) {
      const reader = callerAs(db, email);
      const { entries } = await reader.activity.list({ labId, limit: 200 });
      const text = JSON.stringify(entries);
      expect(text).not.toContain('Yield numbers');
      expect(text).not.toContain('future.manager@example.org');
      expect(entries.some((e) => e.entityType === 'invitation' || (e.entityType === 'progress_update' && e.entityId === u.id))).toBe(false);
      const options = await reader.activity.filters({ labId });
      expect(options.entityTypes).not.toContain('invitation');
    }
    // A calendar link is its owner's: the member sees their own, the viewer does not.
    const calendarEvents = async (email: string) =>
      (await callerAs(db, email).activity.list({ labId, entityType: 'calendar_token' })).entries.length;
    expect(await calendarEvents('member@demo.local')).toBe(1);
    expect(await calendarEvents('viewer@demo.local')).toBe(0);
    // "Changed since your last visit" counts only what the reader may read: none of the above is theirs to count.
    expect(changesOf('viewer@demo.local').total).toBe(countsBefore.viewer);
    expect(changesOf('member@demo.local').total).toBe(countsBefore.member);

    // Managers read every event, with the update's text as its label.
    const all = await manager.activity.list({ labId, limit: 200 });
    expect(all.entries.find((e) => e.entityId === u.id && e.action === 'hidden')?.entityLabel).toBe(
      'Yield numbers nobody outside may quote',
    );
    expect(all.entries.some((e) => e.entityType === 'invitation')).toBe(true);

    // Shown again, the update's history is back in everyone's feed.
    await manager.update.setHidden({ labId, updateId: u.id, version: hidden.version, hidden: false, reason: null });
    const back = await callerAs(db, 'viewer@demo.local').activity.list({ labId, entityType: 'progress_update' });
    expect(back.entries.filter((e) => e.entityId === u.id).map((e) => e.action)).toEqual(['unhidden', 'hidden', 'created']);
  });
});

describe('audit log', () => {
  it('gives managers every event with the values before and after', async () => {
    const id = await postAndEdit();
    const { entries } = await callerAs(db, 'manager@demo.local').audit.list({ labId, entityType: 'progress_update' });
    const edited = entries.find((e) => e.action === 'edited' && e.entityId === id)!;
    expect(edited.before).toMatchObject({ body: 'First text', health: 'on_track' });
    expect(edited.after).toMatchObject({ body: 'Second text', health: 'at_risk' });
  });

  it('is for managers only: members and viewers are refused, outsiders see nothing', async () => {
    expect(await errorCode(callerAs(db, 'member@demo.local').audit.list({ labId }))).toBe('FORBIDDEN');
    expect(await errorCode(callerAs(db, 'viewer@demo.local').audit.list({ labId }))).toBe('FORBIDDEN');
    expect(await errorCode(callerAs(db, 'steel@demo.local').audit.list({ labId }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'admin@demo.local').audit.list({ labId }))).toBe('OK');
  });

  it('exports as CSV rows with before/after in words', async () => {
    await postAndEdit();
    const lab = db.select().from(labs).where(eq(labs.id, labId)).get()!;
    const rows = auditCsvRows(db, lab, { entityType: 'progress_update', from: todayIso() });
    expect(rows[0]).toEqual(['ID', 'Time (UTC)', 'Who', 'Action', 'Record type', 'Record ID', 'Record', 'Before', 'After']);
    const edited = rows.find((r) => r[3] === 'edited')!;
    expect(edited[7]).toContain('text: First text');
    expect(rows.length).toBe(3);
  });
});
