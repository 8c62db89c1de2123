import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { milestones } from '@/db/schema';
import { submitProgress, submitUpdate } from '@/app/_lib/form-actions';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { freshDb, labIdOf, tableCounts } from '../helpers/db';
import { ROLES, userFor, type Role } from '../policy/roles';

// The server actions behind the forms that work without JavaScript (decision 022) call the same
// procedures as the forms' tRPC calls, through the server-side caller: the same callers are refused
// the same way, a refused post changes no table, and its messages name the fields in the page's language.

type DB = Awaited<ReturnType<typeof freshDb>>;

function callerFor(db: DB, role: Role) {
  return createCaller(createContext({ db, user: userFor(db, role) }));
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  // React's own fields, which the actions must not take for the person's input.
  data.append('$ACTION_REF_1', '');
  return data;
}

function progressForm(db: DB, changes: Record<string, string> = {}) {
  const labId = labIdOf(db, 'new-display-lab');
  const m = db
    .select()
    .from(milestones)
    .where(and(eq(milestones.labId, labId), eq(milestones.title, 'Pilot run with domestic materials (10,000 panels)')))
    .get()!;
  const fields = {
    labId: String(labId),
    id: String(m.id),
    version: String(m.version),
    status: 'in_progress',
    percentComplete: '40',
    actualStart: '2026-06-01',
    actualFinish: '',
    ...changes,
  };
  return { fields, milestoneId: m.id };
}

const percentOf = (db: DB, id: number) => db.select().from(milestones).where(eq(milestones.id, id)).get()!.percentComplete;

describe('the progress form’s server action', () => {
  it('saves for the lab’s members, managers and admins, and refuses everyone else as the procedure does, changing nothing', async () => {
    const outcomes: Record<string, unknown> = {};
    for (const role of ROLES) {
      const db = await freshDb();
      const { fields, milestoneId } = progressForm(db);
      const caller = callerFor(db, role); // (adds the outsider's account)
      const before = tableCounts(db);
      const state = await submitProgress(caller, 'en', form(fields));
      outcomes[role] = state?.ok ? 'saved' : state && !state.ok ? state.message : state;
      if (state?.ok) expect(percentOf(db, milestoneId)).toBe(40);
      else expect(tableCounts(db)).toEqual(before);
    }
    expect(outcomes).toEqual({
      anonymous: 'Your session has ended. Sign in again to continue.',
      outsider: 'Not found. It does not exist, or you do not have access to it.',
      otherManager: 'Not found. It does not exist, or you do not have access to it.',
      viewer: 'Your role in this lab does not allow this. Ask a lab manager if you need it.',
      member: 'saved',
      manager: 'saved',
      admin: 'saved',
    });
  });

  it('says what is wrong next to each field, in the page’s language, and gives back what was posted', async () => {
    const db = await freshDb();
    const { fields, milestoneId } = progressForm(db, { percentComplete: '150', actualStart: 'soon' });
    const before = tableCounts(db);
    const state = await submitProgress(callerFor(db, 'member'), 'zh-CN', form(fields));
    expect(state).toMatchObject({ ok: false, conflict: false, values: { percentComplete: ['150'], actualStart: ['soon'] } });
    if (state?.ok !== false) throw new Error('expected a refusal');
    expect(Object.keys(state.fieldErrors).sort()).toEqual(['actualStart', 'percentComplete']);
    expect(state.fieldErrors.percentComplete).toMatch(/100/);
    expect(state.fieldErrors.percentComplete).toMatch(/[\u4e00-\u9fff]/);
    expect(state.values).not.toHaveProperty('$ACTION_REF_1');
    expect(tableCounts(db)).toEqual(before);
    expect(percentOf(db, milestoneId)).not.toBe(150);
  });

  it('a stale version is a conflict, not a save', async () => {
    const db = await freshDb();
    const { fields, milestoneId } = progressForm(db);
    const first = await submitProgress(callerFor(db, 'member'), 'en', form(fields));
    expect(first).toEqual({ ok: true });
    const again = await submitProgress(callerFor(db, 'member'), 'en', form({ ...fields, percentComplete: '90' }));
    expect(again).toMatchObject({ ok: false, conflict: true });
    expect(percentOf(db, milestoneId)).toBe(40);
  });

  it('a milestone of another lab, posted with this lab’s id, is not found', async () => {
    const db = await freshDb();
    const steel = progressForm(db).fields;
    const other = db
      .select()
      .from(milestones)
      .where(eq(milestones.labId, labIdOf(db, 'green-auto-steel')))
      .get()!;
    const before = tableCounts(db);
    const state = await submitProgress(
      callerFor(db, 'member'),
      'en',
      form({ ...steel, id: String(other.id), version: String(other.version) }),
    );
    expect(state).toMatchObject({ ok: false, message: 'Not found. It does not exist, or you do not have access to it.' });
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('the update composer’s server action', () => {
  const post = (db: DB, extra: Record<string, string | string[]> = {}) =>
    form({ labId: String(labIdOf(db, 'new-display-lab')), body: 'Pilot line ran its first lot.', health: 'at_risk', ...extra });

  it('posts for members, managers and admins, and refuses everyone else, changing nothing', async () => {
    const outcomes: Record<string, boolean> = {};
    for (const role of ROLES) {
      const db = await freshDb();
      const caller = callerFor(db, role);
      const before = tableCounts(db);
      const state = await submitUpdate(caller, 'en', post(db));
      outcomes[role] = state?.ok === true;
      if (!state?.ok) expect(tableCounts(db)).toEqual(before);
      else expect(tableCounts(db).progress_updates).toBe(before.progress_updates! + 1);
    }
    expect(outcomes).toEqual({
      anonymous: false,
      outsider: false,
      otherManager: false,
      viewer: false,
      member: true,
      manager: true,
      admin: true,
    });
  });

  it('an empty text is refused next to the field, and the linked records and health come back as posted', async () => {
    const db = await freshDb();
    const before = tableCounts(db);
    const state = await submitUpdate(callerFor(db, 'member'), 'en', post(db, { body: '   ', milestoneIds: ['1', '2'] }));
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { body: 'Fill in this field.' },
      values: { health: ['at_risk'], milestoneIds: ['1', '2'] },
    });
    expect(tableCounts(db)).toEqual(before);
  });

  it('a member cannot publish by posting the checkbox the form does not show them', async () => {
    const db = await freshDb();
    const state = await submitUpdate(callerFor(db, 'member'), 'en', post(db, { isPublic: '1' }));
    expect(state).toMatchObject({ ok: false });
    if (state?.ok !== false) throw new Error('expected a refusal');
    expect(state.fieldErrors.isPublic).toBeTruthy();
  });
});
