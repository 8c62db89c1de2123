import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

// After signing in, the browser goes back to the page it came from only when that is a page of
// this site. The URL parser drops tabs and line breaks and reads `\` as `/`, so these callbackUrls,
// which look like paths, name another host (issue 15, finding 2).

const ELSEWHERE = [
  '/\t/evil.example/',
  '/\n/evil.example/',
  '/\r\n/evil.example/',
  '/\\evil.example/',
  '/\\/evil.example/',
  '\\\\evil.example/',
  '//evil.example/',
  'https://evil.example/',
];

/** Any page of evil.example answers with this, so a test that ends there fails on its URL, not on a network error. */
async function trapOtherHosts(page: Page) {
  await page.context().route(
    (url) => url.hostname.endsWith('evil.example'),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Evil</h1>' }),
  );
}

async function signInWithCallback(page: Page, callbackUrl: string) {
  await page.goto(`/en/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill('viewer@demo.local');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

for (const callbackUrl of ELSEWHERE) {
  test(`signing in with callbackUrl ${JSON.stringify(callbackUrl)} ends in the workspace of this site`, async ({ page, baseURL }) => {
    await trapOtherHosts(page);
    await signInWithCallback(page, callbackUrl);
    await expect(page).toHaveURL(`${baseURL}/en/workspace`);
    await expect(page.getByRole('heading', { name: 'Evil' })).toHaveCount(0);
  });
}

test('signing in with a callbackUrl of this site goes back to that page, query and all', async ({ page, baseURL }) => {
  await signInWithCallback(page, '/en/workspace/labs/new-display-lab/timeline?view=table');
  await expect(page).toHaveURL(`${baseURL}/en/workspace/labs/new-display-lab/timeline?view=table`);
  await signInWithCallback(page, `${baseURL}/en/account`);
  await expect(page).toHaveURL(`${baseURL}/en/account`);
});

test('next-auth’s own endpoints send the browser only to this site', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  for (const callbackUrl of ELSEWHERE) {
    const signIn = await request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: 'viewer@demo.local', password: DEMO_PASSWORD, callbackUrl, json: 'true' },
      headers: { origin },
    });
    expect(new URL(((await signIn.json()) as { url: string }).url).origin, `sign-in ${JSON.stringify(callbackUrl)}`).toBe(origin);
    const signOut = await request.post('/api/auth/signout', { form: { csrfToken, callbackUrl, json: 'true' }, headers: { origin } });
    expect(new URL(((await signOut.json()) as { url: string }).url).origin, `sign-out ${JSON.stringify(callbackUrl)}`).toBe(origin);
    // Its sign-in page hands the callbackUrl on to ours only once it is a page of this site.
    const page = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    const location = new URL(page.headers()['location']!, origin);
    expect(location.origin).toBe(origin);
    expect(new URL(location.searchParams.get('callbackUrl') ?? '/', origin).origin).toBe(origin);
  }
});

test('the locale routing and the language links send the browser only to this site', async ({ request, page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const path of [
    '//evil.example',
    '//evil.example/labs',
    '/en//evil.example/labs',
    '/labs?next=//evil.example',
    '/search?q=/%09/evil.example',
  ]) {
    const res = await request.get(`${origin}${path}`, { maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
    const location = res.headers()['location'];
    if (location) expect(new URL(location, origin).origin, `${path} → ${location}`).toBe(origin);
  }
  await page.goto('/en/search?q=%2F%2Fevil.example');
  const links = page.getByRole('navigation', { name: 'Language' }).getByRole('link');
  await expect(links).toHaveCount(2);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    expect(new URL(href, origin).origin, href).toBe(origin);
  }
});
