import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loggingDatabase, openDatabase, type DB } from '@/db/client';
import { DEMO_PASSWORD } from '@/server/cli/demo/demo-data';
import { seedDemoData } from '@/server/cli/demo/seed';
import { appRouter, createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { goals, labs, milestoneBaselines, milestones } from '@/db/schema';
import { authOptions, issueSessionToken, sessionUserFromToken, signInWithPassword } from '@/server/auth';
import { BENCH_BIG_LAB, BENCH_MANAGER, BENCH_MEMBER, BENCH_PASSWORD, generateBenchDataset } from '@/server/bench/dataset';
import { explainQueryPlan, fullScansOfGrowingTables, type PlanStep } from '@/server/bench/query-plan';
import { distinctQueries, statementRecorder, type CapturedStatement } from '@/server/bench/sql-capture';
import { hashPassword } from '@/server/password';
import { getPublicFactSheet } from '@/server/services/public-fact-sheet';
import { getPublicLabCalendar, getPublicLabNews, listPublicNews, publicLabsLastModified } from '@/server/services/public-feeds';
import { directoryFacets, searchPublicLabs, searchPublicLabsPage } from '@/server/services/public-search';
import { listPublicLabs } from '@/server/services/publication';
import { callerAs, freshDb, labIdOf, TEST_TODAY } from '../helpers/db';
import { labFixture, POLICY } from '../policy/policy';
import { userFor, type Role } from '../policy/roles';

// Every query the hot pages and procedures run, on a database the size of scale 0.1 of the
// benchmark (50 labs, 100,000 audit events), with planner statistics: none may read a table that
// grows with use from end to end. The SQL is captured while the real code runs, so a query added
// to a hot path is checked without anyone listing it here.

let db: DB;
const recorder = statementRecorder();
const captured = new Map<string, CapturedStatement & { paths: Set<string> }>();
const pathsRun: string[] = [];

async function run(path: string, work: () => unknown) {
  pathsRun.push(path);
  const { statements } = await recorder.capture(work);
  for (const s of distinctQueries(statements)) {
    const known = captured.get(s.sql);
    if (known) known.paths.add(path);
    else captured.set(s.sql, { ...s, paths: new Set([path]) });
  }
}

beforeAll(async () => {
  const plain = await freshDb({ seed: false });
  generateBenchDataset(plain.$client, { scale: 0.1, passwordHash: await hashPassword(BENCH_PASSWORD) });
  plain.$client.exec('ANALYZE');
  db = loggingDatabase(plain, recorder.logger);

  const bigLab = labIdOf(db, BENCH_BIG_LAB);
  const slug = (id: number) => db.select({ slug: labs.slug }).from(labs).where(eq(labs.id, id)).get()!.slug;
  const publicLab = slug(2);
  const member = callerAs(db, BENCH_MEMBER);
  const manager = callerAs(db, BENCH_MANAGER);
  const admin = callerAs(db, 'bench-admin@bench.local');
  const memberUser = db.$client.prepare(`select id, session_version as sv from users where email = ?`).get(BENCH_MEMBER) as {
    id: number;
    sv: number;
  };
  const token = await issueSessionToken({ id: memberUser.id, sessionVersion: memberUser.sv });
  const olderBaseline = db
    .select({ id: milestoneBaselines.id })
    .from(milestoneBaselines)
    .where(eq(milestoneBaselines.labId, bigLab))
    .orderBy(milestoneBaselines.id)
    .get()!.id;
  const milestone = db
    .select()
    .from(milestones)
    .where(and(eq(milestones.labId, bigLab), eq(milestones.status, 'in_progress')))
    .get()!;
  const goal = db.select().from(goals).where(eq(goals.labId, bigLab)).get()!;

  // Signed-in requests: the session is looked up on every one; sign-in checks the throttle.
  await run('session lookup', () => sessionUserFromToken(db, token));
  vi.spyOn(Math, 'random').mockReturnValue(0); // also take the branch that prunes old sign-in attempts
  await run('sign-in', () => signInWithPassword(db, BENCH_MEMBER, BENCH_PASSWORD, '203.0.113.9'));
  vi.restoreAllMocks();
  await run('sign-out', () => authOptions(() => db).events!.signOut!({ token: { sid: 'signed-out-session' } } as never));

  // The workspace: my labs, a lab's pages.
  await run('workspace (lab.mine)', () => member.lab.mine());
  await run('workspace as admin (lab.mine)', () => admin.lab.mine());
  await run('lab context', () => member.lab.context({ slug: BENCH_BIG_LAB }));
  await run('lab overview', () => member.lab.overview({ slug: BENCH_BIG_LAB }));
  await run('timeline', () => member.milestone.timeline({ labId: bigLab }));
  await run('timeline, older baseline', () => member.milestone.timeline({ labId: bigLab, baselineId: olderBaseline }));
  await run('milestone progress', () =>
    member.milestone.updateProgress({
      labId: bigLab,
      id: milestone.id,
      version: milestone.version,
      status: 'in_progress',
      percentComplete: 50,
      actualStart: milestone.actualStart,
      actualFinish: null,
    }),
  );
  await run('updates feed', () => member.update.list({ labId: bigLab }));
  await run('updates feed, filtered', () => member.update.list({ labId: bigLab, health: 'at_risk', milestoneId: milestone.id }));
  await run('update links', () => member.update.options({ labId: bigLab }));
  await run('post update', () =>
    member.update.post({ labId: bigLab, body: 'Plan check', health: 'on_track', milestoneIds: [milestone.id], goalIds: [goal.id] }),
  );
  await run('goals', () => member.goal.list({ labId: bigLab }));
  await run('goal detail', () => member.goal.detail({ labId: bigLab, goalId: goal.id }));
  await run('record measurement', () =>
    member.measurement.record({ labId: bigLab, goalId: goal.id, value: goal.baselineValue, asOf: '2026-06-30', source: 'Plan check' }),
  );
  await run('activity', () => member.activity.list({ labId: bigLab }));
  await run('activity filters', () => member.activity.filters({ labId: bigLab }));
  await run('audit log', () => manager.audit.list({ labId: bigLab }));
  await run('portfolio timeline', () => member.portfolio.timeline({}));
  await run('goal portfolio', () => member.goal.portfolio());

  // Public pages: directory, search, fact sheet, feeds, calendar, sitemap.
  await run('directory', () => [searchPublicLabsPage(db, {}, 1), directoryFacets(db)]);
  await run('directory API', () => listPublicLabs(db));
  await run('search (trigram)', () => searchPublicLabs(db, { q: 'Display' }));
  await run('search (short term)', () => searchPublicLabs(db, { q: '显示' }));
  await run('fact sheet', () => getPublicFactSheet(db, publicLab));
  await run('lab feed', () => getPublicLabNews(db, publicLab));
  await run('news feed', () => listPublicNews(db));
  await run('calendar', () => getPublicLabCalendar(db, publicLab));
  await run('sitemap', () => publicLabsLastModified(db));
}, 120_000);

afterAll(() => db?.$client.close());

describe('query plans of the hot paths (scale 0.1, analysed)', () => {
  it('captures the queries of every hot path', () => {
    expect(captured.size).toBeGreaterThan(30);
    const withQueries = new Set([...captured.values()].flatMap((s) => [...s.paths]));
    // A hot path that ran no query at all would mean the capture (or the path) is broken.
    expect(pathsRun.filter((p) => !withQueries.has(p))).toEqual([]);
  });

  it('every foreign key is indexed (deleting or merging a parent looks its children up by it)', () => {
    const client = db.$client;
    const tables = client
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%drizzle%' and sql not like '%virtual%'`,
      )
      .all() as { name: string }[];
    const unindexed: string[] = [];
    for (const { name } of tables) {
      const leading = (client.prepare(`select name from pragma_index_list(?)`).all(name) as { name: string }[]).map(
        (index) => (client.prepare(`select name from pragma_index_info(?) where seqno = 0`).get(index.name) as { name: string }).name,
      );
      for (const fk of client.prepare(`select "from" as column from pragma_foreign_key_list(?)`).all(name) as { column: string }[])
        if (!leading.includes(fk.column)) unindexed.push(`${name}.${fk.column}`);
    }
    expect(unindexed).toEqual([]);
  });

  it('reads no growing table in full', () => {
    const problems: { sql: string; paths: string[]; scans: string[]; plan: PlanStep[] }[] = [];
    for (const statement of captured.values()) {
      const plan = explainQueryPlan(db.$client, statement);
      const scans = fullScansOfGrowingTables(statement.sql, plan);
      if (scans.length) problems.push({ sql: statement.sql, paths: [...statement.paths], scans, plan });
    }
    expect(problems).toEqual([]);
  });
});

// Beyond the hot paths: every procedure of the app router, called once by a caller it allows, on
// the same large database with the demo labs added (the policy table knows how to build a valid
// input for each in new-display-lab). A copy per procedure, so one call cannot spoil the next.
describe('query plans of every procedure (scale 0.1 plus the demo labs, analysed)', () => {
  const procedures = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures);
  let template: Buffer;

  beforeAll(async () => {
    const big = await freshDb({ seed: false });
    generateBenchDataset(big.$client, { scale: 0.1, passwordHash: 'x' });
    await seedDemoData(big, { today: TEST_TODAY, passwordHash: await hashPassword(DEMO_PASSWORD) });
    big.$client.exec('ANALYZE');
    template = big.$client.serialize();
    big.$client.close();
  }, 120_000);

  it.each(procedures)('%s', async (path) => {
    const entry = POLICY[path]!;
    const copyRecorder = statementRecorder();
    const copy = openDatabase(template, { logger: copyRecorder.logger });
    try {
      const role: Role = entry.access === 'public' ? 'anonymous' : entry.access === 'admin' ? 'admin' : 'manager';
      const user = userFor(copy, role);
      const input = entry.input(labFixture(copy, role, user));
      const caller = createCaller(createContext({ db: copy, user }));
      const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        i: unknown,
      ) => Promise<unknown>;
      const { statements } = await copyRecorder.capture(() => fn(input).catch(() => undefined));
      const problems = distinctQueries(statements)
        .map((s) => ({ sql: s.sql, scans: fullScansOfGrowingTables(s.sql, explainQueryPlan(copy.$client, s)) }))
        .filter((p) => p.scans.length > 0);
      expect(problems).toEqual([]);
    } finally {
      copy.$client.close();
    }
  });
});
