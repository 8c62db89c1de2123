import { expect, test } from '@playwright/test';
import { MALFORMED_COOKIES } from '../helpers/malformed-cookies';
import { signInAs } from './helpers';
import { trpcJson } from '../helpers/trpc-wire';

// What a crafted request can carry that no page of ours sends: a Cookie header that is not valid
// percent-encoding, a NUL in a search. The production server answers each as a signed-out or
// refused request, never with a 500 (issue 15, findings 6 and 7).

const trpc = (path: string, input: unknown = {}) => `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

test('a malformed session cookie reads as signed out on pages, tRPC, downloads and next-auth', async ({ request }) => {
  for (const cookie of MALFORMED_COOKIES) {
    const get = (path: string) => request.get(path, { headers: { cookie }, maxRedirects: 0 });
    expect((await get('/en/labs')).status(), `public page, ${cookie}`).toBe(200);
    expect((await get('/en/search?q=oled')).status(), `search, ${cookie}`).toBe(200);
    const workspace = await get('/en/workspace');
    expect(workspace.status(), `workspace, ${cookie}`).toBe(307);
    expect(workspace.headers()['location'], cookie).toMatch(/\/en\/signin\?callbackUrl=/);
    expect((await get(trpc('directory.list'))).status(), `public query, ${cookie}`).toBe(200);
    expect((await get(trpc('me.get'))).status(), `private query, ${cookie}`).toBe(401);
    for (const file of ['milestones.csv', 'audit.csv', 'export.json', 'export.zip']) {
      expect((await get(`/api/labs/new-display-lab/${file}`)).status(), `${file}, ${cookie}`).toBe(401);
    }
    expect((await get('/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status(), `calendar, ${cookie}`).toBe(404);
    const session = await get('/api/auth/session');
    expect(session.status(), `next-auth session, ${cookie}`).toBe(200);
    expect(await session.json()).toEqual({});
  }
});

test('a malformed cookie beside a real session leaves that session signed in', async ({ page }) => {
  await signInAs(page, 'manager@demo.local');
  const session = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token')!;
  const cookie = `NEXT_LOCALE=%; junk=%E0%A4%A; next-auth.session-token=${session.value}`;
  const me = await page.request.get(trpc('me.get'), { headers: { cookie } });
  expect(me.status()).toBe(200);
  expect((await page.request.get('/api/labs/new-display-lab/milestones.csv', { headers: { cookie } })).status()).toBe(200);
});

test('a NUL in the public search is refused next to the field, and the directory still shows', async ({ page }) => {
  const res = await page.goto('/en/search?q=%00abc');
  expect(res?.status()).toBe(200);
  await expect(page.getByText('Remove the control characters (such as NUL) from this text: they cannot be searched for.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /New Display Technology/ })).toBeVisible();

  const api = await page.request.get(trpc('directory.search', { q: '\u0000abc' }));
  expect(api.status()).toBe(400);
  expect((await trpcJson(api)).error.json.data.fieldErrors).toEqual({
    q: ['Remove the control characters (such as NUL) from this text: they cannot be searched for.'],
  });
  for (const path of ['/en/search?chain=%00', '/en/search?region=a%00', '/zh-CN/search?q=%E6%98%BE%00']) {
    expect((await page.goto(path))?.status(), path).toBe(200);
  }
});

test('the admin searches take a NUL or a repeated ?q= without an error page', async ({ page }) => {
  await signInAs(page, 'admin@demo.local');
  for (const path of ['/en/admin/users?q=%00zz', '/en/admin/labs?q=%00', '/en/admin/organisations?q=a%00', '/en/admin/users?q=a&q=b']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 2 }).first(), path).toBeVisible();
  }
  // The NUL is dropped, not read as "anything": a search for `\0zz` lists only what matches "zz".
  await page.goto('/en/admin/users?q=%00zz');
  await expect(page.getByRole('heading', { name: /User accounts \(0\)/ })).toBeVisible();
});
