import { expect, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { startRedis } from '../helpers/redis-server';
import { signedInApi, startServer, stopServer, waitUntilUp } from './server-process';
import { trpcJson } from '../helpers/trpc-wire';

// `npm start` runs one server process per core (two here) behind one port (issue 16). What every
// process must agree on, they do: a publish is what each serves within a second, signing out
// everywhere ends the session in each, the sign-in throttle counts across them, and one of them
// killed mid-write loses no acknowledged write while the other keeps serving and the primary
// starts a replacement.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
const BASE = `http://localhost:${PORT}`;
const DATA = `data/e2e-workers-${PORT}`;
const FILE = `${DATA}/app.db`;
let server: ReturnType<typeof startServer>;

/** The server processes the primary runs (its children, from /proc). */
function workerPids(primary: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[1]) === primary;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A request on a connection of its own: the primary hands new connections to the workers in turn. */
async function fresh(api: APIRequestContext, path: string) {
  return api.get(path, { headers: { connection: 'close' } });
}

async function lab(api: APIRequestContext, slug: string) {
  const res = await api.get(`/api/trpc/lab.context?input=${encodeURIComponent(JSON.stringify({ json: { slug } }))}`);
  return (await trpcJson(res)).result.data.json.lab as { id: number; version: number };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(DATA, { recursive: true, force: true });
  server = startServer({ port: PORT, databaseUrl: FILE, env: { WEB_CONCURRENCY: '2' } });
  await waitUntilUp(PORT);
  await expect.poll(() => workerPids(server.pid!).length, { timeout: 60_000 }).toBe(2);
});
test.afterAll(async () => {
  await stopServer(server);
  rmSync(DATA, { recursive: true, force: true });
});

test('a lab published or withdrawn in one request is what every server process serves within a second', async ({ playwright }) => {
  const visitor = await playwright.request.newContext({ baseURL: BASE });
  const manager = await signedInApi(PORT, 'steel@demo.local');
  const sheet = '/en/labs/green-auto-steel';
  // Cached in both processes first.
  for (let i = 0; i < 6; i++) expect((await fresh(visitor, sheet)).status()).toBe(200);

  for (const [visibility, status] of [
    ['private', 404],
    ['public', 200],
  ] as const) {
    const { id, version } = await lab(manager, 'green-auto-steel');
    const changed = Date.now();
    expect((await manager.post('/api/trpc/labSettings.setVisibility', { data: { json: { labId: id, version, visibility } } })).status()).toBe(200);
    // Twenty new connections, ten to each process: every one answers the new state.
    const answers = await Promise.all(Array.from({ length: 20 }, () => fresh(visitor, sheet).then((r) => r.status())));
    expect(Date.now() - changed).toBeLessThan(1_000 + 2_000); // the requests themselves take time on a busy machine
    expect(answers, `after making the lab ${visibility}`).toEqual(Array(20).fill(status));
  }
});

test('signing out everywhere ends the session in every server process', async ({ playwright }) => {
  const laptop = await signedInApi(PORT, 'viewer@demo.local');
  const phone = await signedInApi(PORT, 'viewer@demo.local');
  for (let i = 0; i < 4; i++) expect((await fresh(phone, '/api/trpc/lab.mine')).status()).toBe(200);
  expect((await laptop.post('/api/trpc/me.signOutEverywhere', { data: { json: null } })).status()).toBe(200);
  for (let i = 0; i < 6; i++) {
    expect((await fresh(phone, '/api/trpc/lab.mine')).status()).toBe(401);
    expect((await fresh(laptop, '/api/trpc/lab.mine')).status()).toBe(401);
  }
  const anonymous = await playwright.request.newContext({ baseURL: BASE });
  expect((await fresh(anonymous, '/en/labs')).status()).toBe(200);
});

test('the sign-in throttle counts the failures every server process saw', async ({ playwright }) => {
  const attempt = async (password: string) => {
    // A context per attempt: a new connection each time, so the attempts alternate between processes.
    const api = await playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE, connection: 'close' } });
    const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
    const res = await api.post('/api/auth/callback/credentials', { form: { csrfToken, email: 'member@demo.local', password, json: 'true' } });
    const url = (await res.json()).url as string;
    await api.dispose();
    return url;
  };
  for (let i = 0; i < 10; i++) expect(await attempt('wrong-password')).toContain('error=CredentialsSignin');
  expect(await attempt('demo-password')).toMatch(/error=TooManyAttempts\.\d+/);
});

test('a server process killed mid-write loses no acknowledged write; the other keeps serving and a new one starts', async () => {
  test.setTimeout(180_000);
  const api = await signedInApi(PORT, 'manager@demo.local');
  const labId = (await lab(api, 'new-display-lab')).id;
  const [victim, survivor] = workerPids(server.pid!);
  const acknowledged: number[] = [];
  let afterKill = 0;
  let killed = false;
  let stop = false;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await api.post('/api/trpc/update.post', {
          data: { json: { labId, body: `Worker crash test ${w}-${i}`, health: 'on_track' } },
          headers: { connection: 'close' },
          timeout: 5_000,
        });
        if (res.ok()) {
          acknowledged.push((await trpcJson(res)).result.data.json.id);
          if (killed) afterKill++;
        }
      } catch {
        // the connection died with its process: not acknowledged
      }
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  await new Promise((r) => setTimeout(r, 2_000));
  process.kill(victim!, 'SIGKILL');
  killed = true;
  // While the primary replaces it, the survivor answers.
  await expect.poll(() => afterKill, { timeout: 10_000 }).toBeGreaterThan(5);
  await expect.poll(() => workerPids(server.pid!).filter((pid) => pid !== victim).length, { timeout: 60_000 }).toBe(2);
  expect(workerPids(server.pid!)).toContain(survivor);
  await new Promise((r) => setTimeout(r, 2_000));
  stop = true;
  await Promise.all(writers);

  const db = new Database(FILE, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const present = new Set(
    (db.prepare(`select id from progress_updates where body like 'Worker crash test %'`).all() as { id: number }[]).map((r) => r.id),
  );
  db.close();
  const missing = acknowledged.filter((id) => !present.has(id));
  expect(missing, `${missing.length} of ${acknowledged.length} acknowledged writes lost`).toEqual([]);
  console.log(`worker crash: ${acknowledged.length} writes acknowledged (${afterKill} after the kill), all present`);
});

test.describe('with the shared state in Redis (several machines)', () => {
  const REDIS_PORT = Number(process.env.E2E_PORT ?? 3100) + 6;
  const REDIS_DATA = `data/e2e-redis-${REDIS_PORT}`;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let app: ReturnType<typeof startServer>;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    rmSync(REDIS_DATA, { recursive: true, force: true });
    redis = await startRedis();
    app = startServer({ port: REDIS_PORT, databaseUrl: `${REDIS_DATA}/app.db`, env: { WEB_CONCURRENCY: '2', SHARED_STATE_URL: redis.url } });
    await waitUntilUp(REDIS_PORT);
  });
  test.afterAll(async () => {
    await stopServer(app);
    await redis?.stop();
    rmSync(REDIS_DATA, { recursive: true, force: true });
  });

  test('the processes share the page cache, its refresh and signed-out sessions through Redis, and keep no cache file', async ({ playwright }) => {
    const base = `http://localhost:${REDIS_PORT}`;
    const visitor = await playwright.request.newContext({ baseURL: base });
    const sheet = '/en/labs/green-auto-steel';
    for (let i = 0; i < 4; i++) expect((await fresh(visitor, sheet)).status()).toBe(200);
    await expect.poll(async () => (await fresh(visitor, sheet)).headers()['x-nextjs-cache'], { timeout: 5_000 }).toBe('HIT');

    const manager = await signedInApi(REDIS_PORT, 'steel@demo.local');
    const { id, version } = await lab(manager, 'green-auto-steel');
    expect((await manager.post('/api/trpc/labSettings.setVisibility', { data: { json: { labId: id, version, visibility: 'private' } } })).status()).toBe(200);
    const answers = await Promise.all(Array.from({ length: 10 }, () => fresh(visitor, sheet).then((r) => r.status())));
    expect(answers).toEqual(Array(10).fill(404));

    const { cookies } = await manager.storageState();
    const session = cookies.find((c) => c.name === 'next-auth.session-token')!;
    const copy = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { cookie: `${session.name}=${session.value}` } });
    expect((await fresh(copy, '/api/trpc/lab.mine')).status()).toBe(200);
    const { csrfToken } = await (await manager.get('/api/auth/csrf')).json();
    await manager.post('/api/auth/signout', { form: { csrfToken, json: 'true' } });
    for (let i = 0; i < 4; i++) expect((await fresh(copy, '/api/trpc/lab.mine')).status()).toBe(401);

    expect(existsSync(`${REDIS_DATA}/app.page-cache.db`)).toBe(false);
  });
});
