import { expect, test } from '@playwright/test';
import { expectNoPrivateText, signIn, signInAs } from './helpers';
import { trpcJson } from '../helpers/trpc-wire';

test('the demo manager signs in and sees their lab', async ({ page }) => {
  await signIn(page, 'manager@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await expect(page.getByRole('heading', { name: 'My labs' })).toBeVisible();
  const lab = page.getByRole('link', { name: 'New Display Technology Joint Laboratory' });
  await expect(lab).toBeVisible();
  await expect(page.getByText('Your role: Manager')).toBeVisible();
  await lab.click();
  await expect(page).toHaveURL(/\/en\/workspace\/labs\/new-display-lab$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('New Display Technology Joint Laboratory');
  await expect(page.getByRole('table', { name: 'Partners' })).toContainText('Xiaomi Corporation');
  await expect(page.getByRole('note')).toContainText('demo data');
});

test('a wrong password is refused with a message that does not say whether the account exists', async ({ page }) => {
  await signIn(page, 'manager@demo.local', 'not-the-password');
  // (Next.js keeps an empty route announcer with role=alert on every page; ours is in the form.)
  const alert = page.locator('form').getByRole('alert');
  await expect(alert).toHaveText('The email or password is not correct. Check both and try again.');
  await expect(page).toHaveURL(/\/en\/signin/);

  await signIn(page, 'nobody@demo.local', 'not-the-password');
  await expect(page.locator('form').getByRole('alert')).toHaveText('The email or password is not correct. Check both and try again.');
});

test('an anonymous visitor sees both public labs and not the private one', async ({ page }) => {
  await page.goto('/en/labs');
  const list = page.getByRole('list', { name: 'Public labs' });
  await expect(list.getByRole('heading', { name: /New Display Technology Joint Laboratory/ })).toBeVisible();
  await expect(list.getByRole('heading', { name: /Green Low-Carbon Automotive Steel Supply Chain/ })).toBeVisible();
  // The count says as many labs as are listed (other tests may publish labs of their own).
  const shown = await list
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2 }) })
    .count();
  expect(shown).toBeGreaterThanOrEqual(2);
  await expect(page.getByText(`${shown} public labs`)).toBeVisible();
  await expectNoPrivateText(page);
});

test('no page open to anonymous visitors shows private labs or confidential items', async ({ page, request }) => {
  for (const path of ['/en/labs', '/zh-CN/labs', '/en/signin', '/zh-CN/signin', '/en/signout']) {
    await page.goto(path);
    await expectNoPrivateText(page);
  }
  // The workspace, asked for directly, only sends an anonymous visitor to sign in.
  const res = await request.get('/en/workspace/labs/key-equipment-consortium', { maxRedirects: 0 });
  expect([303, 307, 308]).toContain(res.status());
  expect(res.headers()['location']).toContain('/en/signin');
  for (const marker of ['Key Equipment', 'Confidential']) expect(await res.text()).not.toContain(marker);
  const api = await request.get('/api/trpc/directory.list');
  expect(api.status()).toBe(200);
  const body = await api.text();
  expect(body).toContain('new-display-lab');
  for (const marker of ['Key Equipment', 'key-equipment-consortium', 'Confidential']) expect(body).not.toContain(marker);
});

test('a member asking for a lab they are not in gets "not found", by URL and by API', async ({ page }) => {
  await signIn(page, 'member@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await page.goto('/en/workspace/labs/key-equipment-consortium');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoPrivateText(page);

  const bySlug = await page.request.get(
    `/api/trpc/lab.overview?input=${encodeURIComponent(JSON.stringify({ json: { slug: 'key-equipment-consortium' } }))}`,
  );
  expect(bySlug.status()).toBe(404);
  expect((await trpcJson(bySlug)).error.json.data.code).toBe('NOT_FOUND');
});

test('the workspace sends an anonymous visitor to sign in and back to the page they asked for', async ({ page }) => {
  await page.goto('/en/workspace/labs/new-display-lab');
  await expect(page).toHaveURL(/\/en\/signin\?callbackUrl=/);
  await page.getByLabel('Email').fill('member@demo.local');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/workspace\/labs\/new-display-lab$/);
  await expect(page.getByText('Your role: Member')).toBeVisible();
});

test('the zh-CN locale shows Chinese UI text, and the choice is remembered', async ({ page }) => {
  await page.goto('/en/labs');
  await page.getByRole('link', { name: '简体中文' }).click();
  await expect(page).toHaveURL(/\/zh-CN\/labs$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('公开实验室');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: /新型显示技术联合实验室/ })).toBeVisible();
  // A bare path now goes to the Chinese pages.
  await page.goto('/labs');
  await expect(page).toHaveURL(/\/zh-CN\/labs$/);
});

test('a browser asking for Chinese gets Chinese on its first visit', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/zh-CN\/labs$/);
  await expect(page.getByRole('link', { name: '我的工作台' })).toBeVisible();
  await context.close();
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'viewer@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await page.getByRole('link', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/labs$/);
  await page.goto('/en/workspace');
  await expect(page).toHaveURL(/\/en\/signin/);
});

test('unknown pages answer 404 with a page that helps', async ({ page }) => {
  const res = await page.goto('/en/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('every response carries the security headers; HSTS only over HTTPS', async ({ request }) => {
  for (const path of ['/en/labs', '/en/signin', '/api/trpc/directory.list']) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy'], path).not.toContain('unsafe-eval');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], path).toContain('camera=()');
    expect(h['strict-transport-security'], path).toBeUndefined();
  }
  const https = await request.get('/en/labs', { headers: { 'x-forwarded-proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toContain('max-age=');
});

test('a cross-site request cannot change anything', async ({ page, baseURL }) => {
  await signIn(page, 'member@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  const mutation = { data: { json: { locale: 'zh-CN' } } };
  const crossSite = await page.request.post('/api/trpc/me.setLocale', { ...mutation, headers: { origin: 'https://evil.example' } });
  expect(crossSite.status()).toBe(403);
  const form = await page.request.post('/api/trpc/me.setLocale', { form: { locale: 'zh-CN' }, headers: { origin: baseURL! } });
  expect(form.status()).toBe(415);
  const me = await page.request.get('/api/trpc/me.get');
  expect((await trpcJson(me)).result.data.json.locale).toBeNull();
  const sameSite = await page.request.post('/api/trpc/me.setLocale', { ...mutation, headers: { origin: baseURL! } });
  expect(sameSite.status()).toBe(200);
});

test('session cookies are HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signIn(page, 'viewer@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  const session = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('after ten failed sign-ins an account is refused for a while, with a message that says so', async ({ page }) => {
  for (let i = 0; i < 10; i++) {
    await signIn(page, 'locked-out@demo.local', `wrong-password-${i}`);
    await expect(page.locator('form').getByRole('alert')).toHaveText(/not correct/);
  }
  await signIn(page, 'locked-out@demo.local', 'wrong-password-again');
  await expect(page.locator('form').getByRole('alert')).toHaveText(/Too many sign-in attempts.*wait 15 minutes/);
});

test('"sign out everywhere" ends the session on every device', async ({ browser }) => {
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const onPhone = await phone.newPage();
  const onLaptop = await laptop.newPage();
  await signInAs(onPhone, 'steel@demo.local');
  await signInAs(onLaptop, 'steel@demo.local');
  await onLaptop.goto('/en/account');
  await onLaptop.getByRole('button', { name: 'Sign out everywhere…' }).click();
  await onLaptop.getByRole('button', { name: 'Sign out on all devices' }).click();
  await expect(onLaptop).toHaveURL(/\/en\/signin/);
  await onPhone.goto('/en/workspace');
  await expect(onPhone).toHaveURL(/\/en\/signin/);
  await phone.close();
  await laptop.close();
});
