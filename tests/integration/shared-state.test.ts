import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import type { PageCacheStore, SharedState } from '../../server/shared-state';
import SharedPageCacheHandler from '../../server/shared-state/next-cache-handler';
import { openRedisSharedState } from '../../server/shared-state/redis';
import { sqliteSharedState } from '../../server/shared-state/sqlite';
import { openPageCache } from '../../server/shared-state/sqlite-page-cache';
import { pathTag } from '../../server/shared-state/store';
import { startRedis } from '../helpers/redis-server';

// One contract, two implementations of the shared state (decision 020): the SQLite files of one
// machine and Redis for several. Each "process" is a handle of its own on the same store: what one
// counts or caches or expires, the other sees.

type Pair = { first: SharedState & PageCacheStore; second: SharedState & PageCacheStore };
type Implementation = { name: string; open: () => Promise<Pair>; close: () => Promise<void> };

const cleanups: (() => Promise<void> | void)[] = [];

function sqliteImplementation(): Implementation {
  let dir: string;
  return {
    name: 'SQLite (one machine)',
    async open() {
      dir = mkdtempSync(path.join(tmpdir(), 'shared-state-'));
      const handle = () => {
        const db = openDatabase(path.join(dir, 'app.db'));
        migrateDatabase(db);
        const cache = openPageCache(path.join(dir, 'app.page-cache.db'));
        cleanups.push(() => {
          cache.close();
          db.$client.close();
        });
        return { ...sqliteSharedState(db), ...cache } as SharedState & PageCacheStore;
      };
      return { first: handle(), second: handle() };
    },
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function redisImplementation(): Implementation {
  let server: Awaited<ReturnType<typeof startRedis>>;
  let prefix = 0;
  return {
    name: 'Redis (several machines)',
    async open() {
      server ??= await startRedis();
      // A key prefix per test: the same server, nothing shared between tests.
      const name = `test-${++prefix}:`;
      const first = openRedisSharedState(server.url, name);
      const second = openRedisSharedState(server.url, name);
      cleanups.push(() => first.close(), () => second.close());
      return { first, second };
    },
    async close() {
      await server?.stop();
    },
  };
}

const implementations = [sqliteImplementation(), redisImplementation()];

afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  for (const implementation of implementations) await implementation.close();
});

const NOW = 1_800_000_000_000; // the start of a minute

describe.each(implementations)('$name', (implementation) => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await implementation.open();
  });

  it('counts one budget across processes, refuses past it with the time left, and opens it in the next window', async () => {
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await (i % 2 ? pair.first : pair.second).consume('anonymous:1.2.3.4', 7, 60_000, NOW + 15_000));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, true, true, true, true, false, false, false]);
    expect(answers[9]).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect((await pair.second.consume('anonymous:5.6.7.8', 7, 60_000, NOW + 15_000)).allowed).toBe(true);
    expect((await pair.first.consume('anonymous:1.2.3.4', 7, 60_000, NOW + 60_000)).allowed).toBe(true);
  });

  it('serves in one process the page another cached, until a tag of it expires in either', async () => {
    const entry = { value: Buffer.from([0, 1, 2, 255]), lastModified: Date.now() - 10_000, tags: [pathTag('/en/labs/x'), '_N_T_/layout'], cacheControl: '{"revalidate":300}' };
    await pair.first.set('route/x', entry);
    expect(await pair.second.get('route/x')).toEqual(entry);
    expect(await pair.second.get('route/missing')).toBeNull();
    await pair.second.expireTags([pathTag('/en/labs/y')]);
    expect(await pair.first.get('route/x')).not.toBeNull();
    // An extra tag the framework asks about counts like the entry's own.
    await pair.second.expireTags(['fetch-tag']);
    expect(await pair.first.get('route/x', ['fetch-tag'])).toBeNull();
    await pair.second.expireTags([pathTag('/en/labs/x')]);
    expect(await pair.first.get('route/x')).toBeNull();
    // Rendered again after the change: served again.
    await pair.first.set('route/x', { ...entry, lastModified: Date.now() + 1 });
    expect(await pair.second.get('route/x', [], Date.now() + 2)).not.toBeNull();
    await pair.second.delete('route/x');
    expect(await pair.first.get('route/x')).toBeNull();
  });

  it('backs the Next.js cache handler: bytes and headers of a route answer survive the trip', async () => {
    const writer = new SharedPageCacheHandler(undefined, () => pair.first);
    const reader = new SharedPageCacheHandler(undefined, () => pair.second);
    const answer = { kind: 'APP_ROUTE', status: 200, headers: { 'x-next-cache-tags': pathTag('/zh-CN/labs') }, body: Buffer.from('<p>实验室</p>') };
    await writer.set('route/zh', answer, {});
    expect(((await reader.get('route/zh', { kind: 'APP_ROUTE' }))!.value as typeof answer).body.toString()).toBe('<p>实验室</p>');
    await reader.revalidateTag(pathTag('/zh-CN/labs'));
    expect(await writer.get('route/zh', { kind: 'APP_ROUTE' })).toBeNull();
  });
});
