import { expect, test, type APIRequestContext } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { rmSync } from 'node:fs';
import { signInAs } from './helpers';
import { signedInApi, startServer, stopServer, waitUntilUp } from './server-process';
import { trpcJson } from '../helpers/trpc-wire';

// Findings of the outside security review (issue 15) that only the running server shows: the
// script nonce of per-request pages, what cached public pages send, share cards after unpublishing,
// the internal route's answer to odd tokens, and, on a server of the test's own, the sign-in
// throttle and the anonymous budget against forged X-Forwarded-For headers.

const BASE = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** The nonce a policy allows scripts by, or null. */
function nonceOf(policy: string | undefined): string | null {
  return /script-src [^;]*'nonce-([^']+)'/.exec(policy ?? '')?.[1] ?? null;
}

test('pages rendered per request run only scripts with their own fresh nonce; none allows inline scripts', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInAs(page, 'member@demo.local');
  for (const path of ['/en/workspace', '/en/workspace/labs/new-display-lab/timeline', '/zh-CN/account']) {
    const response = (await page.goto(path))!;
    const policy = response.headers()['content-security-policy'];
    const nonce = nonceOf(policy);
    expect(nonce, `${path}: ${policy}`).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    expect(policy).not.toContain("'unsafe-inline'; style"); // scripts: no unsafe-inline
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
    const scripts = await page.locator('script:not([type="application/ld+json"])').evaluateAll((elements) =>
      elements.map((e) => (e as HTMLScriptElement).nonce),
    );
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(new Set(scripts), path).toEqual(new Set([nonce]));
  }
  // The page works: its client components ran under the policy.
  await page.goto('/en/workspace/labs/new-display-lab/updates');
  await expect(page.getByRole('button', { name: 'Post update' })).toBeEnabled();
  expect(violations).toEqual([]);

  const first = nonceOf((await page.request.get('/en/signin')).headers()['content-security-policy']);
  const second = nonceOf((await page.request.get('/en/signin')).headers()['content-security-policy']);
  expect(first).not.toBeNull();
  expect(first).not.toBe(second);
});

test('cached public pages set no cookie, run no script, and let a cache in front keep them a minute past their five', async ({ request }) => {
  // A visitor whose browser prefers English opens a Chinese page: the workspace would remember
  // the choice in a cookie, a shared public page must not.
  for (const path of ['/zh-CN/labs', '/zh-CN/labs/new-display-lab', '/en/labs/green-auto-steel', '/zh-CN/search?q=OLED']) {
    const res = await request.get(path, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.status(), path).toBe(200);
    expect(res.headers()['set-cookie'], path).toBeUndefined();
    expect(res.headers()['content-security-policy'], path).toContain("script-src 'none'");
  }
  for (const path of ['/en/labs', '/zh-CN/labs/new-display-lab', '/en/labs/new-display-lab/share.png', '/en/labs/new-display-lab/feed.xml']) {
    const res = await request.get(path);
    expect(res.headers()['cache-control'], path).toBe('s-maxage=300, stale-while-revalidate=60');
    expect(res.headers()['set-cookie'], path).toBeUndefined();
  }
  // Pages that are not public documents still remember the language.
  const signin = await request.get('/zh-CN/signin', { headers: { 'accept-language': 'en' } });
  expect(signin.headers()['set-cookie']).toContain('NEXT_LOCALE=zh-CN');
});

test('the language links of public pages remember the choice on the way, and lead only to this site', async ({ request }) => {
  const chosen = await request.get('/api/locale?to=zh-CN&next=%2Fzh-CN%2Flabs%2Fgreen-auto-steel', { maxRedirects: 0 });
  expect(chosen.status()).toBe(303);
  expect(chosen.headers()['location']).toBe('/zh-CN/labs/green-auto-steel');
  expect(chosen.headers()['set-cookie']).toMatch(/^NEXT_LOCALE=zh-CN; Max-Age=31536000; Path=\/; SameSite=Lax/);
  for (const next of ['%2F%09%2Fevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example%2F', '%2F%5Cevil.example'])
    expect((await request.get(`/api/locale?to=zh-CN&next=${next}`, { maxRedirects: 0 })).status(), next).toBe(400);
  expect((await request.get('/api/locale?to=fr&next=%2Fen%2Flabs', { maxRedirects: 0 })).status()).toBe(400);
});

async function setVisibility(api: APIRequestContext, slug: string, visibility: 'public' | 'private') {
  const context = await trpcJson(await api.get(`/api/trpc/lab.context?input=${encodeURIComponent(JSON.stringify({ json: { slug } }))}`));
  const { id, version } = context.result.data.json.lab as { id: number; version: number };
  const res = await api.post('/api/trpc/labSettings.setVisibility', { data: { json: { labId: id, version, visibility } } });
  expect(res.status()).toBe(200);
}

test('a lab made private loses its share cards, fact sheet, feed and calendar at once, in both languages', async ({ request }) => {
  const api = await signedInApi(Number(new URL(BASE).port), 'steel@demo.local');
  const paths = ['/en/labs/green-auto-steel', '/zh-CN/labs/green-auto-steel', '/en/labs/green-auto-steel/feed.xml', '/en/labs/green-auto-steel/calendar.ics']
    .concat(['en', 'zh-CN'].map((l) => `/${l}/labs/green-auto-steel/share.png`));
  // Visited first, so every one of them is in the cache.
  for (const path of paths) expect((await request.get(path)).status(), path).toBe(200);
  const card = await request.get('/en/labs/green-auto-steel/share.png');
  expect(card.headers()['content-type']).toBe('image/png');
  try {
    await setVisibility(api, 'green-auto-steel', 'private');
    for (const path of paths) {
      await expect.poll(async () => (await request.get(path)).status(), { message: path, timeout: 1_000, intervals: [100] }).toBe(404);
    }
  } finally {
    await setVisibility(api, 'green-auto-steel', 'public');
  }
  for (const path of paths) await expect.poll(async () => (await request.get(path)).status(), { timeout: 1_000 }).toBe(200);
});

test('a POST, PUT, DELETE or OPTIONS to a public page is refused, and never becomes what the next visitor is served', async ({ request }) => {
  const api = await signedInApi(Number(new URL(BASE).port), 'steel@demo.local');
  // Withdrawn and published again: none of the lab's public answers is in the cache now.
  await setVisibility(api, 'green-auto-steel', 'private');
  await setVisibility(api, 'green-auto-steel', 'public');
  const paths = ['/en/labs/green-auto-steel', '/zh-CN/labs/green-auto-steel/feed.xml', '/en/labs/green-auto-steel/calendar.ics', '/en/labs'];
  for (const path of paths)
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const res = await request.fetch(path, { method, data: method === 'OPTIONS' ? undefined : 'x' });
      expect(res.status(), `${method} ${path}`).toBe(405);
      expect(res.headers()['allow']).toBe('GET, HEAD');
    }
  for (const path of paths) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect((await res.text()).length, path).toBeGreaterThan(500);
  }
});

/** A raw request, so header bytes outside ASCII reach the server as sent. */
function rawPost(path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(path, BASE);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{"paths":["/en/labs"]}');
  });
}

test('the internal revalidation route answers 404, never 500, to a token of the right length in other letters', async () => {
  for (const token of ['é'.repeat(43), 'a'.repeat(43), '中'.repeat(43), 'x']) {
    const headers = { 'content-type': 'application/json', 'x-revalidate-token': Buffer.from(token, 'utf8').toString('latin1') };
    expect(await rawPost('/api/internal/revalidate', headers), token).toBe(404);
  }
});

test.describe('on a server of its own', () => {
  const PORT = Number(process.env.E2E_PORT ?? 3100) + 3;
  const DATA = `data/e2e-security-${PORT}`;
  let server: ReturnType<typeof startServer>;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    rmSync(DATA, { recursive: true, force: true });
    server = startServer({ port: PORT, databaseUrl: `${DATA}/app.db`, env: { ANONYMOUS_BUDGET_PER_MINUTE: '5', TRUST_PROXY: undefined } });
    await waitUntilUp(PORT);
  });
  test.afterAll(async () => {
    await stopServer(server);
    rmSync(DATA, { recursive: true, force: true });
  });

  test('the sign-in throttle counts the socket address, whatever X-Forwarded-For claims', async ({ playwright }) => {
    const base = `http://localhost:${PORT}`;
    const api = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
    const attempt = async (email: string, password: string, forwardedFor: string) => {
      const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
      const res = await api.post('/api/auth/callback/credentials', {
        form: { csrfToken, email, password, json: 'true' },
        headers: { 'x-forwarded-for': forwardedFor },
      });
      return (await res.json()).url as string;
    };
    // 50 failures from one address, each claiming another, for 50 different accounts.
    for (let i = 0; i < 50; i++) expect(await attempt(`nobody-${i}@example.org`, 'wrong', `198.51.${i}.7`)).toContain('error=CredentialsSignin');
    expect(await attempt('manager@demo.local', 'demo-password', '203.0.113.1')).toMatch(/error=TooManyAttempts\.\d+/);
  });

  test('a signed-out address spends its search budget and then waits, as 429 with Retry-After', async ({ playwright }) => {
    const api = await playwright.request.newContext({ baseURL: `http://localhost:${PORT}` });
    const search = (i: number) =>
      api.get(`/api/trpc/directory.search?input=${encodeURIComponent(JSON.stringify({ json: { q: 'steel' } }))}`, {
        headers: { 'x-forwarded-for': `10.9.8.${i}` },
      });
    for (let i = 0; i < 5; i++) expect((await search(i)).status()).toBe(200);
    const refused = await search(99);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
    // A batch cannot buy more: its calls are counted one by one, and at most ten go in one.
    const paths = Array.from({ length: 11 }, () => 'directory.facets').join(',');
    const inputs = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i, { json: null }]));
    expect((await api.get(`/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`)).status()).toBe(400);
  });

  test('the search document spends the same budget: past it, a 429 page in the visitor’s language with Retry-After', async ({ playwright }) => {
    const api = await playwright.request.newContext({ baseURL: `http://localhost:${PORT}` });
    // The budget of this address may be spent already (the test above): ask until the answer is 429.
    let refused;
    for (let i = 0; i < 12 && !refused; i++) {
      const res = await api.get('/zh-CN/search?q=steel');
      if (res.status() === 429) refused = res;
      else expect(res.status()).toBe(200);
    }
    expect(refused, 'no 429 within twice the budget').toBeDefined();
    expect(Number(refused!.headers()['retry-after'])).toBeGreaterThan(0);
    expect(refused!.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(refused!.headers()['content-security-policy']).toContain("script-src 'none'");
    const html = await refused!.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('搜索过于频繁');
    // The search API answers this address the same way now.
    const search = await api.get(`/api/trpc/directory.search?input=${encodeURIComponent(JSON.stringify({ json: { q: 'steel' } }))}`);
    expect(search.status()).toBe(429);
  });
});
