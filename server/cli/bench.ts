// `npm run bench [-- --scales 0.1,1 --rounds 3 --duration 15 --connections 50 --warmup 5 --only timeline,writes --profile]`
// The national-scale benchmark of issues 9 and 16 (not part of `npm test`): production servers
// (`npm start`, one process per core) on copies of the benchmark datasets, the same at the largest
// scale with one process, a node:http floor with as many processes, autocannon with every response
// checked, interleaved rounds, one table of medians: closed-loop throughput with ratios to the
// floors, growth between scales and the gain from more processes, and open-loop latency at the
// rates issue 16 states. Ports: 3195 (largest scale, one process), 3196 (largest scale),
// 3197 (floor), 3198–3199 (smaller scales); BENCH_PORT_BASE=4195 moves them all.

import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, rmdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_MEMBER, BENCH_PASSWORD } from '../bench/dataset';
import { signIn, trpcMutation, trpcQuery } from '../bench/http-session';
import { runLoad, runOpenLoop, type LoadResult } from '../bench/load';
import {
  groupCpuMs,
  loadAverage,
  startAppServer,
  startGroup,
  startProfiledServer,
  stopGroup,
  waitUntilAnswering,
  type Started,
} from '../bench/processes';
import {
  coreScaling,
  growth,
  summarise,
  table,
  verdicts,
  withFloorRatios,
  type RoundResult,
  type Row,
  type RunShape,
  type WriteCheck,
} from '../bench/report';
import {
  appScenarios,
  FACT_SHEET_LAB,
  floorScenarios,
  readExpectations,
  STATIC_FLOOR_FILE,
  type Expectations,
  type Scenario,
  type ScenarioKey,
} from '../bench/scenarios';
import type { LabTimeline } from '../services/timeline';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '0.1,1' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});

const SCALES = values.scales
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const LARGEST = SCALES.at(-1)!;
const ROUNDS = Number(values.rounds);
const DURATION_S = Number(values.duration);
const WARMUP_S = Number(values.warmup);
const CONNECTIONS = Number(values.connections);
const ONLY = values.only ? new Set(values.only.split(',')) : null;
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
// BENCH_PORT_BASE moves all of them, so two benchmarks (two checkouts) can run on one machine.
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3195);
const SINGLE_PORT = PORT_BASE;
const LARGEST_PORT = PORT_BASE + 1;
const APP_PORTS = [PORT_BASE + 3, PORT_BASE + 4];
/** The server processes `npm start` runs here: one per core. */
const WORKERS = availableParallelism();
/** Issue 16's stated loads for the open-loop runs, requests per second. */
const OPEN_LOOP_RATES: Partial<Record<ScenarioKey, number>> = { timeline: 50, factSheet: 50, search: 30, workspace: 20 };
const FLOOR_PORT = PORT_BASE + 2;
const RUN_DIR = 'data/bench/run';
const STATIC_FILE = path.join('public', STATIC_FLOOR_FILE);

if (SCALES.some((s) => !(s > 0 && s <= 10)) || SCALES.length > 3 || !(ROUNDS >= 1) || !(DURATION_S >= 1) || !(CONNECTIONS >= 1)) {
  console.error(
    'Usage: npm run bench -- [--scales 0.1,1] [--rounds 3] [--duration 15] [--warmup 5] [--connections 50] [--only a,b] [--profile]',
  );
  process.exit(2);
}

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** The dataset of a scale (generated once), copied with the backup API so the original is never written. */
async function workingCopy(scale: number, name = `scale-${scale}`): Promise<string> {
  const dataset = `data/bench/scale-${scale}.db`;
  // A dataset made by an older generator would measure other data: the stamp names the generator.
  const stampFile = `${dataset}.generator`;
  const stamp = createHash('sha256').update(readFileSync('server/bench/dataset.ts')).digest('hex');
  if (existsSync(dataset) && (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp)) {
    log(`${dataset} was made by another version of the generator: making it again`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(dataset + suffix, { force: true });
  }
  if (!existsSync(dataset)) {
    log(`Generating ${dataset} (npm run bench:seed -- --scale ${scale})…`);
    const seeded = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/cli/bench-seed.ts', '--scale', String(scale)], {
      stdio: 'inherit',
    });
    if (seeded.status !== 0) throw new Error(`generating ${dataset} failed`);
    writeFileSync(stampFile, stamp);
  }
  mkdirSync(RUN_DIR, { recursive: true });
  const copy = path.join(RUN_DIR, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  const source = new Database(dataset, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
  return copy;
}

type Server = {
  scale: number;
  workers: number;
  base: string;
  file: string;
  app: Started;
  cookie: string;
  expect: Expectations;
  scenarios: Scenario[];
};

function countWrites(file: string, labId: number) {
  const client = new Database(file, { readonly: true });
  try {
    const updates = (client.prepare(`select count(*) as n from progress_updates where lab_id = ?`).get(labId) as { n: number }).n;
    const audit = (
      client.prepare(`select count(*) as n from audit_events where lab_id = ? and entity_type = 'progress_update'`).get(labId) as {
        n: number;
      }
    ).n;
    return { updates, audit };
  } finally {
    client.close();
  }
}

/** A write is visible to the very next read: change a milestone's progress, read the timeline again. */
async function freshnessHolds(server: Server): Promise<boolean> {
  const { base, cookie } = server;
  const labId = server.expect.bigLabId;
  const before = await trpcQuery<LabTimeline>(base, cookie, 'milestone.timeline', { labId });
  const m = before.milestones.find((x) => x.status === 'in_progress');
  if (!m) throw new Error('no milestone in progress to change');
  const percentComplete = m.percentComplete === 50 ? 51 : 50;
  await trpcMutation(base, cookie, 'milestone.updateProgress', {
    labId,
    id: m.id,
    version: m.version,
    status: m.status,
    percentComplete,
    actualStart: m.actualStart,
    actualFinish: m.actualFinish,
  });
  const after = await trpcQuery<LabTimeline>(base, cookie, 'milestone.timeline', { labId });
  return after.milestones.find((x) => x.id === m.id)?.percentComplete === percentComplete;
}

/** One checked request per scenario: fails fast with what came back, and gives each check its minimum length. */
async function firstLengths(scenarios: Scenario[]): Promise<Partial<Record<ScenarioKey, number>>> {
  const lengths: Partial<Record<ScenarioKey, number>> = {};
  for (const s of scenarios) {
    if (s.target.method === 'POST') continue;
    const res = await fetch(s.target.url, { headers: s.target.headers });
    const body = await res.text();
    if (res.status !== 200 || !s.target.check(body))
      throw new Error(`${s.label}: ${s.target.url} answered ${res.status} with unexpected content:\n${body.slice(0, 600)}`);
    // Pages differ slightly between requests (timestamps, nonces): 90 % of the first length is the floor.
    lengths[s.key] = Math.floor(body.length * 0.9);
  }
  return lengths;
}

async function main() {
  const started = new Date();
  const profileDir = path.resolve('data/bench/profiles', started.toISOString().replace(/[:.]/g, '-'));
  const loadBefore = loadAverage();
  log(
    `Benchmark: scales ${SCALES.join(', ')}, ${ROUNDS} rounds × ${DURATION_S} s, ${CONNECTIONS} connections, ${WORKERS} server processes; load average ${loadBefore}`,
  );
  const groups: Started[] = [];
  const createdPublic = !existsSync('public');
  const cleanUp = async () => {
    await Promise.all(groups.map(stopGroup));
    rmSync(STATIC_FILE, { force: true });
    if (createdPublic && existsSync('public') && readdirSync('public').length === 0) rmdirSync('public');
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().then(() => process.exit(130)));

  try {
    const files = new Map<number, string>();
    for (const scale of SCALES) files.set(scale, await workingCopy(scale));
    // The one-process server of the largest scale gets a copy of its own: both write.
    const singleFile = await workingCopy(LARGEST, 'single');
    // The search runs signed out: its per-address budget is counted, never spent.
    const env: Record<string, string> = { AUTH_SECRET: SECRET, ANONYMOUS_BUDGET_PER_MINUTE: '1000000000' };

    // The largest scale's server starts first (and builds, if the sources changed). Its fact sheet
    // becomes the static file of the floor: the same bytes, served by Next.js from public/. Next.js
    // lists public/ when it starts, so the server is restarted once the file is there.
    log('Starting the production server (building first if needed)…');
    let largest = startAppServer(LARGEST_PORT, files.get(LARGEST)!, env);
    await waitUntilAnswering(`http://localhost:${LARGEST_PORT}/en/labs`);
    const factSheet = await (await fetch(`http://localhost:${LARGEST_PORT}/en/labs/${FACT_SHEET_LAB}`)).text();
    mkdirSync('public', { recursive: true });
    writeFileSync(STATIC_FILE, factSheet);
    // An old modification time, so `npm start` does not take the file for a source change and rebuild.
    utimesSync(STATIC_FILE, 0, 0);
    await stopGroup(largest);
    largest = values.profile
      ? startProfiledServer(LARGEST_PORT, files.get(LARGEST)!, profileDir, env)
      : startAppServer(LARGEST_PORT, files.get(LARGEST)!, env);
    groups.push(largest);
    const single = startAppServer(SINGLE_PORT, singleFile, { ...env, WEB_CONCURRENCY: '1' });
    groups.push(single);
    const others = SCALES.slice(0, -1).map((scale, i) => ({ scale, app: startAppServer(APP_PORTS[i]!, files.get(scale)!, env) }));
    groups.push(...others.map((o) => o.app));
    const floor = startGroup('floor', ['node_modules/tsx/dist/cli.mjs', 'server/bench/floor-server.ts'], FLOOR_PORT, {
      ...env,
      DATABASE_URL: files.get(LARGEST)!,
      BENCH_LAB: 'bench-lab-0001',
      BENCH_USER: BENCH_MEMBER,
      NODE_ENV: 'production',
      WEB_CONCURRENCY: String(values.profile ? 1 : WORKERS),
    });
    groups.push(floor);

    const servers: Server[] = [];
    const appWorkers = values.profile ? 1 : WORKERS;
    for (const { scale, app, file, workers } of [
      ...others.map((o) => ({ ...o, file: files.get(o.scale)!, workers: appWorkers })),
      { scale: LARGEST, app: single, file: singleFile, workers: 1 },
      { scale: LARGEST, app: largest, file: files.get(LARGEST)!, workers: appWorkers },
    ]) {
      const base = `http://localhost:${app.port}`;
      await waitUntilAnswering(`${base}/en/labs`);
      const cookie = await signIn(base, BENCH_MEMBER, BENCH_PASSWORD);
      servers.push({ scale, workers, base, file, app, cookie, expect: readExpectations(file), scenarios: [] });
    }
    await waitUntilAnswering(`http://localhost:${FLOOR_PORT}/timeline`);
    const main = servers.at(-1)!;

    // Build each server's scenarios; the main one (largest scale, every process) also gets the floors
    // and the writes; the one-process server runs the reads, for the gain from more processes.
    for (const server of servers) {
      const isMain = server === main;
      const draft = [
        ...appScenarios(server.base, server.cookie, server.expect, {}),
        ...(isMain ? floorScenarios(`http://localhost:${FLOOR_PORT}`, {}) : []),
      ].filter((s) => (isMain || s.kind === 'read') && (!ONLY || ONLY.has(s.key) || (s.kind === 'floor' && hasScenarioFor(s.key))));
      const lengths = await firstLengths(draft);
      server.scenarios = [
        ...appScenarios(server.base, server.cookie, server.expect, lengths),
        ...(isMain ? floorScenarios(`http://localhost:${FLOOR_PORT}`, lengths) : []),
      ].filter((s) => draft.some((d) => d.key === s.key));
      // Every answer must weigh at least what 90 % of the first right answer did.
      for (const s of server.scenarios) s.target.minBytes = lengths[s.key];
      // Floors first, so each scenario follows its floor within the round.
      server.scenarios.sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
    }
    const openLoop = main.scenarios.filter((s) => OPEN_LOOP_RATES[s.key] !== undefined);

    log(`Warming up (${WARMUP_S} s per scenario)…`);
    for (const server of servers)
      for (const s of server.scenarios) await runLoad(s.target, { connections: CONNECTIONS, durationS: WARMUP_S });

    const results = new Map<string, RoundResult[]>();
    const shapes = new Map<string, { shape: RunShape; scenario: Scenario }>();
    const writeChecks: WriteCheck[] = [];
    let freshnessOk = true;
    const measure = async (server: Server, s: Scenario, round: number, rate: number | null) => {
      const pgid = s.key.endsWith('Floor') && s.key !== 'staticFloor' ? floor.child.pid! : server.app.child.pid!;
      const countsBefore = s.kind !== 'read' && s.target.method === 'POST' ? countWrites(server.file, server.expect.bigLabId) : null;
      const cpuBefore = groupCpuMs(pgid);
      const result: LoadResult = rate
        ? await runOpenLoop(s.target, { rate, durationS: DURATION_S })
        : await runLoad(s.target, { connections: CONNECTIONS, durationS: DURATION_S });
      const cpuMsPerRequest = result.requests ? (groupCpuMs(pgid) - cpuBefore) / result.requests : null;
      if (countsBefore) {
        const after = countWrites(server.file, server.expect.bigLabId);
        const rowsAdded = after.updates - countsBefore.updates;
        const auditAdded = after.audit - countsBefore.audit;
        // Requests still in flight when the run stops may commit without an answer: more rows
        // than answers is fine; fewer means an acknowledged write was lost.
        writeChecks.push({
          scenario: s.key,
          acknowledged: result.ok2xx,
          rowsAdded,
          auditAdded,
          lost: Math.max(0, result.ok2xx - rowsAdded, rowsAdded - auditAdded),
        });
      }
      const shape: RunShape = { scale: server.scale, workers: server.workers, mode: rate ? 'open' : 'closed', rate };
      const key = `${shape.scale}:${shape.workers}:${shape.mode}:${s.key}`;
      shapes.set(key, { shape, scenario: s });
      results.set(key, [...(results.get(key) ?? []), { ...result, round, cpuMsPerRequest }]);
      log(
        `round ${round} · scale ${server.scale} · ${server.workers} proc · ${rate ? `${rate} req/s` : 'closed'} · ${s.label}: ${result.rps.toFixed(0)} req/s, p95 ${result.p95.toFixed(1)} ms, ${result.errors} errors (load ${loadAverage()})`,
      );
    };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const server of [...servers].reverse()) {
        for (const s of server.scenarios) {
          if (s.key === 'timeline' && server === main) freshnessOk = (await freshnessHolds(server)) && freshnessOk;
          await measure(server, s, round, null);
        }
      }
      for (const s of openLoop) await measure(main, s, round, OPEN_LOOP_RATES[s.key]!);
    }

    const rows: Row[] = withFloorRatios([...shapes.entries()].map(([key, { shape, scenario }]) => summarise(shape, scenario, results.get(key)!)));
    rows.sort((a, b) => b.scale - a.scale || a.mode.localeCompare(b.mode) || b.workers - a.workers || ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
    const growthRows = SCALES.length > 1 ? growth(rows, SCALES[0]!, LARGEST) : [];
    const cores = coreScaling(rows, LARGEST, main.workers);
    const checks = verdicts(rows, growthRows, cores, writeChecks, LARGEST, main.workers, freshnessOk);
    const loadAfter = loadAverage();

    console.log(
      `\nMedians of ${ROUNDS} rounds, ${DURATION_S} s each; closed loop: ${CONNECTIONS} connections, no pipelining; open loop: the stated rate:\n`,
    );
    console.log(table(rows));
    if (growthRows.length) {
      console.log(`\nGrowth, scale ${LARGEST} against scale ${SCALES[0]} (latency ratio):`);
      for (const g of growthRows)
        console.log(
          `  ${g.label.padEnd(40)} p50 ${g.p50Small.toFixed(1)} → ${g.p50Large.toFixed(1)} ms = ${g.p50Ratio.toFixed(2)} ×   p95 ${g.p95Ratio.toFixed(2)} ×`,
        );
    }
    if (cores.length) {
      console.log(`\nMore processes, scale ${LARGEST} (req/s, closed loop):`);
      for (const c of cores)
        console.log(`  ${c.label.padEnd(40)} 1 → ${c.workers}: ${c.rpsOne.toFixed(0)} → ${c.rpsMany.toFixed(0)} = ${c.ratio.toFixed(2)} ×`);
    }
    console.log('\nWrites (rows counted after each run):');
    for (const w of writeChecks)
      console.log(
        `  ${w.scenario.padEnd(12)} acknowledged ${w.acknowledged}, updates added ${w.rowsAdded}, audit events added ${w.auditAdded}, lost ${w.lost}`,
      );
    console.log('\nTargets:');
    for (const v of checks) console.log(`  ${v.met ? 'met   ' : 'MISSED'}  ${v.target}: ${v.measured}`);
    console.log(`\nLoad average before ${loadBefore}, after ${loadAfter} (${cpus().length} CPUs; other work on the machine shares them).`);

    const out = `data/bench/results-${started.toISOString().replace(/[:.]/g, '-')}.json`;
    writeFileSync(
      out,
      JSON.stringify(
        {
          startedAt: started.toISOString(),
          finishedAt: new Date().toISOString(),
          commit: gitCommit(),
          node: process.version,
          cpus: cpus().length,
          workers: main.workers,
          loadAverage: { before: loadBefore, after: loadAfter },
          options: {
            scales: SCALES,
            rounds: ROUNDS,
            durationS: DURATION_S,
            warmupS: WARMUP_S,
            connections: CONNECTIONS,
            openLoopRates: OPEN_LOOP_RATES,
            only: values.only ?? null,
          },
          rows,
          rounds: Object.fromEntries(results),
          growth: growthRows,
          cores,
          writes: writeChecks,
          freshness: freshnessOk,
          targets: checks,
        },
        null,
        2,
      ),
    );
    console.log(`Results written to ${out}`);
    if (values.profile) console.log(`CPU profile of the scale-${LARGEST} server: ${profileDir} (written when it stops)`);
  } finally {
    await cleanUp();
  }
}

const ORDER: ScenarioKey[] = ['timelineFloor', 'timeline', 'workspace', 'staticFloor', 'factSheet', 'search', 'insertFloor', 'writes'];

/** A floor runs when the scenario compared with it runs. */
function hasScenarioFor(floor: ScenarioKey): boolean {
  const of: Partial<Record<ScenarioKey, ScenarioKey>> = { timelineFloor: 'timeline', staticFloor: 'factSheet', insertFloor: 'writes' };
  return !!ONLY && ONLY.has(of[floor]!);
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
