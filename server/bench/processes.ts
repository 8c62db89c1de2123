import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

// The processes a benchmark drives: each in a process group of its own, so stopping one stops
// everything it started (`npm start` runs a primary and its server processes), and never anything else.

export type Started = { name: string; child: ChildProcess; port: number };

export function startGroup(name: string, args: string[], port: number, env: Record<string, string>): Started {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  return { name, child, port };
}

/** A production server exactly as `npm start` runs it (it builds first when the sources changed). */
export function startAppServer(port: number, databaseUrl: string, env: Record<string, string> = {}): Started {
  return startGroup(`app on ${databaseUrl}`, ['server/cli/start.mjs'], port, {
    ...env,
    DATABASE_URL: databaseUrl,
    SEED_DEMO: '0',
    NODE_ENV: 'production',
  });
}

/**
 * One server process of the app under `node --cpu-prof` (Node refuses that flag in NODE_OPTIONS, so
 * it cannot reach the servers through `npm start`). The database must already be migrated and the
 * app built: start it once with startAppServer first. The profile is written when the server stops.
 */
export function startProfiledServer(port: number, databaseUrl: string, profileDir: string, env: Record<string, string>): Started {
  return startGroup(
    `profiled app on ${databaseUrl}`,
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--max-semi-space-size=32', 'dist/server/worker.mjs'],
    port,
    {
      ...env,
      DATABASE_URL: databaseUrl,
      SEED_DEMO: '0',
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: env.AUTH_SECRET ?? '',
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  );
}

export async function waitUntilAnswering(url: string, timeoutMs = 600_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`nothing answered at ${url}`);
}

export async function stopGroup({ child }: Started): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    return; // already gone
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // ended in time
  }
}

/**
 * CPU time (ms) used so far by every process of a group. Unlike wall time it hardly changes when
 * other work shares the machine, so it is the fairer figure on a busy host.
 */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may itself contain ') ', so split after the last one.
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
