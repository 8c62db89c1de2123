import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { PageCacheStore, SharedState } from '@/server/shared-state';
import SharedPageCacheHandler from '@/server/shared-state/next-cache-handler';
import { openRedisSharedState } from '@/server/shared-state/redis';
import { sqliteSharedState } from '@/server/shared-state/sqlite';
import { openPageCache } from '@/server/shared-state/sqlite-page-cache';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, SIGN_IN_WINDOW_MS } from '@/server/services/sign-in-guard';
import { pathTag } from '@/server/shared-state/store';
import { startRedis } from '../helpers/redis-server';

// One contract, two implementations of the shared state (decision 020): the SQLite files of one
// machine and Redis for several. Each "process" is a handle of its own on the same store: what one
// counts, throttles, signs out, caches or expires, the other sees.

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

  it('throttles sign-ins across processes: ten failures for an account or fifty from an address, until they age out or a success', async () => {
    const at = (ms: number) => new Date(NOW + ms);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) await (i % 2 ? pair.first : pair.second).recordSignInAttempt('a@example.org', `198.51.100.${i}`, false, at(i * 1000));
    expect(await pair.first.signInBlock('a@example.org', '203.0.113.1', at(60_000))).toEqual({ blocked: false });
    await pair.second.recordSignInAttempt('a@example.org', '198.51.100.99', false, at(20_000));
    const blocked = await pair.first.signInBlock('a@example.org', '203.0.113.1', at(60_000));
    // The first of the ten failures leaves the window first.
    expect(blocked).toEqual({ blocked: true, retryAt: at(SIGN_IN_WINDOW_MS) });
    expect(await pair.second.signInBlock('a@example.org', null, at(SIGN_IN_WINDOW_MS + 1))).toEqual({ blocked: false });
    expect(await pair.second.signInBlock('b@example.org', null, at(60_000))).toEqual({ blocked: false });
    // A success starts the account afresh.
    await pair.first.recordSignInAttempt('a@example.org', '203.0.113.1', true, at(61_000));
    expect(await pair.second.signInBlock('a@example.org', null, at(62_000))).toEqual({ blocked: false });
    // Fifty failures from one address, for fifty accounts, block the address for every account.
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await pair.first.recordSignInAttempt(`user-${i}@example.org`, '192.0.2.7', false, at(70_000 + i));
    expect((await pair.second.signInBlock('someone@example.org', '192.0.2.7', at(80_000))).blocked).toBe(true);
    expect((await pair.second.signInBlock('someone@example.org', '192.0.2.8', at(80_000))).blocked).toBe(false);
  });

  it('knows in every process which sessions were signed out, until their tokens would have expired anyway', async () => {
    expect(await pair.second.isSessionRevoked('session-1')).toBe(false);
    await pair.first.revokeSession('session-1', new Date(Date.now() + 60_000));
    expect(await pair.second.isSessionRevoked('session-1')).toBe(true);
    expect(await pair.second.isSessionRevoked('session-2')).toBe(false);
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
