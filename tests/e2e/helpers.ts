import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

/** Text that must never reach anyone who is not signed in. */
export const PRIVATE_MARKERS = ['Key Equipment Localization', '关键装备国产化联合体', 'Confidential', '保密：'];

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, locale = 'en') {
  await page.goto(`/${locale}/signin`);
  await page.getByLabel(locale === 'en' ? 'Email' : '电子邮箱').fill(email);
  await page.getByLabel(locale === 'en' ? 'Password' : '密码').fill(password);
  await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : '登录' }).click();
}

export async function expectNoPrivateText(page: Page) {
  const html = await page.content();
  for (const marker of PRIVATE_MARKERS) expect(html, `page ${page.url()} leaks "${marker}"`).not.toContain(marker);
}

/** Signs in and waits until the workspace is shown (the session cookie is set by then). */
export async function signInAs(page: Page, email: string, locale = 'en') {
  await signIn(page, email, DEMO_PASSWORD, locale);
  await page.waitForURL(new RegExp(`/${locale}/workspace`));
}
