import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, invitations, labs, memberships, users } from '@/db/schema';
import { hashSecretToken } from '@/server/services/tokens';
import { callerAs, freshDb, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { ADMIN_RULE, addOutsider, errorOf, expectRefusals } from '../helpers/roles';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
  addOutsider(db);
});

const newLab = {
  slug: 'solid-state-battery-lab',
  nameEn: 'Solid-State Battery Joint Lab',
  nameZh: '固态电池联合实验室',
  acronymEn: 'SSBL',
  objectiveEn: 'Move sulfide solid electrolytes from pilot to mass production.',
  sector: 'new_energy',
  chainEn: 'Power batteries',
  chainZh: '动力电池',
  region: 'Jiangsu',
  stage: 'pilot',
  status: 'active',
  startDate: '2026-01-01',
  endDate: '2028-12-31',
  visibility: 'private',
  managerEmail: 'equipment@demo.local',
} as const;

describe('labAdmin.create', () => {
  it('is for platform admins only, and a refused call saves nothing', async () => {
    const allowed = await expectRefusals(db, ADMIN_RULE, (c) => c.labAdmin.create(newLab));
    expect(allowed).toEqual(['admin']);
  });

  it('creates the lab and makes an existing user its first manager, audited', async () => {
    const result = await callerAs(db, 'admin@demo.local').labAdmin.create(newLab);
    expect(result).toMatchObject({ slug: 'solid-state-battery-lab', manager: { kind: 'member', email: 'equipment@demo.local' } });
    const lab = db.select().from(labs).where(eq(labs.slug, newLab.slug)).get()!;
    expect(lab).toMatchObject({ nameZh: '固态电池联合实验室', stage: 'pilot', visibility: 'private', isDemo: false });
    const manager = sessionUser(db, 'equipment@demo.local');
    expect(db.select().from(memberships).where(eq(memberships.labId, lab.id)).all()).toEqual([
      expect.objectContaining({ userId: manager.id, role: 'manager' }),
    ]);
    const events = db.select().from(auditEvents).where(eq(auditEvents.labId, lab.id)).all();
    expect(events.map((e) => [e.action, e.entityType])).toEqual([
      ['created', 'lab'],
      ['created', 'membership'],
    ]);
    // The new manager can open the lab at once.
    expect((await callerAs(db, 'equipment@demo.local').lab.overview({ slug: newLab.slug })).role).toBe('manager');
  });

  it('invites a first manager who has no account yet, storing only the token’s hash', async () => {
    const result = await callerAs(db, 'admin@demo.local').labAdmin.create({ ...newLab, managerEmail: 'New.Person@Example.cn ' });
    if (result.manager.kind !== 'invited') throw new Error('expected an invitation');
    expect(result.manager.email).toBe('new.person@example.cn');
    expect(result.manager.mailed).toBe(false);
    // No mail configured: the link is handed over to the admin, once.
    const token = result.manager.token!;
    const row = db.select().from(invitations).where(eq(invitations.email, 'new.person@example.cn')).get()!;
    expect(row.role).toBe('manager');
    expect(row.tokenHash).toBe(hashSecretToken(token));
    expect(JSON.stringify(db.select().from(invitations).all())).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  });

  it('lists a new public lab in the public directory', async () => {
    await callerAs(db, 'admin@demo.local').labAdmin.create({ ...newLab, visibility: 'public' });
    const listed = (await callerAs(db, null).directory.list()).labs;
    expect(listed.map((l) => l.slug)).toContain('solid-state-battery-lab');
  });

  it('refuses bad input with a message on each field, and saves nothing', async () => {
    const admin = sessionUser(db, 'admin@demo.local');
    const before = tableCounts(db);
    const res = await httpCall(
      db,
      'labAdmin.create',
      { ...newLab, slug: 'Not A Slug', nameEn: '  ', chainEn: '', managerEmail: 'not-an-email', startDate: '2026-02-30' },
      { user: admin },
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.json.data.fieldErrors).toEqual({
      slug: ['Use 2–64 lowercase letters, digits and dashes, e.g. new-display-lab.'],
      nameEn: ['Fill in this field.'],
      chainEn: ['Fill in this field.'],
      managerEmail: ['Enter an email address like name@example.com.'],
      startDate: ['Enter a date as month/day/year (such as 12/31/2026), or choose one with the calendar button.'],
    });
    expect(tableCounts(db)).toEqual(before);
  });

  it('refuses an end date before the start date, on the end date, in the reader’s language', async () => {
    const admin = sessionUser(db, 'admin@demo.local');
    const before = tableCounts(db);
    const res = await httpCall(
      db,
      'labAdmin.create',
      { ...newLab, startDate: '2027-01-01', endDate: '2026-01-01' },
      { user: admin, locale: 'zh-CN' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.json.data.fieldErrors).toEqual({ endDate: ['结束日期不能早于开始日期。'] });
    expect(tableCounts(db)).toEqual(before);
  });

  it('refuses a slug that is taken, whatever its case, on the slug field', async () => {
    const admin = sessionUser(db, 'admin@demo.local');
    const before = tableCounts(db);
    const res = await httpCall(db, 'labAdmin.create', { ...newLab, slug: 'new-display-lab' }, { user: admin });
    expect(res.status).toBe(409);
    expect(res.body.error?.json.data.fieldErrors).toEqual({ slug: ['Another lab already uses this web address. Choose a different one.'] });
    expect(tableCounts(db)).toEqual(before);
  });

  it('refuses a disabled account as first manager', async () => {
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'equipment@demo.local')).run();
    const before = tableCounts(db);
    const error = await errorOf(callerAs(db, 'admin@demo.local').labAdmin.create(newLab));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', field: 'managerEmail' });
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('labAdmin.list', () => {
  it('is for platform admins only', async () => {
    await expectRefusals(db, ADMIN_RULE, (c) => c.labAdmin.list());
  });

  it('lists every lab, private ones too, with its managers and members, and searches names and slugs', async () => {
    const admin = callerAs(db, 'admin@demo.local');
    const all = await admin.labAdmin.list();
    expect(all.map((l) => l.slug).sort()).toEqual(['green-auto-steel', 'key-equipment-consortium', 'new-display-lab']);
    expect(all.find((l) => l.slug === 'new-display-lab')).toMatchObject({ managerCount: 1, memberCount: 3 });
    expect((await admin.labAdmin.list({ query: '显示' })).map((l) => l.slug)).toEqual(['new-display-lab']);
    expect((await admin.labAdmin.list({ query: 'STEEL' })).map((l) => l.slug)).toEqual(['green-auto-steel']);
    // Wildcards in the query match themselves.
    expect(await admin.labAdmin.list({ query: '%' })).toEqual([]);
  });

  it('does not count a lab’s members from another lab', async () => {
    const lab = db.select().from(labs).where(eq(labs.slug, 'green-auto-steel')).get()!;
    const count = db
      .select()
      .from(memberships)
      .where(and(eq(memberships.labId, lab.id)))
      .all().length;
    const listed = (await callerAs(db, 'admin@demo.local').labAdmin.list()).find((l) => l.slug === 'green-auto-steel');
    expect(listed?.memberCount).toBe(count);
  });
});
