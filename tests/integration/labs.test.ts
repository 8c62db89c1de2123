import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { callerAs, errorCode, freshDb, labIdOf, sessionUser } from '../helpers/db';
import { httpCall } from '../helpers/http';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

describe('lab.mine', () => {
  it('lists the labs a user belongs to, with their role', async () => {
    expect((await callerAs(db, 'manager@demo.local').lab.mine()).map((l) => [l.slug, l.role])).toEqual([['new-display-lab', 'manager']]);
    expect((await callerAs(db, 'member@demo.local').lab.mine()).map((l) => [l.slug, l.role])).toEqual([['new-display-lab', 'member']]);
    expect((await callerAs(db, 'viewer@demo.local').lab.mine()).map((l) => [l.slug, l.role])).toEqual([['new-display-lab', 'viewer']]);
    expect((await callerAs(db, 'equipment@demo.local').lab.mine()).map((l) => l.slug)).toEqual(['key-equipment-consortium']);
  });

  it('shows a platform admin every lab', async () => {
    const labs = await callerAs(db, 'admin@demo.local').lab.mine();
    expect(labs.map((l) => l.slug).sort()).toEqual(['green-auto-steel', 'key-equipment-consortium', 'new-display-lab']);
    expect(new Set(labs.map((l) => l.role))).toEqual(new Set(['admin']));
  });

  it('counts milestones, late milestones and goals', async () => {
    const [lab] = await callerAs(db, 'manager@demo.local').lab.mine();
    expect(lab).toMatchObject({ milestoneCount: 12, goalCount: 4 });
    expect(lab!.lateMilestoneCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses anonymous callers', async () => {
    expect(await errorCode(callerAs(db, null).lab.mine())).toBe('UNAUTHORIZED');
  });
});

describe('lab.overview and lab.byId', () => {
  it('gives a member the profile, partners and counts of their lab', async () => {
    const overview = await callerAs(db, 'member@demo.local').lab.overview({ slug: 'new-display-lab' });
    expect(overview.role).toBe('member');
    expect(overview.partners.map((p) => [p.shortName, p.role])).toEqual([
      ['Xiaomi', 'lead'],
      ['Tianma', 'core_partner'],
      ['CSOT Wuhan', 'core_partner'],
    ]);
    expect(overview.counts.milestones.total).toBe(12);
    expect(overview.counts.members).toBe(3);
    expect(overview.technologies.length).toBe(3);
  });

  it('answers NOT_FOUND for a private lab the caller has no role in, by slug or by id, exactly as for a missing lab', async () => {
    const member = callerAs(db, 'member@demo.local');
    const privateId = labIdOf(db, 'key-equipment-consortium');
    expect(await errorCode(member.lab.overview({ slug: 'key-equipment-consortium' }))).toBe('NOT_FOUND');
    expect(await errorCode(member.lab.byId({ labId: privateId }))).toBe('NOT_FOUND');
    expect(await errorCode(member.lab.overview({ slug: 'no-such-lab' }))).toBe('NOT_FOUND');
    expect(await errorCode(member.lab.byId({ labId: 999_999 }))).toBe('NOT_FOUND');
  });

  it('keeps even public labs out of the workspace of people who are not in them', async () => {
    // steel@ manages green-auto-steel only; new-display-lab is public but its workspace is not.
    const steel = callerAs(db, 'steel@demo.local');
    expect(await errorCode(steel.lab.overview({ slug: 'new-display-lab' }))).toBe('NOT_FOUND');
    expect(await errorCode(steel.lab.byId({ labId: labIdOf(db, 'new-display-lab') }))).toBe('NOT_FOUND');
  });

  it('lets an admin open any lab', async () => {
    const overview = await callerAs(db, 'admin@demo.local').lab.byId({ labId: labIdOf(db, 'key-equipment-consortium') });
    expect(overview.lab.slug).toBe('key-equipment-consortium');
    expect(overview.role).toBe('admin');
  });

  it('refuses anonymous callers before looking anything up', async () => {
    expect(await errorCode(callerAs(db, null).lab.overview({ slug: 'new-display-lab' }))).toBe('UNAUTHORIZED');
    expect(await errorCode(callerAs(db, null).lab.byId({ labId: labIdOf(db, 'new-display-lab') }))).toBe('UNAUTHORIZED');
  });

  it('treats the slug case-insensitively', async () => {
    const overview = await callerAs(db, 'manager@demo.local').lab.overview({ slug: 'New-Display-Lab' });
    expect(overview.lab.slug).toBe('new-display-lab');
  });
});

describe('directory.list', () => {
  it('shows the public labs to anyone, and never the private one', async () => {
    const { labs } = await callerAs(db, null).directory.list();
    expect(labs.map((l) => l.slug).sort()).toEqual(['green-auto-steel', 'new-display-lab']);
    const text = JSON.stringify(labs);
    expect(text).not.toContain('Key Equipment Localization');
    expect(text).not.toContain('Confidential');
  });

  it('returns only allow-listed fields', async () => {
    const [lab] = (await callerAs(db, null).directory.list()).labs;
    expect(Object.keys(lab!)).not.toContain('visibility');
    expect(Object.keys(lab!)).not.toContain('id');
    expect(Object.keys(lab!.partners[0]!)).not.toContain('contribution');
    expect(Object.keys(lab!.partners[0]!)).not.toContain('budgetCny');
  });
});

describe('errors over HTTP', () => {
  it('names the field and speaks the caller’s language', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const en = await httpCall(db, 'lab.overview', { slug: '' }, { user, method: 'GET' });
    expect(en.status).toBe(400);
    expect(en.body.error?.json.data.fieldErrors).toEqual({ slug: ['Fill in this field.'] });
    const zh = await httpCall(db, 'lab.overview', { slug: '' }, { user, method: 'GET', locale: 'zh-CN' });
    expect(zh.body.error?.json.data.fieldErrors).toEqual({ slug: ['请填写此字段。'] });
    expect(zh.body.error?.json.message).toBe('部分字段需要修改，请查看字段旁的提示。');
  });

  it('answers 404 with the same message for a private lab and a missing one', async () => {
    const user = sessionUser(db, 'member@demo.local');
    const hidden = await httpCall(db, 'lab.byId', { labId: labIdOf(db, 'key-equipment-consortium') }, { user, method: 'GET' });
    const missing = await httpCall(db, 'lab.byId', { labId: 424242 }, { user, method: 'GET' });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error?.json.message).toBe(missing.body.error?.json.message);
  });

  it('answers 401 to anonymous callers of signed-in procedures', async () => {
    const res = await httpCall(db, 'lab.mine', undefined, { method: 'GET' });
    expect(res.status).toBe(401);
  });

  it('never leaks a stack trace', async () => {
    const res = await httpCall(db, 'lab.byId', { labId: 'x' }, { user: sessionUser(db, 'manager@demo.local'), method: 'GET' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('stack');
  });
});

describe('me', () => {
  it('remembers the language a user chose', async () => {
    const caller = callerAs(db, 'member@demo.local');
    await caller.me.setLocale({ locale: 'zh-CN' });
    expect(sessionUser(db, 'member@demo.local').locale).toBe('zh-CN');
    expect(await errorCode(caller.me.setLocale({ locale: 'fr' as never }))).toBe('BAD_REQUEST');
    expect(await errorCode(callerAs(db, null).me.get())).toBe('UNAUTHORIZED');
  });
});
