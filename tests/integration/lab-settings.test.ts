import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, labs, labTechnologies } from '@/db/schema';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { addOutsider, errorCode, expectRefusals, LAB_MANAGER_RULE } from '../helpers/roles';

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  addOutsider(db);
  labId = labIdOf(db, 'new-display-lab');
});

function labRow(slug = 'new-display-lab') {
  return db.select().from(labs).where(eq(labs.slug, slug)).get()!;
}

function profileOf(lab: typeof labs.$inferSelect) {
  const {
    slug,
    nameEn,
    nameZh,
    acronymEn,
    acronymZh,
    objectiveEn,
    objectiveZh,
    sector,
    chainEn,
    chainZh,
    region,
    stage,
    status,
    startDate,
    endDate,
  } = lab;
  return {
    slug,
    nameEn,
    nameZh,
    acronymEn,
    acronymZh,
    objectiveEn,
    objectiveZh,
    sector,
    chainEn,
    chainZh,
    region,
    stage,
    status,
    startDate,
    endDate,
  };
}

function technologies() {
  return db.select().from(labTechnologies).where(eq(labTechnologies.labId, labId)).orderBy(asc(labTechnologies.position)).all();
}

describe('labSettings.get', () => {
  it('is for managers of the lab and admins; others are refused or told it does not exist', async () => {
    expect(await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.labSettings.get({ labId }))).toEqual(['manager', 'admin']);
    const settings = await callerAs(db, 'manager@demo.local').labSettings.get({ labId });
    expect(settings.technologies).toHaveLength(3);
    expect(settings.publication.partners).toBe(3);
    expect(settings.publication.publicMilestones).toBeGreaterThan(0);
  });
});

describe('labSettings.updateProfile', () => {
  const edit = () => {
    const lab = labRow();
    return { labId: lab.id, version: lab.version, ...profileOf(lab), objectiveEn: 'A sharper objective.', region: 'Hubei' };
  };

  it('refuses everyone but the lab’s managers and admins, changing nothing', async () => {
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.labSettings.updateProfile(edit()));
  });

  it('saves every field, bumps the version and audits what changed', async () => {
    const before = labRow();
    await callerAs(db, 'manager@demo.local').labSettings.updateProfile({ ...edit(), nameZh: '新型显示联合实验室', status: 'suspended' });
    const after = labRow();
    expect(after).toMatchObject({
      objectiveEn: 'A sharper objective.',
      region: 'Hubei',
      nameZh: '新型显示联合实验室',
      status: 'suspended',
    });
    expect(after.version).toBe(before.version + 1);
    const event = db.select().from(auditEvents).where(eq(auditEvents.labId, labId)).all().at(-1)!;
    expect(event).toMatchObject({ action: 'updated', entityType: 'lab', actorId: sessionUser(db, 'manager@demo.local').id });
    expect(event.before).toMatchObject({ status: 'active', region: before.region });
    expect(event.after).toMatchObject({ status: 'suspended', region: 'Hubei' });
    expect(Object.keys(event.after!)).not.toContain('sector');
  });

  it('lets an admin edit any lab, including a private one', async () => {
    const lab = labRow('key-equipment-consortium');
    await callerAs(db, 'admin@demo.local').labSettings.updateProfile({
      labId: lab.id,
      version: lab.version,
      ...profileOf(lab),
      region: 'Tianjin',
    });
    expect(labRow('key-equipment-consortium').region).toBe('Tianjin');
  });

  it('says so when someone else saved first, and keeps their version', async () => {
    const stale = edit();
    await callerAs(db, 'admin@demo.local').labSettings.updateProfile({ ...edit(), region: 'First save' });
    const before = tableCounts(db);
    expect(await errorCode(callerAs(db, 'manager@demo.local').labSettings.updateProfile(stale))).toBe('CONFLICT');
    expect(labRow().region).toBe('First save');
    expect(tableCounts(db)).toEqual(before);
  });

  it('changes the slug, and refuses one another lab uses', async () => {
    const manager = callerAs(db, 'manager@demo.local');
    expect(await manager.labSettings.updateProfile({ ...edit(), slug: 'oled-lab' })).toEqual({ slug: 'oled-lab' });
    expect(labRow('oled-lab').id).toBe(labId);
    const lab = labRow('oled-lab');
    const res = await httpCall(
      db,
      'labSettings.updateProfile',
      { labId, version: lab.version, ...profileOf(lab), slug: 'green-auto-steel' },
      { user: sessionUser(db, 'manager@demo.local') },
    );
    expect(res.body.error?.json.data.fieldErrors).toEqual({ slug: ['This web address is not available. Choose a different one.'] });
  });

  it('says nothing about a private lab’s slug to a stale form or a caller without the right, and no more than “not available” to a manager', async () => {
    const stale = { ...edit(), slug: 'key-equipment-consortium' };
    await callerAs(db, 'admin@demo.local').labSettings.updateProfile({ ...edit(), region: 'First save' });
    const manager = sessionUser(db, 'manager@demo.local');
    const before = tableCounts(db);
    // A stale form hears that it is stale, whether or not the slug it carries is taken.
    const staleTaken = await httpCall(db, 'labSettings.updateProfile', stale, { user: manager });
    const staleFree = await httpCall(db, 'labSettings.updateProfile', { ...stale, slug: 'no-such-lab-anywhere' }, { user: manager });
    expect([staleTaken.status, staleFree.status]).toEqual([409, 409]);
    expect(staleTaken.body.error?.json.message).toBe(staleFree.body.error?.json.message);
    expect(staleTaken.body.error?.json.data.fieldErrors).toEqual(staleFree.body.error?.json.data.fieldErrors);
    // Members and outsiders are refused for who they are, whatever the slug.
    for (const email of ['member@demo.local', 'equipment@demo.local']) {
      const taken = await httpCall(
        db,
        'labSettings.updateProfile',
        { ...edit(), slug: 'key-equipment-consortium' },
        { user: sessionUser(db, email) },
      );
      const free = await httpCall(
        db,
        'labSettings.updateProfile',
        { ...edit(), slug: 'no-such-lab-anywhere' },
        { user: sessionUser(db, email) },
      );
      expect(taken.status).toBe(free.status);
      expect(taken.body.error?.json.message).toBe(free.body.error?.json.message);
    }
    // A current form with a private lab's slug: "not available", in both languages, never "another lab".
    const current = { ...edit(), slug: 'key-equipment-consortium' };
    const en = await httpCall(db, 'labSettings.updateProfile', current, { user: manager });
    expect(en.body.error?.json.data.fieldErrors).toEqual({ slug: ['This web address is not available. Choose a different one.'] });
    const zh = await httpCall(db, 'labSettings.updateProfile', current, { user: manager, locale: 'zh-CN' });
    expect(zh.body.error?.json.data.fieldErrors).toEqual({ slug: ['该网址标识不可用，请另选一个。'] });
    expect(tableCounts(db)).toEqual(before);
  });

  it('refuses empty names and dates out of order with messages on the fields, saving nothing', async () => {
    const before = JSON.stringify(labRow());
    const user = sessionUser(db, 'manager@demo.local');
    const empty = await httpCall(db, 'labSettings.updateProfile', { ...edit(), nameEn: '', chainEn: ' ' }, { user });
    expect(empty.body.error?.json.data.fieldErrors).toEqual({ nameEn: ['Fill in this field.'], chainEn: ['Fill in this field.'] });
    const dates = await httpCall(db, 'labSettings.updateProfile', { ...edit(), startDate: '2026-05-01', endDate: '2026-04-30' }, { user });
    expect(dates.body.error?.json.data.fieldErrors).toEqual({ endDate: ['The end date cannot be before the start date.'] });
    expect(JSON.stringify(labRow())).toBe(before);
  });

  it('does not let a manager of one lab change another lab', async () => {
    const steelLab = labRow('green-auto-steel');
    const before = JSON.stringify(labRow('green-auto-steel'));
    expect(
      await errorCode(
        callerAs(db, 'manager@demo.local').labSettings.updateProfile({
          labId: steelLab.id,
          version: steelLab.version,
          ...profileOf(steelLab),
          region: 'x',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(JSON.stringify(labRow('green-auto-steel'))).toBe(before);
  });
});

describe('labSettings.setTechnologies', () => {
  const expected = () => technologies().map((t) => ({ id: t.id, version: t.version }));

  it('refuses everyone but the lab’s managers and admins, changing nothing', async () => {
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.labSettings.setTechnologies({ labId, expected: expected(), items: [] }));
  });

  it('adds, renames, reorders and removes in one step, audited', async () => {
    const [a, b, c] = technologies();
    await callerAs(db, 'manager@demo.local').labSettings.setTechnologies({
      labId,
      expected: expected(),
      items: [
        { id: c!.id, nameEn: c!.nameEn, nameZh: c!.nameZh },
        { id: a!.id, nameEn: 'Renamed', nameZh: null },
        { nameEn: 'Micro-LED mass transfer', nameZh: '巨量转移' },
      ],
    });
    expect(technologies().map((t) => [t.nameEn, t.position])).toEqual([
      [c!.nameEn, 0],
      ['Renamed', 1],
      ['Micro-LED mass transfer', 2],
    ]);
    expect(technologies().find((t) => t.id === b!.id)).toBeUndefined();
    const event = db.select().from(auditEvents).where(eq(auditEvents.entityType, 'lab_technologies')).get()!;
    expect(event).toMatchObject({ labId, action: 'updated' });
    expect((event.after as { technologies: unknown[] }).technologies).toHaveLength(3);
  });

  it('refuses a list that changed since the editor loaded it', async () => {
    const stale = expected();
    const manager = callerAs(db, 'manager@demo.local');
    await manager.labSettings.setTechnologies({ labId, expected: stale, items: technologies().slice(0, 2) });
    const before = JSON.stringify(technologies());
    expect(await errorCode(manager.labSettings.setTechnologies({ labId, expected: stale, items: [] }))).toBe('CONFLICT');
    expect(JSON.stringify(technologies())).toBe(before);
  });

  it('never touches another lab’s technologies, even by id', async () => {
    const otherLab = labIdOf(db, 'green-auto-steel');
    const foreign = db.select().from(labTechnologies).where(eq(labTechnologies.labId, otherLab)).get()!;
    const before = JSON.stringify(db.select().from(labTechnologies).all());
    const code = await errorCode(
      callerAs(db, 'manager@demo.local').labSettings.setTechnologies({
        labId,
        expected: expected(),
        items: [{ id: foreign.id, nameEn: 'Hijacked', nameZh: null }],
      }),
    );
    expect(code).toBe('CONFLICT');
    expect(JSON.stringify(db.select().from(labTechnologies).all())).toBe(before);
  });

  it('keeps the list short and every name filled in', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const tooMany = Array.from({ length: 13 }, (_, i) => ({ nameEn: `T${i}`, nameZh: null }));
    const res = await httpCall(db, 'labSettings.setTechnologies', { labId, expected: expected(), items: tooMany }, { user });
    expect(res.body.error?.json.data.fieldErrors).toEqual({ items: ['Choose at most 12.'] });
    const blank = await httpCall(
      db,
      'labSettings.setTechnologies',
      { labId, expected: expected(), items: [{ nameEn: ' ', nameZh: null }] },
      { user },
    );
    expect(blank.body.error?.json.data.fieldErrors).toEqual({ 'items.0.nameEn': ['Fill in this field.'] });
  });
});

describe('labSettings.setVisibility', () => {
  it('refuses everyone but the lab’s managers and admins, changing nothing', async () => {
    const lab = labRow('new-display-lab');
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.labSettings.setVisibility({ labId, version: lab.version, visibility: 'private' }));
  });

  it('publishes a private lab to the directory and withdraws it again, audited', async () => {
    const manager = callerAs(db, 'equipment@demo.local');
    const lab = labRow('key-equipment-consortium');
    await manager.labSettings.setVisibility({ labId: lab.id, version: lab.version, visibility: 'public' });
    expect((await callerAs(db, null).directory.list()).labs.map((l) => l.slug)).toContain('key-equipment-consortium');
    await manager.labSettings.setVisibility({ labId: lab.id, version: lab.version + 1, visibility: 'private' });
    expect((await callerAs(db, null).directory.list()).labs.map((l) => l.slug)).not.toContain('key-equipment-consortium');
    const events = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.labId, lab.id))
      .all()
      .filter((e) => e.entityType === 'lab' && e.action === 'updated');
    expect(events.map((e) => e.after)).toEqual([{ visibility: 'public' }, { visibility: 'private' }]);
  });

  it('refuses a stale switch', async () => {
    const lab = labRow();
    await callerAs(db, 'manager@demo.local').labSettings.setVisibility({ labId, version: lab.version, visibility: 'private' });
    expect(
      await errorCode(callerAs(db, 'admin@demo.local').labSettings.setVisibility({ labId, version: lab.version, visibility: 'public' })),
    ).toBe('CONFLICT');
    expect(labRow().visibility).toBe('private');
  });
});
