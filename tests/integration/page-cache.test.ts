import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageCacheStore } from '@/server/shared-state';
import SharedPageCacheHandler, { RENDER_MARGIN_MS } from '@/server/shared-state/next-cache-handler';
import { pathTag, usePageCache } from '@/server/shared-state/store';
import { openPageCache } from '@/server/shared-state/sqlite-page-cache';
import { publicLabChanged } from '@/server/services/public-cache';

// The shared page cache (issue 16): every server process opens the same SQLite file, so an answer
// one process rendered is served by all, and a change made in one (or in a script) refreshes it
// for all. Two handlers on one file stand for two server processes.

let dir: string;
let file: string;
const opened: (PageCacheStore & { close(): void })[] = [];

function processHandler() {
  const store = openPageCache(file);
  opened.push(store);
  return { store, handler: new SharedPageCacheHandler(undefined, () => store) };
}

/** An answer as Next.js stores a route handler's: status, headers with its tags, body bytes. */
function routeAnswer(path: string, body: string) {
  return {
    kind: 'APP_ROUTE',
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'x-next-cache-tags': `_N_T_/layout,_N_T_/[locale]/layout,${pathTag(path)}` },
    body: Buffer.from(body),
  };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'page-cache-'));
  file = path.join(dir, 'app.page-cache.db');
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the shared page cache', () => {
  it('serves in one process what another rendered, bytes and headers intact', async () => {
    const a = processHandler();
    const b = processHandler();
    await a.handler.set('key-1', routeAnswer('/en/labs/new-display-lab', '<p>显示</p>'), { cacheControl: { revalidate: 300, expire: 360 } });
    const hit = await b.handler.get('key-1', { kind: 'APP_ROUTE' });
    expect(hit).not.toBeNull();
    const value = hit!.value as ReturnType<typeof routeAnswer>;
    expect(Buffer.isBuffer(value.body)).toBe(true);
    expect(value.body.toString()).toBe('<p>显示</p>');
    expect(value.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(hit!.cacheControl).toEqual({ revalidate: 300, expire: 360 });
    expect(await b.handler.get('no-such-key', { kind: 'APP_ROUTE' })).toBeNull();
  });

  it('keeps the Maps and Buffers of a rendered page', async () => {
    const { handler } = processHandler();
    const page = { kind: 'APP_PAGE', html: '<html></html>', rscData: Buffer.from('rsc'), segmentData: new Map([['/_tree', Buffer.from('t')]]), headers: {}, status: 200 };
    await handler.set('page', page, {});
    const value = (await handler.get('page', { kind: 'APP_PAGE' }))!.value as typeof page;
    expect(value.segmentData.get('/_tree')!.toString()).toBe('t');
    expect(Buffer.isBuffer(value.rscData)).toBe(true);
  });

  it('makes a revalidated tag a miss in every process, and only for the entries carrying it', async () => {
    const a = processHandler();
    const b = processHandler();
    await a.handler.set('sheet', routeAnswer('/en/labs/new-display-lab', 'sheet'), {});
    await a.handler.set('other', routeAnswer('/en/labs/green-auto-steel', 'other'), {});
    await b.handler.revalidateTag([pathTag('/en/labs/new-display-lab')]);
    expect(await a.handler.get('sheet', { kind: 'APP_ROUTE' })).toBeNull();
    expect(await b.handler.get('sheet', { kind: 'APP_ROUTE' })).toBeNull();
    expect(await a.handler.get('other', { kind: 'APP_ROUTE' })).not.toBeNull();
  });

  it('treats an answer rendered across a change as stale: a render that began before it may hold old data', async () => {
    const { store, handler } = processHandler();
    await store.expireTags([pathTag('/en/labs')], Date.now() - RENDER_MARGIN_MS / 2);
    await handler.set('directory', routeAnswer('/en/labs', 'rendered around the change'), {});
    expect(await handler.get('directory', { kind: 'APP_ROUTE' })).toBeNull();
    await store.expireTags([pathTag('/en/labs')], Date.now() - RENDER_MARGIN_MS * 3);
    await handler.set('directory', routeAnswer('/en/labs', 'rendered well after'), {});
    expect(await handler.get('directory', { kind: 'APP_ROUTE' })).not.toBeNull();
  });

  it('answers a miss, not an error, when its file cannot be read', async () => {
    writeFileSync(file, 'this is not a database');
    const broken = new SharedPageCacheHandler(undefined, () => openPageCache(file));
    expect(await broken.get('any', { kind: 'APP_ROUTE' })).toBeNull();
    await expect(broken.set('any', routeAnswer('/en/labs', 'x'), {})).resolves.toBeUndefined();
  });
});

describe('publicLabChanged', () => {
  it('refreshes every public answer that shows the lab, in both languages, and no other lab', async () => {
    const { store } = processHandler();
    usePageCache(store);
    const shown = [
      '/en/labs',
      '/zh-CN/labs',
      '/en/labs/green-auto-steel',
      '/zh-CN/labs/green-auto-steel',
      '/en/labs/green-auto-steel/feed.xml',
      '/zh-CN/labs/green-auto-steel/calendar.ics',
      '/en/labs/green-auto-steel/share.png',
      '/zh-CN/labs/green-auto-steel/share.png',
      '/en/labs/feed.xml',
      '/sitemap.xml',
    ];
    const unrelated = ['/en/labs/new-display-lab', '/zh-CN/labs/new-display-lab/feed.xml', '/en/labs/new-display-lab/share.png'];
    const old = Date.now() - 60_000;
    for (const p of [...shown, ...unrelated])
      await store.set(p, { value: Buffer.from('v8'), lastModified: old, tags: [pathTag(p)], cacheControl: null });
    publicLabChanged('green-auto-steel');
    for (const p of shown) expect(await store.get(p), p).toBeNull();
    for (const p of unrelated) expect(await store.get(p), p).not.toBeNull();
  });
});
