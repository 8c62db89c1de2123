import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const LAB = '/en/workspace/labs/new-display-lab';
const FMM = 'Qualify domestic fine metal masks';

async function openGoal(page: Page, title: string) {
  await page.goto(`${LAB}/goals`);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** The measured points of the chart that is shown (the phone-sized drawing is hidden on a desktop). */
function chartPoints(page: Page, title: string) {
  return page.getByRole('group', { name: title }).getByRole('img');
}

test('a member records a measurement, and the goal’s status and chart change', async ({ page }) => {
  await signIn(page, 'member@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await openGoal(page, FMM);
  const badges = page.getByTestId('goal-badges');
  await expect(badges).toContainText('Off track');
  await expect(chartPoints(page, FMM)).toHaveCount(4);

  // The one form on the page with an as-of date: recording, then editing.
  const form = page.locator('form').filter({ has: page.getByLabel('As of') });
  // Bad input is refused with a message next to the field, and nothing is recorded.
  await form.getByLabel('Value').fill('lots');
  await form.getByLabel('Source', { exact: true }).fill('Line report');
  await form.getByRole('button', { name: 'Record measurement' }).click();
  await expect(form.getByText('Enter a number, like 12.5.')).toBeVisible();
  await form.getByLabel('Value').fill('120');
  await form.getByRole('button', { name: 'Record measurement' }).click();
  await expect(form.getByText('Enter a value from 0 to 100.')).toBeVisible();
  await form.getByLabel('Value').fill('9');
  await form.getByLabel('As of').fill('2099-01-01');
  await form.getByRole('button', { name: 'Record measurement' }).click();
  await expect(form.getByText('The as-of date cannot be in the future.')).toBeVisible();
  await expect(chartPoints(page, FMM)).toHaveCount(4);

  // Today's date, 9 %: about where the trajectory says the share should be now.
  const today = new Date().toISOString().slice(0, 10);
  await form.getByLabel('As of').fill(today);
  await form.getByRole('button', { name: 'Record measurement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Measurement recorded' })).toBeVisible();
  await expect(badges).toContainText('On track');
  await expect(badges).not.toContainText('Off track');
  await expect(chartPoints(page, FMM)).toHaveCount(5);
  await expect(chartPoints(page, FMM).last()).toHaveAccessibleName(/9%$/);
  await expect(page.getByTestId('measurement-row').first()).toContainText('9%');

  // The value shows on keyboard focus, without a pointer.
  const last = chartPoints(page, FMM).last();
  await last.focus();
  await expect(last.locator('g text').last()).toBeVisible();
  await expect(last.locator('g text').last()).toHaveText('9%');

  // The member may correct their own measurement.
  await page.getByTestId('measurement-row').first().getByRole('button', { name: /^Edit/ }).click();
  await expect(page.getByRole('heading', { name: /^Edit the measurement of/ })).toBeFocused();
  await form.getByLabel('Value').fill('9.5');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('measurement-row').first()).toContainText('9.5%');
});

test('a viewer sees goals, chart and measurements but no way to change them', async ({ page }) => {
  await signIn(page, 'viewer@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await openGoal(page, 'Raise the domestic share of OLED evaporation materials');
  await expect(page.getByRole('table', { name: 'Measurements', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record measurement' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit goal' })).toHaveCount(0);
  await page.goto(`${LAB}/goals/new`);
  await expect(page.getByText('Your role in this lab does not allow this.')).toBeVisible();
});

test('a manager creates a goal linked to two milestones', async ({ page }) => {
  await signIn(page, 'manager@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await page.goto(LAB);
  await page.getByRole('navigation', { name: 'Lab sections' }).getByRole('link', { name: 'Goals' }).click();
  await page.getByRole('link', { name: 'New goal' }).first().click();
  await expect(page.getByRole('heading', { name: 'New localization goal' })).toBeVisible();

  await page.getByLabel('Title (English)').fill('Raise the domestic share of OLED driver boards');
  await page.getByLabel('Title (Chinese)').fill('提高OLED驱动板国产化率');
  await page.getByLabel('Kind of item').selectOption('component');
  await page.getByLabel('Item (English)').fill('OLED driver boards');
  await page.getByLabel('Metric (English)').fill('Domestic share of boards by value');
  await page.getByLabel('Baseline value').fill('5');
  await page.getByLabel('Baseline date').fill('2026-01-01');
  await page.getByLabel('Target value').fill('2');
  await page.getByLabel('Target date').fill('2028-12-31');
  await page.getByLabel('Owner organisation').selectOption({ label: 'Tianma Microelectronics' });
  await page.getByRole('checkbox', { name: /Domestic evaporation materials verification, round 2/ }).check();
  await page.getByRole('checkbox', { name: /Mass production with at least 30 % domestic materials/ }).check();
  await page.getByRole('button', { name: 'Create goal' }).click();
  // A target below the baseline of a goal that raises the share is refused next to the field.
  await expect(page.getByText('To raise the metric, the target must be higher than the baseline.')).toBeVisible();
  await page.getByLabel('Target value').fill('40');
  await page.getByRole('button', { name: 'Create goal' }).click();

  await expect(page).toHaveURL(/\/en\/workspace\/labs\/new-display-lab\/goals\/\d+$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Raise the domestic share of OLED driver boards' })).toBeVisible();
  await expect(page.getByTestId('goal-badges')).toContainText('No data');
  const linked = page.getByRole('list', { name: 'Linked milestones' }).getByRole('listitem');
  await expect(linked).toHaveCount(2);
  await expect(linked.nth(0)).toContainText('Domestic evaporation materials verification, round 2');
  await expect(linked.nth(1)).toContainText('Mass production with at least 30 % domestic materials');
  await expect(page.getByText('Tianma Microelectronics')).toBeVisible();

  // The lab overview lists it with its status and a small chart.
  await page.goto(LAB);
  const card = page.getByRole('list', { name: 'Localization goals' }).getByRole('listitem').filter({ hasText: 'OLED driver boards' });
  await expect(card).toContainText('No data');
  await expect(card.getByRole('img', { name: /Chart of Raise the domestic share of OLED driver boards/ })).toBeVisible();
});

test('the portfolio rolls goals up by chain and item, sorts them, and exports CSV to managers only', async ({ page, browser }) => {
  await signIn(page, 'manager@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await expect(page).toHaveURL(/\/en\/workspace\/portfolio$/);
  await page.getByRole('navigation', { name: 'Portfolio views' }).getByRole('link', { name: 'Goals' }).click();
  await expect(page).toHaveURL(/\/en\/workspace\/portfolio\/goals$/);
  await expect(page.getByRole('heading', { name: 'OLED display' })).toBeVisible();
  const table = page.getByRole('table', { name: 'OLED display' });
  await expect(table.getByRole('rowgroup').filter({ hasText: 'Fine metal masks' })).toBeVisible();

  await table.getByRole('link', { name: /^Goal/ }).click();
  await expect(page).toHaveURL(/sort=goal&dir=asc/);
  await page.getByRole('link', { name: 'One list' }).click();
  const titles = await page.getByRole('table', { name: 'Goals across labs' }).locator('tbody th a').allTextContents();
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

  const csv = await page.request.get('/api/export/goals.csv?locale=en');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const body = await csv.text();
  expect(body.split('\r\n')[0]).toMatch(/^\uFEFF?Lab,Industrial chain,Goal,/);
  expect(body).toContain('Raise the domestic share of OLED evaporation materials');
  expect(body).not.toContain('Automotive steel');
  const measurements = await page.request.get('/api/export/measurements.csv?locale=zh-CN');
  expect(await measurements.text()).toMatch(/^\uFEFF?实验室,目标,截至日期,数值/);

  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await signIn(memberPage, 'member@demo.local');
  await expect(memberPage).toHaveURL(/\/en\/workspace$/);
  await memberPage.goto('/en/workspace/portfolio/goals');
  await expect(memberPage.getByRole('heading', { name: 'Goals across labs' })).toBeVisible();
  await expect(memberPage.getByRole('link', { name: 'Goals (CSV)' })).toHaveCount(0);
  expect((await memberPage.request.get('/api/export/goals.csv')).status()).toBe(403);
  await member.close();
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get('/api/export/goals.csv')).status()).toBe(401);
  await anonymous.close();
});

test('the goal page prints the chart and measurements without the forms', async ({ page }) => {
  await signIn(page, 'manager@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await openGoal(page, 'Raise the domestic share of OLED evaporation materials');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('group', { name: 'Raise the domestic share of OLED evaporation materials' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record measurement' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Edit goal' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Measurements', exact: true })).toBeVisible();
});
