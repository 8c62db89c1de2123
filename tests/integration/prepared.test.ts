import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allRows, prepared } from '@/db/prepared';
import { auditEvents, labs, milestones, organisations, users } from '@/db/schema';
import { milestonesOfLab } from '@/server/services/timeline';
import { recordAudit } from '@/server/services/audit';
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

  it('mapped by allRows are the rows drizzle maps itself: nulls, booleans, timestamps and joined columns alike', async () => {
    const db = await freshDb({ seed: true });
    const columns = {
      id: milestones.id,
      ownerOrganisationId: milestones.ownerOrganisationId,
      ownerNameEn: organisations.nameEn,
      actualStart: milestones.actualStart,
      status: milestones.status,
      isPublic: milestones.isPublic,
      updatedAt: milestones.updatedAt,
      labSlug: labs.slug,
    };
    const query = db
      .select(columns)
      .from(milestones)
      .innerJoin(labs, eq(labs.id, milestones.labId))
      .leftJoin(organisations, eq(organisations.id, milestones.ownerOrganisationId))
      .where(sql`${milestones.id} > ${sql.placeholder('after')}`)
      .orderBy(asc(milestones.id))
      .prepare();
    const rows = allRows(query, columns, { after: 0 });
    expect(rows).toEqual(query.all({ after: 0 }));
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((r) => r.updatedAt instanceof Date && typeof r.isPublic === 'boolean')).toBe(true);
    expect(rows.some((r) => r.actualStart === null) && rows.some((r) => r.actualStart !== null)).toBe(true);
    expect(rows.some((r) => r.isPublic) && rows.some((r) => !r.isPublic)).toBe(true);
  });

  it('give the timeline every milestone of the lab as stored, in plan order', async () => {
    const db = await freshDb({ seed: true });
    for (const lab of db.select({ id: labs.id }).from(labs).all()) {
      const stored = db
        .select()
        .from(milestones)
        .where(eq(milestones.labId, lab.id))
        .orderBy(asc(milestones.forecastStart), asc(milestones.id))
        .all();
      const owners = new Map(
        db
          .select()
          .from(organisations)
          .all()
          .map((o) => [o.id, o]),
      );
      expect(milestonesOfLab(db, lab.id)).toEqual(
        stored.map((m) => {
          const owner = m.ownerOrganisationId === null ? undefined : owners.get(m.ownerOrganisationId);
          return {
            id: m.id,
            title: m.title,
            description: m.description,
            phase: m.phase,
            ownerOrganisationId: m.ownerOrganisationId,
            ownerNameEn: owner?.nameEn ?? null,
            ownerNameZh: owner?.nameZh ?? null,
            ownerShortName: owner?.shortName ?? null,
            forecastStart: m.forecastStart,
            forecastFinish: m.forecastFinish,
            actualStart: m.actualStart,
            actualFinish: m.actualFinish,
            status: m.status,
            percentComplete: m.percentComplete,
            isPublic: m.isPublic,
            version: m.version,
            updatedAt: m.updatedAt,
          };
        }),
      );
    }
  });
});
