import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

const FEED = '/en/workspace/labs/new-display-lab/updates';

test('a member previews and posts an update linked to a milestone and a goal', async ({ page }) => {
  await signInAs(page, 'member@demo.local');
  await page.goto(FEED);
  const composer = page.locator('form').filter({ has: page.getByRole('button', { name: 'Post update' }) });
  await composer.getByLabel('What happened?').fill('Pilot line **yield** reached 80 % this week. <script>alert(1)</script>');
  await composer.getByRole('tab', { name: 'Preview' }).click();
  await expect(composer.locator('strong', { hasText: 'yield' })).toBeVisible();
  await composer.getByRole('tab', { name: 'Write' }).click();
  await composer.getByText('At risk', { exact: true }).click();
  await composer.getByText(/Link milestones and goals/).click();
  await composer.getByLabel('LTPO backplane process verification').check();
  await composer.getByLabel('Qualify domestic fine metal masks').check();
  await composer.getByRole('button', { name: 'Post update' }).click();
  await expect(composer.getByRole('status')).toHaveText('Your update is posted.');

  const first = page.locator('ol > li').first();
  await expect(first).toContainText('Pilot line yield reached 80 % this week.');
  await expect(first).toContainText('At risk');
  await expect(first.getByRole('link', { name: /LTPO backplane process verification/ })).toBeVisible();
  await expect(first.getByRole('link', { name: /Qualify domestic fine metal masks/ })).toBeVisible();
  await expect(first.locator('script')).toHaveCount(0);
});

test('filters narrow the feed and the filtered URL can be shared', async ({ page, browser }) => {
  await signInAs(page, 'viewer@demo.local');
  await page.goto(FEED);
  await page.getByRole('combobox', { name: 'Health' }).selectOption('off_track');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/health=off_track/);
  const items = page.locator('ol > li');
  await expect(items.first()).toBeVisible();
  for (const text of await items.allInnerTexts()) expect(text).toContain('Off track');

  const shared = await browser.newContext();
  const other = await shared.newPage();
  await signInAs(other, 'member@demo.local');
  await other.goto(page.url());
  await expect(other.getByRole('combobox', { name: 'Health' })).toHaveValue('off_track');
  expect(await other.locator('ol > li').count()).toBe(await items.count());
  await shared.close();
});

test('two people edit the same update: the second is told, nothing is lost', async ({ browser }) => {
  const a = await browser.newContext();
  const pageA = await a.newPage();
  await signInAs(pageA, 'member@demo.local');
  await pageA.goto(FEED);
  const composer = pageA.locator('form').filter({ has: pageA.getByRole('button', { name: 'Post update' }) });
  await composer.getByLabel('What happened?').fill('Draft status for the weekly call.');
  await composer.getByRole('button', { name: 'Post update' }).click();
  await expect(composer.getByRole('status')).toBeVisible();

  const b = await browser.newContext();
  const pageB = await b.newPage();
  await signInAs(pageB, 'member@demo.local');
  await pageB.goto(FEED);

  const itemA = pageA.locator('ol > li').first();
  const itemB = pageB.locator('ol > li').first();
  await itemA.getByRole('button', { name: 'Edit' }).click();
  await itemB.getByRole('button', { name: 'Edit' }).click();
  await itemA.getByLabel('What happened?').fill('First edit wins.');
  await itemA.getByRole('button', { name: 'Save changes' }).click();
  await expect(itemA).toContainText('First edit wins.');

  await itemB.getByLabel('What happened?').fill('Second edit from a stale page.');
  await itemB.getByRole('button', { name: 'Save changes' }).click();
  await expect(itemB.getByRole('alert')).toContainText('Someone else saved a change while you were editing');
  await itemB.getByRole('button', { name: 'Reload the newer version' }).click();
  await expect(pageB.locator('ol > li').first()).toContainText('First edit wins.');
  await expect(pageB.locator('ol > li').first().getByRole('button', { name: 'History (1)' })).toBeVisible();
  await a.close();
  await b.close();
});

test('an update with a 10,000-character word wraps inside the feed at 360 and 1280 px instead of widening the page', async ({ page }) => {
  await signInAs(page, 'member@demo.local');
  await page.goto(FEED);
  const composer = page.locator('form').filter({ has: page.getByRole('button', { name: 'Post update' }) });
  const word = `Line${'x'.repeat(10_000)}`;
  await composer.getByLabel('What happened?').fill(word);
  await composer.getByRole('button', { name: 'Post update' }).click();
  await expect(composer.getByRole('status')).toHaveText('Your update is posted.');
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(FEED);
    await expect(page.locator('ol > li').first()).toContainText('Linexxxx');
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
  }
});
