import { expect, test, type BrowserContext } from '@playwright/test';
import { signInAs } from './helpers';

// Signing out ends that session on the server, not only in the browser: a copy of its cookie is
// refused from then on, while the person's other devices stay signed in (issue 15, decision 018).

const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'next-auth.session-token')!.value;

test('a copied session cookie stops working once that browser signs out; the other device stays signed in', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const onLaptop = await laptop.newPage();
  const onPhone = await phone.newPage();
  await signInAs(onLaptop, 'member@demo.local');
  await signInAs(onPhone, 'member@demo.local');

  // Someone copies the laptop's cookie (a shared computer, a log, malware).
  const copied = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `next-auth.session-token=${await sessionCookie(laptop)}` },
  });
  expect((await copied.get('/api/trpc/me.get')).status()).toBe(200);

  await onLaptop.goto('/en/signout');
  await onLaptop.getByRole('button', { name: 'Sign out' }).click();
  await expect(onLaptop).toHaveURL(/\/en\/labs$/);

  expect((await copied.get('/api/trpc/me.get')).status()).toBe(401);
  const page = await copied.get('/en/workspace', { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()['location']).toMatch(/\/en\/signin/);
  expect((await copied.get('/api/labs/new-display-lab/milestones.csv')).status()).toBe(401);

  await onPhone.goto('/en/workspace');
  await expect(onPhone).toHaveURL(/\/en\/workspace$/);
  expect((await onPhone.request.get('/api/trpc/me.get')).status()).toBe(200);

  await copied.dispose();
  await laptop.close();
  await phone.close();
});
