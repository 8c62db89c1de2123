import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, organisations, participations } from '@/db/schema';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { addOutsider, errorCode, errorOf, expectRefusals, LAB_MANAGER_RULE } from '../helpers/roles';

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  addOutsider(db);
  labId = labIdOf(db, 'new-display-lab');
});

function orgId(shortName: string) {
  return db.select().from(organisations).where(eq(organisations.shortName, shortName)).get()!.id;
}
function participation(lab: number, organisationId: number) {
  return db
    .select()
    .from(participations)
    .where(and(eq(participations.labId, lab), eq(participations.organisationId, organisationId)))
    .get();
}

describe('partner.list and partner.searchOrganisations', () => {
  it('are for the lab’s managers and admins', async () => {
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.partner.list({ labId }));
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.partner.searchOrganisations({ labId, query: 'a' }));
  });

  it('lists partners with their versions, and finds organisations by either name, marking current partners', async () => {
    const manager = callerAs(db, 'manager@demo.local');
    expect((await manager.partner.list({ labId })).map((p) => p.shortName)).toEqual(['Xiaomi', 'Tianma', 'CSOT Wuhan']);
    const hits = await manager.partner.searchOrganisations({ labId, query: '河钢' });
    expect(hits).toEqual([expect.objectContaining({ shortName: 'HBIS', isPartner: false })]);
    expect((await manager.partner.searchOrganisations({ labId, query: 'tianma' }))[0]).toMatchObject({ isPartner: true });
  });
});

describe('partner.add', () => {
  it('refuses everyone but the lab’s managers and admins, changing nothing', async () => {
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.partner.add({ labId, organisationId: orgId('HBIS'), role: 'supplier' }));
  });

  it('adds an existing organisation with its role, date and contribution, audited', async () => {
    const hbis = orgId('HBIS');
    await callerAs(db, 'manager@demo.local').partner.add({
      labId,
      organisationId: hbis,
      role: 'supplier',
      joinedOn: '2026-03-01',
      contribution: 'Substrate glass',
      budgetCny: '1,200,000' as never,
    });
    expect(participation(labId, hbis)).toMatchObject({
      role: 'supplier',
      joinedOn: '2026-03-01',
      contribution: 'Substrate glass',
      budgetCny: 1_200_000,
    });
    const event = db.select().from(auditEvents).where(eq(auditEvents.entityType, 'participation')).get()!;
    expect(event).toMatchObject({ labId, action: 'created' });
  });

  it('creates a new organisation and adds it, in one transaction', async () => {
    const before = tableCounts(db);
    await callerAs(db, 'manager@demo.local').partner.add({
      labId,
      newOrganisation: {
        nameEn: 'Hefei Visionox',
        nameZh: '合肥维信诺',
        type: 'enterprise',
        tier: 'little_giant',
        chainPosition: '' as never,
      },
      role: 'research_partner',
    });
    const org = db.select().from(organisations).where(eq(organisations.nameEn, 'Hefei Visionox')).get()!;
    expect(org).toMatchObject({ shortName: 'Hefei Visionox', legalName: 'Hefei Visionox', chainPosition: null });
    expect(participation(labId, org.id)?.role).toBe('research_partner');
    expect(tableCounts(db)).toMatchObject({ organisations: before.organisations! + 1, participations: before.participations! + 1 });
  });

  it('refuses a second record for a company already in the register, and an organisation already in the lab', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const before = tableCounts(db);
    const dup = await httpCall(
      db,
      'partner.add',
      { labId, newOrganisation: { nameEn: 'hbis group', type: 'enterprise' }, role: 'supplier' },
      { user },
    );
    expect(dup.body.error?.json.data.fieldErrors).toEqual({
      nameEn: ['An organisation with this name is already in the register. Search for it and choose it instead of creating it again.'],
    });
    const again = await httpCall(db, 'partner.add', { labId, organisationId: orgId('Tianma'), role: 'supplier' }, { user });
    expect(again.status).toBe(409);
    expect(Object.keys(again.body.error!.json.data.fieldErrors)).toEqual(['organisationId']);
    expect(tableCounts(db)).toEqual(before);
  });

  it('asks for exactly one of an existing organisation or a new one, and checks the new one’s fields', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const neither = await httpCall(db, 'partner.add', { labId, role: 'supplier' }, { user });
    expect(neither.body.error?.json.data.fieldErrors).toEqual({ organisationId: ['Choose an organisation, or create a new one.'] });
    const bad = await httpCall(
      db,
      'partner.add',
      {
        labId,
        newOrganisation: { nameEn: '', type: 'company', website: 'ftp://x' },
        role: 'boss',
        joinedOn: '2026-13-01',
        budgetCny: 'lots',
      },
      { user, locale: 'zh-CN' },
    );
    expect(bad.body.error?.json.data.fieldErrors).toEqual({
      'newOrganisation.nameEn': ['请填写此字段。'],
      'newOrganisation.type': ['请从选项中选择。'],
      'newOrganisation.website': ['请输入以 https:// 开头的网址。'],
      role: ['请从选项中选择。'],
      joinedOn: ['请按 年/月/日 输入日期（如 2026/12/31），或点击日历按钮选择。'],
      budgetCny: ['请输入整数。'],
    });
  });
});

describe('partner.update and partner.remove', () => {
  it('refuse everyone but the lab’s managers and admins, changing nothing', async () => {
    const p = participation(labId, orgId('Tianma'))!;
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.partner.update({ labId, participationId: p.id, version: p.version, role: 'lead' }));
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.partner.remove({ labId, participationId: p.id, version: p.version }));
  });

  it('edits a partner from the version it started at, and refuses a stale edit', async () => {
    const p = participation(labId, orgId('Tianma'))!;
    const manager = callerAs(db, 'manager@demo.local');
    await manager.partner.update({ labId, participationId: p.id, version: p.version, role: 'supplier', contribution: 'Panels' });
    expect(participation(labId, orgId('Tianma'))).toMatchObject({ role: 'supplier', contribution: 'Panels', version: p.version + 1 });
    expect(await errorCode(manager.partner.update({ labId, participationId: p.id, version: p.version, role: 'lead' }))).toBe('CONFLICT');
    expect(await errorCode(manager.partner.remove({ labId, participationId: p.id, version: p.version }))).toBe('CONFLICT');
    expect(participation(labId, orgId('Tianma'))?.role).toBe('supplier');
  });

  it('removes a partner, audited with what it was', async () => {
    const p = participation(labId, orgId('CSOT Wuhan'))!;
    await callerAs(db, 'manager@demo.local').partner.remove({ labId, participationId: p.id, version: p.version });
    expect(participation(labId, orgId('CSOT Wuhan'))).toBeUndefined();
    const event = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'participation'), eq(auditEvents.action, 'deleted')))
      .get()!;
    expect(event.before).toMatchObject({ role: 'core_partner', organisationId: orgId('CSOT Wuhan') });
  });

  it('treats another lab’s participation as not found, even for a manager naming their own lab', async () => {
    const steel = participation(labIdOf(db, 'green-auto-steel'), orgId('HBIS'))!;
    const error = await errorOf(
      callerAs(db, 'manager@demo.local').partner.remove({ labId, participationId: steel.id, version: steel.version }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(participation(labIdOf(db, 'green-auto-steel'), orgId('HBIS'))).toBeDefined();
  });
});
