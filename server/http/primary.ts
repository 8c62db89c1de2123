// `npm start` (after server/cli/start.mjs has made sure a build exists): the primary process checks
// the configuration, migrates the database and loads the demo data on first start, then runs one
// server process per core (node:cluster; WEB_CONCURRENCY overrides) sharing the port. A worker that
// dies is started again; SIGTERM or SIGINT stops them all. Compiled to dist/server/primary.mjs.
import cluster, { type Worker } from 'node:cluster';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { demoAccountsText, prepareDatabase } from '../cli/prepare';
import { authSecret, env, workerCount } from '../env';
import { serverPidFile } from '../services/backup';

/** A worker that dies sooner than this after starting counts as a crash loop. */
const QUICK_DEATH_MS = 10_000;

/**
 * Node's flags for a server process: 32 MB semi-spaces for the young generation (V8's default is
 * 16 on 64-bit) unless the flags say otherwise. A page render makes megabytes of short-lived
 * objects (the workspace page: its element tree, its RSC payload and its HTML); with room for
 * them, fewer die in a scavenge's copying (decision 020's figures).
 */
function workerNodeFlags(execArgv: string[]): string[] {
  return execArgv.some((flag) => flag.startsWith('--max-semi-space-size')) ? execArgv : [...execArgv, '--max-semi-space-size=32'];
}

async function main() {
  const config = env();
  // Made here, once, before any worker could race to make its own.
  const secret = authSecret();
  const { file, seeded, hasDemo } = await prepareDatabase();
  console.log(`Database: ${path.resolve(file)}${seeded ? ' (new, filled with demo data)' : ''}`);

  const count = workerCount(availableParallelism());
  const url = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
  cluster.setupPrimary({ exec: path.join(import.meta.dirname, 'worker.mjs'), execArgv: workerNodeFlags(process.execArgv), silent: false });
  const workerEnv = {
    NEXTAUTH_SECRET: secret,
    // Without a configured public URL, next-auth takes the origin from the request's Host header.
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? (config.NEXTAUTH_URL ? undefined : 'true'),
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };

  // Lets `npm run restore` refuse to replace the database under a running server.
  const pidFile = serverPidFile(file);
  writeFileSync(pidFile, String(process.pid));
  let stopping = false;
  let ready = 0;
  let quickDeaths = 0;
  const started = new Map<Worker, number>();

  const fork = () => {
    const worker = cluster.fork(workerEnv);
    started.set(worker, Date.now());
    worker.on('message', (message: { ready?: boolean }) => {
      if (!message?.ready) return;
      ready++;
      if (ready === count) {
        console.log(`✓ Ready: ${count} server process${count === 1 ? '' : 'es'} on port ${config.PORT}`);
        console.log(`\n  Consortium Tracker is running at ${url}\n`);
        if (hasDemo) console.log(`${demoAccountsText()}\n`);
      }
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const age = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) finish(0);
      return;
    }
    console.error(`Server process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another.`);
    quickDeaths = age < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
    if (quickDeaths >= 5) {
      console.error('Server processes keep dying right after they start; stopping.');
      return stop(1);
    }
    setTimeout(fork, quickDeaths * 500);
  });

  function finish(code: number) {
    rmSync(pidFile, { force: true });
    process.exit(code);
  }

  function stop(code = 0) {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (started.size === 0) finish(code);
    setTimeout(() => finish(code), 8_000).unref();
  }

  process.on('SIGINT', () => stop());
  process.on('SIGTERM', () => stop());
  for (let i = 0; i < count; i++) fork();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
