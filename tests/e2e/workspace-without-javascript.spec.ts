import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signInAs } from './helpers';

// The workspace read and used with JavaScript disabled (issue 22): pages arrive whole in the first
// response, and the progress form and the update composer post to server actions that call the
// same procedures as the forms do with JavaScript (decision 022).

const LAB = '/en/workspace/labs/new-display-lab';
const MILESTONE = 'Pilot run with domestic materials (10,000 panels)';

/** A context without JavaScript, signed in as `email` (the sign-in form itself needs JavaScript). */
async function withoutJavaScript(browser: Browser, email: string): Promise<BrowserContext> {
  const signedIn = await browser.newContext();
  await signInAs(await signedIn.newPage(), email);
  const storageState = await signedIn.storageState();
  await signedIn.close();
  return browser.newContext({ javaScriptEnabled: false, storageState });
}

/** MILESTONE's row in the timeline's table view. */
const rowOf = (page: Page) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${MILESTONE.replace(/[()]/g, '\\$&')}`) }) });

/** The timeline URL that opens MILESTONE's panel, read from the table view's link. */
async function milestoneUrl(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${LAB}/timeline?view=table`);
  const href = await page.getByRole('link', { name: MILESTONE }).getAttribute('href');
  await page.close();
  return href!;
}

test('a member reads the workspace home, a lab overview, its timeline table and its goals without JavaScript', async ({ browser }) => {
  const context = await withoutJavaScript(browser, 'member@demo.local');
  const page = await context.newPage();

  const home = await page.goto('/en/workspace');
  expect(home!.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Needs your attention' })).toBeVisible();
  await expect(page.getByRole('link', { name: /New Display Technology Joint Laboratory/ }).first()).toBeVisible();
  // No loading skeleton stands in for the content.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // The language links are in the page too (they waited for the search parameters, behind a Suspense with nothing to show).
  await expect(page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '简体中文' })).toHaveAttribute(
    'href',
    '/zh-CN/workspace',
  );

  await page.goto(LAB);
  await expect(page.getByRole('heading', { level: 1, name: /New Display Technology Joint Laboratory/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Localization goals' })).toBeVisible();
  await expect(page.getByRole('table').getByText('Tianma Microelectronics')).toBeVisible();

  await page.goto(`${LAB}/timeline?view=table`);
  await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('link', { name: 'LTPO backplane process verification' })).toBeVisible();
  await expect(page.getByRole('link', { name: MILESTONE })).toBeVisible();

  await page.goto(`${LAB}/goals`);
  await expect(page.getByRole('link', { name: /Qualify domestic fine metal masks/ })).toBeVisible();
  await page.getByRole('link', { name: /Qualify domestic fine metal masks/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Qualify domestic fine metal masks' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Measurements' })).toBeVisible();
  await context.close();
});

test('a member saves a milestone’s progress without JavaScript; a refused value is said next to its field and changes nothing', async ({
  browser,
}) => {
  const context = await withoutJavaScript(browser, 'member@demo.local');
  const page = await context.newPage();
  await page.goto(await milestoneUrl(context));
  const form = page.getByRole('form', { name: 'Update progress' });
  await expect(form).toBeVisible();

  // Out of range: the message is next to the field, what was typed is still there, nothing is saved.
  await form.getByRole('spinbutton', { name: 'Percent complete' }).fill('150');
  await form.getByRole('button', { name: 'Save progress' }).click();
  const percent = page.getByRole('form', { name: 'Update progress' }).getByRole('spinbutton', { name: 'Percent complete' });
  await expect(percent).toHaveValue('150');
  await expect(percent).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await percent.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(/100/);
  await page.goto(`${LAB}/timeline?view=table`);
  await expect(rowOf(page)).not.toContainText('150 %');

  // A good value is saved: the panel says so and the table shows it.
  await page.goto(await milestoneUrl(context));
  await page.getByRole('form', { name: 'Update progress' }).getByRole('spinbutton', { name: 'Percent complete' }).fill('45');
  await page.getByRole('form', { name: 'Update progress' }).getByLabel('Status').selectOption({ label: 'In progress' });
  await page.getByRole('button', { name: 'Save progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Progress saved.' })).toBeVisible();
  await page.goto(`${LAB}/timeline?view=table`);
  await expect(rowOf(page)).toContainText('45 %');
  await context.close();
});

test('a member posts an update without JavaScript, and an empty one is refused next to the text field', async ({ browser }) => {
  const context = await withoutJavaScript(browser, 'member@demo.local');
  const page = await context.newPage();
  await page.goto(`${LAB}/updates`);

  await page.getByRole('button', { name: 'Post update' }).click();
  const body = page.getByLabel('What happened?');
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[id="${await body.getAttribute('aria-describedby')}"]`)).toHaveText('Fill in this field.');

  const text = 'Posted without JavaScript: the pilot line ran its first domestic-material lot.';
  await body.fill(text);
  await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name: 'At risk' }) })
    .click();
  await expect(page.getByRole('radio', { name: 'At risk' })).toBeChecked();
  await page.getByText(/Link milestones and goals/).click();
  await page.getByRole('checkbox', { name: MILESTONE }).check();
  await page.getByRole('button', { name: 'Post update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your update is posted.' })).toBeVisible();
  const posted = page.getByRole('listitem').filter({ hasText: text });
  await expect(posted).toBeVisible();
  await expect(posted).toContainText('At risk');
  await expect(posted).toContainText(MILESTONE);
  await context.close();
});

test('the progress action refuses a post from another origin or without one, and a viewer’s replayed post', async ({
  browser,
  baseURL,
}) => {
  const member = await withoutJavaScript(browser, 'member@demo.local');
  const page = await member.newPage();
  const url = await milestoneUrl(member);
  const row = () => rowOf(page);
  await page.goto(`${LAB}/timeline?view=table`);
  const before = await row().textContent();

  await page.goto(url);
  const form = page.getByRole('form', { name: 'Update progress' });
  await form.getByRole('spinbutton', { name: 'Percent complete' }).fill('5');
  // Every field the form posts, React's action fields included, for the viewer's replay below.
  const fields = Object.fromEntries(
    await form
      .locator('input[name], select[name]')
      .evaluateAll((els) => els.map((el) => [(el as HTMLInputElement).name, (el as HTMLInputElement).value] as const)),
  );
  // The same form, posted from a page on another site and with no Origin at all: refused with a
  // 403 by the app's server before Next.js (which would abort the first with a 500 and let the
  // second through).
  for (const headers of [{ origin: 'http://evil.example' }, {}] as Record<string, string>[]) {
    const refused = await member.request.post(url, { multipart: fields, headers });
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
  }

  // A viewer has no progress form; the member's form posted with the viewer's session is refused
  // by the procedure's access rule.
  const viewer = await withoutJavaScript(browser, 'viewer@demo.local');
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(url);
  await expect(viewerPage.getByRole('form', { name: 'Update progress' })).toHaveCount(0);
  const replay = await viewer.request.post(url, { multipart: fields, headers: { origin: baseURL! } });
  expect(replay.status()).toBeLessThan(500);
  await viewer.close();

  await page.goto(`${LAB}/timeline?view=table`);
  expect(await row().textContent()).toBe(before);

  // The control: the same replay with the member's own session is saved, so the refusals above were
  // the origin check and the access rule, not a malformed post.
  const own = await member.request.post(url, { multipart: fields, headers: { origin: baseURL! } });
  expect(own.status()).toBe(200);
  await page.goto(`${LAB}/timeline?view=table`);
  await expect(row()).toContainText(/(^|\D)5 %/);
  await member.close();
});
