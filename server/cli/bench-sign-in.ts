// How long a real sign-in takes while someone floods the sign-in endpoint with random email
// addresses (issue 15). Each of those costs a password hash (the decoy of decision 003), so without
// a bound they queue in front of real people. Starts a production server on a fresh demo database,
// as `npm start` does (it builds first when the build is out of date), and prints medians.
//
//   npm run bench:sign-in -- [--flood 48] [--samples 20] [--port 3290]
//
// The flood sends a random X-Forwarded-For with every attempt, as a botnet would arrive from many
// addresses: the per-address throttle (decision 008) is not what is measured here.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from './demo/demo-data';
import { startGroup, stopGroup, waitUntilAnswering } from '../bench/processes';

const { values } = parseArgs({
  options: {
    flood: { type: 'string', default: '48' },
    samples: { type: 'string', default: '20' },
    port: { type: 'string', default: '3290' },
  },
});
const FLOOD = Number(values.flood);
const SAMPLES = Number(values.samples);
const PORT = Number(values.port);
const base = `http://localhost:${PORT}`;

type Outcome = 'signed in' | 'busy' | 'refused' | 'failed';
type Attempt = { ms: number; outcome: Outcome };

async function csrf(): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    token: csrfToken,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

/** One sign-in through the credentials endpoint, as the sign-in form makes it; the time is the POST's alone. */
async function attempt(session: { token: string; cookie: string }, email: string, password: string, address?: string): Promise<Attempt> {
  const started = performance.now();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: session.cookie,
      origin: base,
      ...(address ? { 'x-forwarded-for': address } : {}),
    },
    body: new URLSearchParams({ csrfToken: session.token, email, password, json: 'true' }),
  });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))) return { ms, outcome: 'signed in' };
  const error = new URL((JSON.parse(body) as { url: string }).url).searchParams.get('error') ?? '';
  return { ms, outcome: error === 'Busy' ? 'busy' : error === 'CredentialsSignin' ? 'refused' : 'failed' };
}

const randomAddress = () => `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}`;
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
const p90 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]! : NaN);

/** SAMPLES real sign-ins one after another, a quarter of a second apart. */
async function realSignIns(): Promise<Attempt[]> {
  const session = await csrf();
  const results: Attempt[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    results.push(await attempt(session, 'member@demo.local', DEMO_PASSWORD));
    await new Promise((r) => setTimeout(r, 250));
  }
  return results;
}

function report(label: string, attempts: Attempt[]) {
  const signedIn = attempts.filter((a) => a.outcome === 'signed in').map((a) => a.ms);
  const busy = attempts.filter((a) => a.outcome === 'busy').map((a) => a.ms);
  const other = attempts.length - signedIn.length - busy.length;
  console.log(
    `${label.padEnd(34)} signed in ${String(signedIn.length).padStart(3)}/${attempts.length}: median ${median(signedIn).toFixed(0).padStart(5)} ms, p90 ${p90(signedIn).toFixed(0).padStart(5)} ms` +
      (busy.length ? ` · "busy, try again" ${busy.length}× in median ${median(busy).toFixed(0)} ms` : '') +
      (other ? ` · ${other} other failures` : ''),
  );
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-sign-in-'));
  const server = startGroup('app', ['node_modules/tsx/dist/cli.mjs', 'server/cli/start.ts'], PORT, {
    DATABASE_URL: path.join(dir, 'app.db'),
    SEED_DEMO: '1',
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-sign-in-secret-bench-sign-in-secret',
  });
  try {
    await waitUntilAnswering(`${base}/en/labs`);
    await realSignIns(); // warm-up: routes compiled, the decoy hash made
    report('quiet', await realSignIns());

    let flooding = true;
    const flood: Attempt[] = [];
    const loops = Array.from({ length: FLOOD }, async (_, i) => {
      const session = await csrf();
      while (flooding) flood.push(await attempt(session, `nobody-${i}-${Math.random()}@example.org`, 'not-the-password', randomAddress()));
    });
    await new Promise((r) => setTimeout(r, 2000)); // let the flood build up
    report(`during a flood of ${FLOOD} at once`, await realSignIns());
    flooding = false;
    await Promise.all(loops);
    const refused = flood.filter((a) => a.outcome === 'busy').length;
    console.log(
      `${'the flood itself'.padEnd(34)} ${flood.length} attempts, ${refused} refused as busy, median ${median(flood.map((a) => a.ms)).toFixed(0)} ms`,
    );
  } finally {
    await stopGroup(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
