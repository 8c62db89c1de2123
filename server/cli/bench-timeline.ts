// `npm run bench:timeline`: how fast the production server renders a lab timeline with 300
// milestones and 400 dependencies, next to a demo lab's (12 milestones). Not part of `npm test`.
// It builds its own database (data/bench-timeline/app.db), starts the app on BENCH_PORT (default
// 3146) exactly as `npm start` does, warms up, then times sequential requests and prints medians.

import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { baselineItems, labs, memberships, milestoneBaselines, milestoneDependencies, milestones, users } from '@/db/schema';
import { seedDemoData } from './demo/seed';
import { addDays, todayIso } from '../domain/dates';
import { STAGES } from '@/common/enums';
import { issueSessionToken } from '../auth';
import { groupCpuMs } from '../bench/processes';
import { eq } from 'drizzle-orm';

const PORT = Number(process.env.BENCH_PORT ?? 3146);
const FILE = 'data/bench-timeline/app.db';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/** A small deterministic PRNG, so every run benchmarks the same plan. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

async function buildDatabase() {
  rmSync(path.dirname(FILE), { recursive: true, force: true });
  const db = openDatabase(FILE);
  migrateDatabase(db);
  await seedDemoData(db);
  const today = todayIso();
  const random = prng(42);
  db.transaction((tx) => {
    const lab = tx
      .insert(labs)
      .values({
        slug: 'bench-large',
        nameEn: 'Benchmark lab (300 milestones)',
        sector: 'electronics',
        chainEn: 'Benchmark',
        stage: 'pilot',
        status: 'active',
      })
      .returning()
      .get();
    const manager = tx.select().from(users).where(eq(users.email, 'manager@demo.local')).get()!;
    tx.insert(memberships).values({ labId: lab.id, userId: manager.id, role: 'manager' }).run();
    const ids: number[] = [];
    for (let i = 0; i < 300; i++) {
      const start = Math.floor(i * 3.5 - 400 + random() * 60);
      const length = 10 + Math.floor(random() * 90);
      const done = start + length < 0;
      const row = tx
        .insert(milestones)
        .values({
          labId: lab.id,
          title: `Benchmark milestone ${i + 1}: verification step ${String.fromCharCode(65 + (i % 26))}`,
          phase: STAGES[Math.min(STAGES.length - 1, Math.floor((i / 300) * STAGES.length))]!,
          forecastStart: addDays(today, start),
          forecastFinish: addDays(today, start + length),
          actualStart: start < 0 ? addDays(today, start) : null,
          actualFinish: done ? addDays(today, start + length) : null,
          status: done ? 'done' : start < 0 ? (i % 7 === 0 ? 'at_risk' : 'in_progress') : 'not_started',
          percentComplete: done ? 100 : start < 0 ? 40 : 0,
          isPublic: i % 2 === 0,
        })
        .returning({ id: milestones.id })
        .get();
      ids.push(row.id);
    }
    // 400 dependencies, always from an earlier milestone to a later one, so the graph has no cycle.
    const pairs = new Set<string>();
    while (pairs.size < 400) {
      const succ = 1 + Math.floor(random() * 299);
      const pred = Math.max(0, succ - 1 - Math.floor(random() * 12));
      const key = `${pred}:${succ}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      tx.insert(milestoneDependencies)
        .values({ labId: lab.id, predecessorId: ids[pred]!, successorId: ids[succ]!, lagDays: Math.floor(random() * 5) })
        .run();
    }
    const plan = tx.select().from(milestones).where(eq(milestones.labId, lab.id)).all();
    for (const [name, shift] of [
      ['Benchmark plan', -20],
      ['Benchmark re-plan', -5],
    ] as const) {
      const baseline = tx.insert(milestoneBaselines).values({ labId: lab.id, name, createdById: manager.id }).returning().get();
      tx.insert(baselineItems)
        .values(
          plan.map((m) => ({
            baselineId: baseline.id,
            milestoneId: m.id,
            start: addDays(m.forecastStart, shift),
            finish: addDays(m.forecastFinish, shift),
          })),
        )
        .run();
    }
    return { manager };
  });
  const manager = db.select().from(users).where(eq(users.email, 'manager@demo.local')).get()!;
  db.$client.close();
  return manager;
}

async function waitForServer(url: string) {
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`server did not start at ${url}`);
}

async function time(url: string, cookie: string) {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { ms, bytes: Buffer.byteLength(body) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;

async function main() {
  console.log('Building the benchmark database (300 milestones, 400 dependencies)…');
  const manager = await buildDatabase();
  const server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/cli/start.ts'], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: FILE, SEED_DEMO: '0', AUTH_SECRET: SECRET, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  try {
    const base = `http://localhost:${PORT}`;
    await waitForServer(`${base}/en/labs`);
    const token = await issueSessionToken(manager, { secret: SECRET });
    const cookie = `next-auth.session-token=${token}`;
    const pages = [
      ['small lab (12 milestones), chart', '/en/workspace/labs/new-display-lab/timeline'],
      ['large lab (300 milestones, 400 dependencies), chart', '/en/workspace/labs/bench-large/timeline'],
      ['large lab, year zoom', '/en/workspace/labs/bench-large/timeline?zoom=year'],
      ['large lab, table view', '/en/workspace/labs/bench-large/timeline?view=table'],
      ['large lab, details panel open', '/en/workspace/labs/bench-large/timeline?m=200'],
    ] as const;
    console.log(`\nServer response time of the timeline page (${RUNS} sequential requests after 5 warm-up requests each):\n`);
    const results: Record<string, number> = {};
    for (const [name, pagePath] of pages) {
      for (let i = 0; i < 5; i++) await time(base + pagePath, cookie);
      const runs = [];
      const cpuBefore = groupCpuMs(server.pid!);
      for (let i = 0; i < RUNS; i++) runs.push(await time(base + pagePath, cookie));
      const cpuPerRequest = (groupCpuMs(server.pid!) - cpuBefore) / RUNS;
      const ms = runs.map((r) => r.ms);
      results[name] = cpuPerRequest;
      console.log(
        `  ${name.padEnd(52)} median ${median(ms).toFixed(0).padStart(5)} ms   p90 ${p90(ms).toFixed(0).padStart(5)} ms   server CPU ${cpuPerRequest.toFixed(0).padStart(4)} ms/request   HTML ${(runs[0]!.bytes / 1024).toFixed(0)} KiB`,
      );
    }
    const ratio = results[pages[1][0]]! / results[pages[0][0]]!;
    console.log(
      `\n  large / small (chart), by server CPU time: ${ratio.toFixed(1)}×   (load average now: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})\n`,
    );
  } finally {
    stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
