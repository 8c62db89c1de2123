import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { prepared } from '../../db/prepared';
import { auditEvents, users } from '../../db/schema';
import { recordAudit } from '../../server/services/audit';
import { freshDb, tableCounts } from '../helpers/db';

describe('prepared queries', () => {
  it('are built once per connection, shared by the handle and its transactions', async () => {
    const db = await freshDb({ seed: true });
    let builds = 0;
    const build = (d: typeof db | Parameters<Parameters<typeof db.transaction>[0]>[0]) => {
      builds++;
      return d
        .select({ email: users.email })
        .from(users)
        .where(eq(users.id, sql.placeholder('id')))
        .prepare();
    };
    const first = prepared(db, 'test.userEmail', build);
    db.transaction((tx) => expect(prepared(tx, 'test.userEmail', build)).toBe(first));
    db.transaction((tx) => expect(prepared(tx, 'test.userEmail', build)).toBe(first));
    expect(builds).toBe(1);
    expect(first.get({ id: 1 })?.email).toMatch(/@/);

    const other = await freshDb({ seed: true });
    expect(prepared(other, 'test.userEmail', build)).not.toBe(first);
    expect(builds).toBe(2);
  });

  it('run inside the transaction they are called in: a rollback takes their writes back', async () => {
    const db = await freshDb({ seed: true });
    recordAudit(db, { labId: null, actorId: null, action: 'tested', entityType: 'test', entityId: 1, after: { n: 1 } });
    const before = tableCounts(db);
    expect(() =>
      db.transaction((tx) => {
        recordAudit(tx, {
          labId: null,
          actorId: null,
          action: 'tested',
          entityType: 'test',
          entityId: 2,
          before: { n: 1 },
          after: { n: 2 },
        });
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(tableCounts(db)).toEqual(before);
    const rows = db.select().from(auditEvents).where(eq(auditEvents.entityType, 'test')).all();
    expect(rows.map((r) => [r.entityId, r.before, r.after])).toEqual([[1, null, { n: 1 }]]);
  });
});
