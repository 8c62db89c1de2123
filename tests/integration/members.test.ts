import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, memberships } from '@/db/schema';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { ACTORS, addOutsider, errorCode, expectRefusals, LAB_MANAGER_RULE } from '../helpers/roles';

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  addOutsider(db);
  labId = labIdOf(db, 'new-display-lab');
});

function membershipOf(email: string, lab = labId) {
  return db
    .select()
    .from(memberships)
    .where(and(eq(memberships.labId, lab), eq(memberships.userId, sessionUser(db, email).id)))
    .get();
}

describe('member.list', () => {
  it('lets everyone in the lab see the members, with role and organisation', async () => {
    for (const email of ['viewer@demo.local', 'member@demo.local', 'manager@demo.local', 'admin@demo.local']) {
      const list = await callerAs(db, email).member.list({ labId });
      expect(list.map((m) => [m.email, m.role, m.organisationNameEn])).toEqual([
        ['manager@demo.local', 'manager', 'Xiaomi Corporation'],
        ['member@demo.local', 'member', 'Tianma Microelectronics'],
        ['viewer@demo.local', 'viewer', 'Wuhan China Star Optoelectronics'],
      ]);
    }
  });

  it('is not found for anyone outside the lab', async () => {
    expect(await errorCode(callerAs(db, null).member.list({ labId }))).toBe('UNAUTHORIZED');
    expect(await errorCode(callerAs(db, ACTORS.outsider).member.list({ labId }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'steel@demo.local').member.list({ labId }))).toBe('NOT_FOUND');
  });
});

describe('member.changeRole', () => {
  it('refuses everyone but the lab’s managers and admins, changing nothing', async () => {
    const m = membershipOf('member@demo.local')!;
    await expectRefusals(db, LAB_MANAGER_RULE, (c) =>
      c.member.changeRole({ labId, membershipId: m.id, version: m.version, role: 'manager' }),
    );
  });

  it('changes a role, audited; the new role applies on the next request', async () => {
    const m = membershipOf('viewer@demo.local')!;
    await callerAs(db, 'manager@demo.local').member.changeRole({ labId, membershipId: m.id, version: m.version, role: 'member' });
    expect(membershipOf('viewer@demo.local')?.role).toBe('member');
    expect((await callerAs(db, 'viewer@demo.local').lab.overview({ slug: 'new-display-lab' })).role).toBe('member');
    const event = db.select().from(auditEvents).where(eq(auditEvents.entityType, 'membership')).get()!;
    expect(event).toMatchObject({ labId, action: 'updated', before: { role: 'viewer' }, after: { role: 'member' } });
  });

  it('never demotes the last manager, and says so on the role field', async () => {
    const m = membershipOf('manager@demo.local')!;
    const before = tableCounts(db);
    const res = await httpCall(
      db,
      'member.changeRole',
      { labId, membershipId: m.id, version: m.version, role: 'member' },
      { user: sessionUser(db, 'manager@demo.local') },
    );
    expect(res.status).toBe(412);
    expect(res.body.error?.json.data.fieldErrors).toEqual({ role: ['This is the lab’s only manager. Make someone else manager first.'] });
    expect(membershipOf('manager@demo.local')?.role).toBe('manager');
    expect(tableCounts(db)).toEqual(before);
  });

  it('lets a manager step down once there is another manager', async () => {
    const manager = callerAs(db, 'manager@demo.local');
    const member = membershipOf('member@demo.local')!;
    await manager.member.changeRole({ labId, membershipId: member.id, version: member.version, role: 'manager' });
    const own = membershipOf('manager@demo.local')!;
    await manager.member.changeRole({ labId, membershipId: own.id, version: own.version, role: 'viewer' });
    expect(membershipOf('manager@demo.local')?.role).toBe('viewer');
  });

  it('refuses a stale change', async () => {
    const m = membershipOf('viewer@demo.local')!;
    const manager = callerAs(db, 'manager@demo.local');
    await manager.member.changeRole({ labId, membershipId: m.id, version: m.version, role: 'member' });
    expect(await errorCode(manager.member.changeRole({ labId, membershipId: m.id, version: m.version, role: 'manager' }))).toBe('CONFLICT');
    expect(membershipOf('viewer@demo.local')?.role).toBe('member');
  });

  it('does not let a manager of one lab change a membership of another lab', async () => {
    const steelLab = labIdOf(db, 'green-auto-steel');
    const steel = membershipOf('steel@demo.local', steelLab)!;
    expect(
      await errorCode(
        callerAs(db, 'manager@demo.local').member.changeRole({ labId, membershipId: steel.id, version: steel.version, role: 'viewer' }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await errorCode(
        callerAs(db, 'manager@demo.local').member.changeRole({
          labId: steelLab,
          membershipId: steel.id,
          version: steel.version,
          role: 'viewer',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(membershipOf('steel@demo.local', steelLab)?.role).toBe('manager');
  });
});

describe('member.remove', () => {
  it('refuses everyone but the lab’s managers and admins, changing nothing', async () => {
    const m = membershipOf('member@demo.local')!;
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.member.remove({ labId, membershipId: m.id, version: m.version }));
  });

  it('removes a member, who then cannot see the lab', async () => {
    const m = membershipOf('member@demo.local')!;
    await callerAs(db, 'manager@demo.local').member.remove({ labId, membershipId: m.id, version: m.version });
    expect(membershipOf('member@demo.local')).toBeUndefined();
    expect(await errorCode(callerAs(db, 'member@demo.local').lab.overview({ slug: 'new-display-lab' }))).toBe('NOT_FOUND');
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'membership'), eq(auditEvents.action, 'deleted')))
        .get(),
    ).toBeDefined();
  });

  it('never removes the last manager, not even for an admin', async () => {
    const m = membershipOf('manager@demo.local')!;
    const before = tableCounts(db);
    expect(await errorCode(callerAs(db, 'admin@demo.local').member.remove({ labId, membershipId: m.id, version: m.version }))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('member.leave', () => {
  it('lets any member leave on their own, audited', async () => {
    for (const email of ['viewer@demo.local', 'member@demo.local']) {
      await callerAs(db, email).member.leave({ labId });
      expect(membershipOf(email)).toBeUndefined();
    }
    const left = db.select().from(auditEvents).where(eq(auditEvents.action, 'left')).all();
    expect(left).toHaveLength(2);
  });

  it('keeps the last manager in the lab', async () => {
    const before = tableCounts(db);
    expect(await errorCode(callerAs(db, 'manager@demo.local').member.leave({ labId }))).toBe('PRECONDITION_FAILED');
    expect(tableCounts(db)).toEqual(before);
  });

  it('has nothing to leave for people who are not members', async () => {
    const before = tableCounts(db);
    expect(await errorCode(callerAs(db, null).member.leave({ labId }))).toBe('UNAUTHORIZED');
    expect(await errorCode(callerAs(db, ACTORS.outsider).member.leave({ labId }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'steel@demo.local').member.leave({ labId }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'admin@demo.local').member.leave({ labId }))).toBe('NOT_FOUND');
    expect(tableCounts(db)).toEqual(before);
  });
});
