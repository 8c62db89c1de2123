import { expect, request as playwrightRequest, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

// A second server of our own, so it can be stopped and started again mid-test. It runs without
// AUTH_SECRET, as a fresh install does: the generated secret must survive the restart.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const BASE = `http://localhost:${PORT}`;
const DATA = `data/e2e-restart-${PORT}`;

function startServer(): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), DATABASE_URL: `${DATA}/app.db` };
  delete env.AUTH_SECRET;
  delete env.NEXTAUTH_SECRET;
  return spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/cli/start.ts'], { env, stdio: 'ignore' });
}

async function waitUntilUp() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/en/labs`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

async function stop(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

test('a restart keeps all data and sessions', async () => {
  test.setTimeout(180_000);
  rmSync(DATA, { recursive: true, force: true });
  let server = startServer();
  try {
    await waitUntilUp();
    const api = await playwrightRequest.newContext({ baseURL: BASE });
    const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
    const signIn = await api.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: 'member@demo.local', password: 'demo-password', json: 'true' },
    });
    expect(signIn.ok()).toBe(true);
    const write = await api.post('/api/trpc/me.setLocale', { data: { json: { locale: 'zh-CN' } }, headers: { origin: BASE } });
    expect(write.ok()).toBe(true);

    await stop(server);
    server = startServer();
    await waitUntilUp();

    const me = await api.get('/api/trpc/me.get');
    expect(me.status()).toBe(200);
    const user = (await me.json()).result.data.json;
    expect(user).toMatchObject({ email: 'member@demo.local', locale: 'zh-CN' });
    await api.dispose();
  } finally {
    await stop(server);
  }
});
