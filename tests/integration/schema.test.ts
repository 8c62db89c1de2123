import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { demoLabs } from '@/server/cli/demo/demo-data';
import { auditEvents, labs, milestones, users } from '@/db/schema';
import { isDatabaseEmpty } from '@/server/cli/demo/seed';
import { createAdminAccount } from '@/server/services/accounts';
import { freshDb, labIdOf } from '../helpers/db';
import { expectAll } from '../helpers/expect-all';

let db: DB;

/** The SQLite message behind a failed statement (drizzle wraps it). */
function sqliteError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    const cause = (error as { cause?: Error }).cause;
    return (cause ?? (error as Error)).message;
  }
  return 'no error';
}
beforeEach(async () => {
  db = await freshDb();
});

describe('database constraints', () => {
  it('keeps emails unique regardless of case', () => {
    expect(sqliteError(() => db.insert(users).values({ email: 'manager@demo.local', name: 'Dup', passwordHash: 'x' }).run())).toMatch(
      /UNIQUE/,
    );
    expect(
      sqliteError(() => db.run(sql`insert into users (email, name, password_hash) values ('Manager@Demo.local', 'Dup', 'x')`)),
    ).toMatch(/CHECK|UNIQUE/);
  });

  it('keeps lab slugs unique and well-formed', () => {
    const base = { nameEn: 'X', sector: 'electronics', chainEn: 'X', stage: 'rnd' } as const;
    expect(
      sqliteError(() =>
        db
          .insert(labs)
          .values({ ...base, slug: 'new-display-lab' })
          .run(),
      ),
    ).toMatch(/UNIQUE/);
    expect(
      sqliteError(() =>
        db
          .insert(labs)
          .values({ ...base, slug: 'Has Spaces' })
          .run(),
      ),
    ).toMatch(/CHECK/);
  });

  it('refuses values outside an enumeration and impossible dates', () => {
    const labId = labIdOf(db, 'new-display-lab');
    const m = { labId, title: 'x', phase: 'rnd', forecastStart: '2026-01-01', forecastFinish: '2026-02-01' } as const;
    expect(
      sqliteError(() =>
        db
          .insert(milestones)
          .values({ ...m, status: 'finished' as never })
          .run(),
      ),
    ).toMatch(/CHECK/);
    expect(
      sqliteError(() =>
        db
          .insert(milestones)
          .values({ ...m, forecastFinish: '2025-12-31' })
          .run(),
      ),
    ).toMatch(/CHECK/);
    expect(
      sqliteError(() =>
        db
          .insert(milestones)
          .values({ ...m, forecastStart: '2026-02-30' })
          .run(),
      ),
    ).toMatch(/CHECK/);
    expect(
      sqliteError(() =>
        db
          .insert(milestones)
          .values({ ...m, status: 'done' })
          .run(),
      ),
    ).toMatch(/CHECK/);
    expect(
      sqliteError(() =>
        db
          .insert(milestones)
          .values({ ...m, percentComplete: 101 })
          .run(),
      ),
    ).toMatch(/CHECK/);
  });

  it('enforces foreign keys', () => {
    expect(
      sqliteError(() =>
        db
          .insert(milestones)
          .values({ labId: 999_999, title: 'x', phase: 'rnd', forecastStart: '2026-01-01', forecastFinish: '2026-01-02' })
          .run(),
      ),
    ).toMatch(/FOREIGN KEY/);
  });

  it('never lets an audit event be edited or deleted', () => {
    expect(sqliteError(() => db.update(auditEvents).set({ action: 'tampered' }).run())).toMatch(/append-only/);
    expect(sqliteError(() => db.delete(auditEvents).run())).toMatch(/append-only/);
  });

  it('runs with WAL, foreign keys and a busy timeout', () => {
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});

describe('demo data', () => {
  it('is loaded only into an empty database', async () => {
    expect(isDatabaseEmpty(db)).toBe(false);
    expect(isDatabaseEmpty(await freshDb({ seed: false }))).toBe(true);
  });

  it('is rich enough to show every feature in every lab', () => {
    for (const lab of demoLabs) {
      const labId = labIdOf(db, lab.slug);
      const count = (q: ReturnType<typeof sql>) => db.get<{ n: number }>(q).n;
      const ms = count(sql`select count(*) as n from milestones where lab_id = ${labId}`);
      expect(ms, lab.slug).toBeGreaterThanOrEqual(6);
      expect(ms, lab.slug).toBeLessThanOrEqual(15);
      expect(count(sql`select count(distinct phase) as n from milestones where lab_id = ${labId}`), lab.slug).toBeGreaterThanOrEqual(4);
      expect(count(sql`select count(*) as n from milestone_dependencies where lab_id = ${labId}`), lab.slug).toBeGreaterThanOrEqual(4);
      expect(count(sql`select count(*) as n from milestones where lab_id = ${labId} and status = 'done'`), lab.slug).toBeGreaterThan(0);
      expect(
        count(
          sql`select count(*) as n from milestones where lab_id = ${labId} and status not in ('done','cancelled') and forecast_finish < ${'2026-06-15'}`,
        ),
        `${lab.slug} has a late milestone`,
      ).toBeGreaterThan(0);
      expect(
        count(
          sql`select count(*) as n from baseline_items b join milestones m on m.id = b.milestone_id where m.lab_id = ${labId} and b.finish <> m.forecast_finish`,
        ),
        `${lab.slug} forecast differs from baseline`,
      ).toBeGreaterThan(0);
      const goals = db.all<{ n: number }>(
        sql`select count(m.id) as n from goals g left join measurements m on m.goal_id = g.id where g.lab_id = ${labId} group by g.id`,
      );
      expect(goals.length, lab.slug).toBeGreaterThanOrEqual(2);
      expect(goals.length, lab.slug).toBeLessThanOrEqual(4);
      for (const g of goals) {
        expect(g.n).toBeGreaterThanOrEqual(4);
        expect(g.n).toBeLessThanOrEqual(10);
      }
      expect(count(sql`select count(*) as n from progress_updates where lab_id = ${labId}`), lab.slug).toBeGreaterThanOrEqual(10);
      expect(count(sql`select count(distinct health) as n from progress_updates where lab_id = ${labId}`), lab.slug).toBe(3);
    }
  });

  it('marks every demo lab as demo data and keeps private items private', () => {
    expect(db.all(sql`select slug from labs where is_demo = 0`)).toEqual([]);
    const confidential = db.all<{ public: number }>(sql`
      select is_public as public from milestones where title like 'Confidential%'
      union all select is_public from goals where title_en like 'Confidential%'`);
    expect(confidential.length).toBeGreaterThanOrEqual(2);
    expectAll(confidential, (r) => r.public === 0);
  });
});

describe('admin accounts', () => {
  it('creates a platform admin with a normalised email and an audit event', async () => {
    const user = await createAdminAccount(db, { email: ' Ops@Example.org ', password: 'a-long-enough-secret' });
    expect(user.email).toBe('ops@example.org');
    const event = db.get<{ action: string }>(sql`select action from audit_events where entity_type = 'user' and entity_id = ${user.id}`);
    expect(event.action).toBe('created');
  });

  it('refuses a weak password, a bad email and a taken email, saving nothing', async () => {
    const before = db.get<{ n: number }>(sql`select count(*) as n from users`).n;
    await expect(createAdminAccount(db, { email: 'ops@example.org', password: 'short' })).rejects.toMatchObject({ field: 'password' });
    await expect(createAdminAccount(db, { email: 'not-an-email', password: 'a-long-enough-secret' })).rejects.toMatchObject({
      field: 'email',
    });
    await expect(createAdminAccount(db, { email: 'ADMIN@demo.local', password: 'a-long-enough-secret' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(db.get<{ n: number }>(sql`select count(*) as n from users`).n).toBe(before);
  });
});
