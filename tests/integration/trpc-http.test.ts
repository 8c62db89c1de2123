import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { requestBudgets } from '@/db/schema';
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from '@/server/api/http';
import { freshDb } from '../helpers/db';
import { startTrpcServer } from '../helpers/trpc-server';
import { trpcJson } from '../helpers/trpc-wire';

// The app's tRPC endpoint (server/api/http.ts, which every server process serves): the protocol,
// the cross-site guard, the body limit, the batch cap and the anonymous budget, over HTTP against a
// real database. (The headers every answer carries are checked in e2e, on the real server.)

let db: DB;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  db = await freshDb({ seed: true });
  ({ base, close } = await startTrpcServer(db));
});
afterAll(() => close());

const input = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));

describe('the tRPC endpoint', () => {
  it('answers a query with the public data', async () => {
    const res = await fetch(`${base}/api/trpc/directory.list?input=${input({})}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await trpcJson(res);
    expect(body.result.data.json.labs.map((l: { slug: string }) => l.slug).sort()).toEqual(['green-auto-steel', 'new-display-lab']);
  });

  it('answers a batch of calls, each with its own result or error', async () => {
    const res = await fetch(
      `${base}/api/trpc/directory.list,no.such?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: {} }, 1: { json: {} } }))}`,
    );
    const body = await trpcJson(res);
    expect(body).toHaveLength(2);
    expect(body[0]!.result).toBeDefined();
    expect(body[1]!.error.json.data.code).toBe('NOT_FOUND');
  });

  it('refuses a signed-out mutation with UNAUTHORIZED, in the caller’s language', async () => {
    const res = await fetch(`${base}/api/trpc/update.post`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'accept-language': 'zh-CN' },
      body: JSON.stringify({ json: { labId: 1, body: 'x', health: 'on_track' } }),
    });
    expect(res.status).toBe(401);
    const body = await trpcJson(res);
    expect(body.error.json.data.code).toBe('UNAUTHORIZED');
    expect(body.error.json.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses cross-site and non-JSON mutations before reading them', async () => {
    const crossSite = await fetch(`${base}/api/trpc/update.post`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const form = await fetch(`${base}/api/trpc/update.post`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    const noOrigin = await fetch(`${base}/api/trpc/update.post`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noOrigin.status).toBe(403);
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST (as the adapters of tRPC do), not a server error', async () => {
    // A public mutation, so the input is read before any role check.
    const res = await fetch(`${base}/api/trpc/password.requestReset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: '{"json": {',
    });
    expect(res.status).toBe(400);
    expect((await trpcJson(res)).error.json.data.code).toBe('BAD_REQUEST');
  });

  it('refuses a body over the limit with 413 (a signed-out caller of a private mutation is refused before it is read)', async () => {
    const huge = JSON.stringify({ json: { email: 'x'.repeat(MAX_BODY_BYTES) } });
    const post = (path: string) => fetch(`${base}/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: huge });
    const res = await post('password.requestReset');
    expect(res.status).toBe(413);
    expect((await trpcJson(res)).error.json.data.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await post('update.post')).status).toBe(401);
  });

  it('refuses a batch of more calls than the limit with 400, and answers one at the limit', async () => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => 'directory.facets').join(',');
      const inputs = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]));
      return fetch(`${base}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`);
    };
    db.delete(requestBudgets).run();
    const atLimit = await batch(MAX_BATCH_SIZE);
    expect(atLimit.status).toBe(200);
    expect((await atLimit.json()) as unknown[]).toHaveLength(MAX_BATCH_SIZE);
    const over = await batch(MAX_BATCH_SIZE + 1);
    expect(over.status).toBe(400);
    expect(await over.text()).not.toContain('"result"');
  });

  it('gives a signed-out address a budget of search and directory calls, then 429 with Retry-After', async () => {
    db.delete(requestBudgets).run();
    // The server process writes the client's address into X-Forwarded-For (server/http/worker.ts).
    const call = (address: string) =>
      fetch(`${base}/api/trpc/directory.search?input=${input({ q: 'display' })}`, { headers: { 'x-forwarded-for': address } });
    // 120 a minute by default (ANONYMOUS_BUDGET_PER_MINUTE).
    for (let i = 0; i < 120; i++) expect((await call('203.0.113.9')).status, `call ${i + 1}`).toBe(200);
    const refused = await call('203.0.113.9');
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    const body = await trpcJson(refused);
    expect(body.error.json.data.code).toBe('TOO_MANY_REQUESTS');
    expect(body.error.json.message).toContain(`${wait} seconds`);
    expect((await call('203.0.113.10')).status).toBe(200);
  });
});
