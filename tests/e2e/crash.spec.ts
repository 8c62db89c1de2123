import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { signedInApi, startServer, stopServer, waitUntilUp } from './server-process';
import { trpcJson } from '../helpers/trpc-wire';

// Crash safety: a stream of writes, the server killed with SIGKILL in the middle, a restart —
// the database is intact and every write the server acknowledged is there.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const DATA = `data/e2e-crash-${PORT}`;
const FILE = `${DATA}/app.db`;

test('a server killed mid-stream loses no acknowledged write', async () => {
  test.setTimeout(240_000);
  rmSync(DATA, { recursive: true, force: true });
  let server = startServer({ port: PORT, databaseUrl: FILE });
  try {
    await waitUntilUp(PORT);
    const api = await signedInApi(PORT, 'member@demo.local');
    const labId = (await trpcJson(await api.get('/api/trpc/lab.mine'))).result.data.json[0].id as number;

    const acknowledged: number[] = [];
    let attempted = 0;
    let stop = false;
    // Four concurrent writers, like four people posting at once.
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        attempted++;
        try {
          const res = await api.post('/api/trpc/update.post', {
            data: { json: { labId, body: `Crash test ${w}-${i}`, health: 'on_track' } },
            timeout: 5_000,
          });
          if (res.ok()) acknowledged.push((await trpcJson(res)).result.data.json.id);
        } catch {
          // the connection died with the server: not acknowledged
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 3_000));
    await stopServer(server, 'SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(10);

    // Restarting replays the write-ahead log; then check integrity and every acknowledged write.
    server = startServer({ port: PORT, databaseUrl: FILE });
    await waitUntilUp(PORT);
    const db = new Database(FILE, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const present = new Set(
      (db.prepare(`select id from progress_updates where body like 'Crash test %'`).all() as { id: number }[]).map((r) => r.id),
    );
    const audited = new Set(
      (
        db.prepare(`select entity_id as id from audit_events where entity_type = 'progress_update' and action = 'created'`).all() as {
          id: number;
        }[]
      ).map((r) => r.id),
    );
    db.close();
    const missing = acknowledged.filter((id) => !present.has(id));
    expect(missing, `${missing.length} of ${acknowledged.length} acknowledged writes lost (${attempted} attempted)`).toEqual([]);
    expect(acknowledged.filter((id) => !audited.has(id))).toEqual([]);
    console.log(
      `crash test: ${attempted} writes attempted, ${acknowledged.length} acknowledged, ${present.size} present after SIGKILL and restart`,
    );
    await api.dispose();
  } finally {
    await stopServer(server);
  }
});
