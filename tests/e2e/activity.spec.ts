import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

const LAB = '/en/workspace/labs/new-display-lab';

test('the manager sees a member’s update in the activity feed and the audit log, and exports the log', async ({ browser }) => {
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signInAs(member, 'member@demo.local');
  await member.goto(`${LAB}/updates`);
  const composer = member.locator('form').filter({ has: member.getByRole('button', { name: 'Post update' }) });
  await composer.getByLabel('What happened?').fill('Audit trail check: mask tension measured on all six masks.');
  await composer.getByRole('button', { name: 'Post update' }).click();
  await expect(composer.getByRole('status')).toBeVisible();
  // Members have no audit log tab, and its URL shows nothing.
  await expect(member.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await member.goto(`${LAB}/audit`);
  await expect(member.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await memberContext.close();

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signInAs(page, 'manager@demo.local');
  await page.goto(`${LAB}/activity`);
  await expect(page.getByText('Zhang Min created update “Audit trail check: mask tension measured on all six masks.”')).toBeVisible();

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Person' }).selectOption({ label: 'Zhang Min' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/person=\d+/);
  const row = page.getByRole('row').filter({ hasText: 'Audit trail check' }).first();
  await expect(row).toContainText('Zhang Min');
  await expect(row).toContainText('created');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('new-display-lab-audit-log.csv');
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  // The log in the reader's language, as the other downloads (issue 24.4).
  expect(text).toContain('ID,Time (UTC),Who,Action,Record type,Record ID,Record,Before,After');
  expect(text).toContain('Audit trail check: mask tension measured on all six masks.');
  expect(text).not.toContain('Platform Admin'); // filtered to one person, as on screen
  await context.close();
});

test('the audit CSV refuses members and outsiders', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, 'member@demo.local');
  const labId = 'new-display-lab';
  expect((await page.request.get(`/api/labs/${labId}/audit.csv`)).status()).toBe(403);
  expect((await page.request.get(`/api/labs/${labId}/export.json`)).status()).toBe(403);
  expect((await page.request.get(`/api/labs/${labId}/export.zip`)).status()).toBe(403);
  await context.close();
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/labs/${labId}/audit.csv`)).status()).toBe(401);
  await anonymous.close();
  const steel = await browser.newContext();
  const steelPage = await steel.newPage();
  await signInAs(steelPage, 'steel@demo.local');
  expect((await steelPage.request.get(`/api/labs/${labId}/audit.csv`)).status()).toBe(404);
  await steel.close();
});

test('a manager exports the whole lab as JSON and as CSV files', async ({ page }) => {
  await signInAs(page, 'manager@demo.local');
  await page.goto(`${LAB}/audit`);
  const json = page.waitForEvent('download');
  await page.getByRole('link', { name: 'JSON' }).click();
  const jsonFile = await json;
  expect(jsonFile.suggestedFilename()).toBe('new-display-lab-export.json');
  const data = JSON.parse(Buffer.concat(await (await jsonFile.createReadStream()).toArray()).toString('utf8'));
  expect(data.format).toBe('consortium-tracker-lab-export');
  expect(data.records.milestones.length).toBe(12);
  const zip = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV files (ZIP)' }).click();
  expect((await zip).suggestedFilename()).toBe('new-display-lab-export.zip');
});
