import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, goals, invitations, milestones, organisations, participations, users } from '@/db/schema';
import { combinedParticipation } from '@/server/services/organisation-merge';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { ADMIN_RULE, addOutsider, errorCode, expectRefusals } from '../helpers/roles';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
  addOutsider(db);
});

const org = (shortName: string) => db.select().from(organisations).where(eq(organisations.shortName, shortName)).get()!;
const admin = () => callerAs(db, 'admin@demo.local');

describe('organisation procedures are for platform admins only', () => {
  it('refuses everyone else, changing nothing', async () => {
    const hbis = org('HBIS');
    const tianma = org('Tianma');
    await expectRefusals(db, ADMIN_RULE, (c) => c.organisation.list());
    await expectRefusals(db, ADMIN_RULE, (c) => c.organisation.get({ id: hbis.id }));
    await expectRefusals(db, ADMIN_RULE, (c) => c.organisation.create({ nameEn: 'BOE Technology', type: 'enterprise' }));
    await expectRefusals(db, ADMIN_RULE, (c) =>
      c.organisation.update({ id: hbis.id, version: hbis.version, nameEn: 'HBIS', type: 'enterprise' }),
    );
    await expectRefusals(db, ADMIN_RULE, (c) =>
      c.organisation.merge({ keepId: hbis.id, keepVersion: hbis.version, duplicateId: tianma.id, duplicateVersion: tianma.version }),
    );
  });
});

describe('organisation.list and organisation.get', () => {
  it('lists and searches organisations with their labs and people', async () => {
    const all = await admin().organisation.list();
    expect(all.find((o) => o.shortName === 'Tianma')).toMatchObject({ labCount: 1, userCount: 1 });
    expect((await admin().organisation.list({ query: '宝马' })).map((o) => o.shortName)).toEqual(['BMW']);
  });

  it('shows where an organisation takes part', async () => {
    const detail = await admin().organisation.get({ id: org('Xiaomi').id });
    expect(detail.labs.map((l) => [l.slug, l.role])).toEqual([['new-display-lab', 'lead']]);
    expect(detail.people.map((p) => p.email)).toEqual(['manager@demo.local']);
    expect(detail.counts.milestones).toBeGreaterThan(0);
    expect(await errorCode(admin().organisation.get({ id: 999_999 }))).toBe('NOT_FOUND');
  });
});

describe('organisation.create and organisation.update', () => {
  it('creates with sensible defaults, audited', async () => {
    const created = await admin().organisation.create({
      nameEn: 'BOE Technology',
      nameZh: '京东方',
      type: 'enterprise',
      website: 'https://www.boe.com',
    });
    const row = db.select().from(organisations).where(eq(organisations.id, created.id)).get()!;
    expect(row).toMatchObject({ shortName: 'BOE Technology', legalName: 'BOE Technology', tier: 'other', chainPosition: null });
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'organisation'), eq(auditEvents.entityId, created.id)))
        .get(),
    ).toMatchObject({
      action: 'created',
      labId: null,
    });
  });

  it('refuses empty names, bad websites and a duplicate name, saving nothing', async () => {
    const user = sessionUser(db, 'admin@demo.local');
    const before = tableCounts(db);
    const bad = await httpCall(db, 'organisation.create', { nameEn: '', type: 'enterprise', website: 'www.example.com' }, { user });
    expect(bad.body.error?.json.data.fieldErrors).toEqual({
      nameEn: ['Fill in this field.'],
      website: ['Enter a web address starting with https://.'],
    });
    const dup = await httpCall(db, 'organisation.create', { nameEn: 'TIANMA MICROELECTRONICS', type: 'enterprise' }, { user });
    expect(dup.status).toBe(409);
    expect(Object.keys(dup.body.error!.json.data.fieldErrors)).toEqual(['nameEn']);
    expect(tableCounts(db)).toEqual(before);
  });

  it('edits from the version it started at; a stale edit is a conflict', async () => {
    const hbis = org('HBIS');
    const fields = {
      nameEn: hbis.nameEn,
      nameZh: hbis.nameZh,
      shortName: 'HBIS',
      legalName: hbis.legalName,
      type: hbis.type,
      tier: hbis.tier,
    };
    await admin().organisation.update({ id: hbis.id, version: hbis.version, ...fields, region: 'Shijiazhuang, Hebei' });
    expect(org('HBIS')).toMatchObject({ region: 'Shijiazhuang, Hebei', version: hbis.version + 1 });
    expect(await errorCode(admin().organisation.update({ id: hbis.id, version: hbis.version, ...fields, region: 'x' }))).toBe('CONFLICT');
    expect(org('HBIS').region).toBe('Shijiazhuang, Hebei');
  });
});

describe('organisation.merge', () => {
  /** A second record for Tianma, partner of two labs (one of which Tianma is already in), with people and work. */
  function duplicateOfTianma() {
    const dup = db
      .insert(organisations)
      .values({
        legalName: 'Tianma Micro-electronics Co.',
        shortName: 'Tianma (dup)',
        nameEn: 'Tianma Micro-electronics',
        type: 'enterprise',
      })
      .returning()
      .get();
    const display = labIdOf(db, 'new-display-lab');
    const steel = labIdOf(db, 'green-auto-steel');
    db.insert(participations)
      .values({ labId: display, organisationId: dup.id, role: 'lead', joinedOn: '2020-01-01', contribution: 'Pilot line' })
      .run();
    db.insert(participations).values({ labId: steel, organisationId: dup.id, role: 'supplier', contribution: 'Displays' }).run();
    db.update(users).set({ organisationId: dup.id }).where(eq(users.email, 'viewer@demo.local')).run();
    const milestone = db.select().from(milestones).where(eq(milestones.labId, display)).get()!;
    db.update(milestones).set({ ownerOrganisationId: dup.id }).where(eq(milestones.id, milestone.id)).run();
    const goal = db.select().from(goals).where(eq(goals.labId, display)).get()!;
    db.update(goals).set({ ownerOrganisationId: dup.id }).where(eq(goals.id, goal.id)).run();
    db.insert(invitations)
      .values({
        labId: display,
        email: 'z@tianma.cn',
        role: 'member',
        organisationId: dup.id,
        tokenHash: 'h',
        expiresAt: new Date(Date.now() + 1e6),
      })
      .run();
    return { dup, display, steel, milestone, goal };
  }

  it('moves every participation, person, milestone, goal and invitation, then deletes the duplicate, audited', async () => {
    const { dup, display, steel, milestone, goal } = duplicateOfTianma();
    const keep = org('Tianma');
    const before = db
      .select()
      .from(participations)
      .where(and(eq(participations.labId, display), eq(participations.organisationId, keep.id)))
      .get()!;
    const result = await admin().organisation.merge({
      keepId: keep.id,
      keepVersion: keep.version,
      duplicateId: dup.id,
      duplicateVersion: dup.version,
    });
    expect(result.moved).toEqual({ participations: 2, combinedParticipations: 1, users: 1, milestones: 1, goals: 1, invitations: 1 });

    expect(db.select().from(organisations).where(eq(organisations.id, dup.id)).get()).toBeUndefined();
    expect(db.select().from(participations).where(eq(participations.organisationId, dup.id)).all()).toEqual([]);
    // The lab both records were in keeps one entry: the stronger role, the earlier date, both contributions.
    const combined = db
      .select()
      .from(participations)
      .where(and(eq(participations.labId, display), eq(participations.organisationId, keep.id)))
      .all();
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({
      id: before.id,
      role: 'lead',
      joinedOn: '2020-01-01',
      contribution: `${before.contribution}\nPilot line`,
    });
    expect(combined[0]!.version).toBe(before.version + 1);
    expect(
      db
        .select()
        .from(participations)
        .where(and(eq(participations.labId, steel), eq(participations.organisationId, keep.id)))
        .get()?.role,
    ).toBe('supplier');
    expect(sessionUser(db, 'viewer@demo.local').organisationId).toBe(keep.id);
    expect(db.select().from(milestones).where(eq(milestones.id, milestone.id)).get()?.ownerOrganisationId).toBe(keep.id);
    expect(db.select().from(goals).where(eq(goals.id, goal.id)).get()?.ownerOrganisationId).toBe(keep.id);
    expect(db.select().from(invitations).where(eq(invitations.email, 'z@tianma.cn')).get()?.organisationId).toBe(keep.id);

    const events = db.select().from(auditEvents).where(eq(auditEvents.action, 'merged')).all();
    expect(events.map((e) => [e.entityType, e.labId])).toEqual([
      ['participation', display],
      ['organisation', null],
    ]);
    expect(events[1]!.before).toMatchObject({ duplicate: { nameEn: 'Tianma Micro-electronics' } });
    // Both labs' public partner lists now name the kept record only.
    const directory = (await callerAs(db, null).directory.list()).labs;
    expect(directory.find((l) => l.slug === 'new-display-lab')!.partners.filter((p) => p.nameEn.startsWith('Tianma'))).toHaveLength(1);
  });

  it('refuses to merge a record into itself, or from a stale version, changing nothing', async () => {
    const { dup } = duplicateOfTianma();
    const keep = org('Tianma');
    const before = tableCounts(db);
    const self = await httpCall(
      db,
      'organisation.merge',
      { keepId: keep.id, keepVersion: keep.version, duplicateId: keep.id, duplicateVersion: keep.version },
      { user: sessionUser(db, 'admin@demo.local') },
    );
    expect(self.body.error?.json.data.fieldErrors).toEqual({
      duplicateId: ['Choose a different organisation: a record cannot be merged into itself.'],
    });
    expect(
      await errorCode(
        admin().organisation.merge({ keepId: keep.id, keepVersion: keep.version, duplicateId: dup.id, duplicateVersion: dup.version + 1 }),
      ),
    ).toBe('CONFLICT');
    expect(
      await errorCode(
        admin().organisation.merge({ keepId: keep.id, keepVersion: keep.version, duplicateId: 999_999, duplicateVersion: 1 }),
      ),
    ).toBe('NOT_FOUND');
    expect(tableCounts(db)).toEqual(before);
  });

  it('combines two participations sensibly', () => {
    const base = { id: 1, labId: 1, organisationId: 1, version: 1, createdAt: new Date(), updatedAt: new Date() };
    expect(
      combinedParticipation(
        { ...base, role: 'supplier', joinedOn: '2024-05-01', contribution: 'Glass', budgetCny: null },
        { ...base, role: 'core_partner', joinedOn: '2023-01-01', contribution: 'Glass', budgetCny: 500 },
      ),
    ).toEqual({ role: 'core_partner', joinedOn: '2023-01-01', contribution: 'Glass', budgetCny: 500 });
    expect(
      combinedParticipation(
        { ...base, role: 'lead', joinedOn: null, contribution: null, budgetCny: 100 },
        { ...base, role: 'end_user', joinedOn: '2023-01-01', contribution: 'Orders', budgetCny: 500 },
      ),
    ).toEqual({ role: 'lead', joinedOn: '2023-01-01', contribution: 'Orders', budgetCny: 100 });
  });
});
