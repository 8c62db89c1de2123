import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { signedInApi, startServer, stopServer, waitUntilUp } from './server-process';
import { trpcJson } from '../helpers/trpc-wire';

// A restart keeps data and sessions. The server runs without AUTH_SECRET, as a fresh install
// does: the secret generated on first start must survive the restart.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const DATA = `data/e2e-restart-${PORT}`;

test('a restart keeps all data and sessions', async () => {
  test.setTimeout(180_000);
  rmSync(DATA, { recursive: true, force: true });
  const options = { port: PORT, databaseUrl: `${DATA}/app.db`, env: { AUTH_SECRET: undefined, NEXTAUTH_SECRET: undefined } };
  let server = startServer(options);
  try {
    await waitUntilUp(PORT);
    const api = await signedInApi(PORT, 'member@demo.local');
    const write = await api.post('/api/trpc/me.setLocale', { data: { json: { locale: 'zh-CN' } } });
    expect(write.ok()).toBe(true);

    await stopServer(server);
    server = startServer(options);
    await waitUntilUp(PORT);

    const me = await api.get('/api/trpc/me.get');
    expect(me.status()).toBe(200);
    expect((await trpcJson(me)).result.data.json).toMatchObject({ email: 'member@demo.local', locale: 'zh-CN' });
    await api.dispose();
  } finally {
    await stopServer(server);
  }
});
