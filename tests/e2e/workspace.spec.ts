import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInAs } from './helpers';

const LAB = '/en/workspace/labs/new-display-lab';
const UPDATE_TEXT = 'Workspace check: LTPO mura tuning finished on line 2.';

/** Chooses the option whose text starts with `text` (its percent or status may have changed in earlier tests). */
async function chooseOption(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

function quickLog(page: Page) {
  return page.getByRole('region', { name: 'Log progress' });
}

test('a member logs an update, milestone progress and a figure from the workspace; the manager sees all three in the activity feed and the status report', async ({
  browser,
}) => {
  const memberContext = await browser.newContext();
  const page = await memberContext.newPage();
  await signInAs(page, 'member@demo.local');
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await expect(page.getByRole('heading', { name: 'Needs your attention' })).toBeVisible();
  const log = quickLog(page);

  // An update linked to a milestone and a goal.
  await log.getByRole('button', { name: 'Update' }).click();
  await log.getByLabel('What happened?').fill(UPDATE_TEXT);
  await log.getByText('On track', { exact: true }).click();
  await log.getByText(/Link milestones and goals/).click();
  await log.getByLabel('LTPO backplane process verification').check();
  await log.getByLabel('Qualify domestic fine metal masks').check();
  await log.getByRole('button', { name: 'Post update' }).click();
  // Each form of the card keeps its own status region in the page (issue 24.2): the composer's says it.
  await expect(log.getByRole('status').filter({ hasText: 'Your update is posted.' })).toHaveCount(1);

  // The milestone's percent complete.
  await log.getByRole('button', { name: 'Milestone', exact: true }).click();
  await chooseOption(log.getByLabel('Milestone', { exact: true }), 'LTPO backplane process verification');
  await log.getByRole('spinbutton', { name: 'Percent complete' }).fill('85');
  await log.getByRole('button', { name: 'Save progress' }).click();
  await expect(log.getByText('Progress saved.')).toBeVisible();
  await expect(log.getByLabel('Milestone', { exact: true }).locator('option:checked')).toHaveText(
    'LTPO backplane process verification (85 %)',
  );

  // A measurement of the goal.
  await log.getByRole('button', { name: 'Figure' }).click();
  await chooseOption(log.getByLabel('Goal', { exact: true }), 'Qualify domestic fine metal masks');
  await log.getByLabel('Value').fill('3.5');
  await log.getByLabel('Source', { exact: true }).fill('Line report, week 48');
  // The goal is public: the form says what reaches its public page at once, and what waits (decision 017).
  await expect(log.getByText(/This goal is public: the value and date appear on its public page as soon as you save/)).toBeVisible();
  await log.getByRole('button', { name: 'Record measurement' }).click();
  await expect(
    log
      .getByRole('status')
      .filter({ hasText: 'Measurement recorded. The value is on the public page; its source appears there once a manager approves it.' }),
  ).toHaveCount(1);
  await expect(log.getByText(/Latest figure: 3\.5%/)).toBeVisible();

  // All of it without leaving the page.
  await expect(page).toHaveURL(/\/en\/workspace$/);
  await memberContext.close();

  const context = await browser.newContext();
  const manager = await context.newPage();
  await signInAs(manager, 'manager@demo.local');
  const labCard = manager
    .getByRole('listitem')
    .filter({ has: manager.getByRole('link', { name: 'New Display Technology Joint Laboratory' }) });
  await expect(labCard.getByText(`Zhang Min created update “${UPDATE_TEXT}”`)).toBeVisible();

  await manager.goto(`${LAB}/activity`);
  await expect(manager.getByText(`Zhang Min created update “${UPDATE_TEXT}”`)).toBeVisible();
  await expect(
    manager
      .getByRole('listitem')
      .filter({ hasText: 'Zhang Min updated the progress of milestone “LTPO backplane process verification”' })
      .filter({ hasText: '85%' }),
  ).toBeVisible();
  await expect(
    manager
      .getByRole('listitem')
      .filter({ hasText: 'Zhang Min created measurement “Qualify domestic fine metal masks”' })
      .filter({ hasText: '3.5' }),
  ).toBeVisible();

  await manager.getByRole('link', { name: 'Report', exact: true }).click();
  await expect(manager.getByRole('heading', { name: /^Status report, / })).toBeVisible();
  const updates = manager.getByRole('region', { name: 'Updates' });
  await expect(updates.getByText(UPDATE_TEXT)).toBeVisible();
  await expect(
    manager.getByRole('table', { name: 'Progress on milestones' }).getByRole('row', { name: /LTPO backplane process verification/ }),
  ).toContainText('→ 85 %');
  await expect(
    manager.getByRole('table', { name: 'Localization goals' }).getByRole('row', { name: /Qualify domestic fine metal masks/ }),
  ).toContainText('3.5%');

  // Printed (Save as PDF), the workspace chrome and the period form are left out; the report is not.
  await manager.emulateMedia({ media: 'print' });
  await expect(manager.getByRole('navigation', { name: 'Lab sections' })).toBeHidden();
  await expect(manager.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(manager.getByRole('heading', { name: /^Status report, / })).toBeVisible();
  const pdf = await manager.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  await context.close();
});

test('the attention list opens the right form on the right record, by keyboard', async ({ page }) => {
  await signInAs(page, 'member@demo.local');
  const button = page.getByRole('button', { name: 'Log progress of Domestic fine metal mask pilot trial' });
  await button.focus();
  await page.keyboard.press('Enter');
  const select = quickLog(page).getByLabel('Milestone', { exact: true });
  await expect(select).toBeFocused();
  await expect(select.locator('option:checked')).toContainText('Domestic fine metal mask pilot trial');
  await expect(quickLog(page).getByRole('button', { name: 'Save progress' })).toBeVisible();
});

test('a stale quick progress is refused with the conflict message and a way to reload', async ({ browser }) => {
  const a = await browser.newContext();
  const pageA = await a.newPage();
  await signInAs(pageA, 'member@demo.local');
  const log = quickLog(pageA);
  await log.getByRole('button', { name: 'Milestone', exact: true }).click();
  await chooseOption(log.getByLabel('Milestone', { exact: true }), 'Domestic evaporation materials verification, round 2');

  // Meanwhile the manager saves progress on the same milestone.
  const b = await browser.newContext();
  const pageB = await b.newPage();
  await signInAs(pageB, 'manager@demo.local');
  const other = quickLog(pageB);
  await other.getByRole('button', { name: 'Milestone', exact: true }).click();
  await chooseOption(other.getByLabel('Milestone', { exact: true }), 'Domestic evaporation materials verification, round 2');
  await other.getByRole('spinbutton', { name: 'Percent complete' }).fill('30');
  await other.getByRole('button', { name: 'Save progress' }).click();
  await expect(other.getByText('Progress saved.')).toBeVisible();
  await b.close();

  await log.getByRole('spinbutton', { name: 'Percent complete' }).fill('25');
  await log.getByRole('button', { name: 'Save progress' }).click();
  await expect(log.getByRole('alert')).toContainText('Someone else saved a change while you were editing.');
  await log.getByRole('button', { name: 'Reload' }).click();
  await expect(log.getByRole('spinbutton', { name: 'Percent complete' })).toHaveValue('30');

  // The reloaded version saves, and so does a second change right after it (the form has the new version).
  const percent = log.getByRole('spinbutton', { name: 'Percent complete' });
  await percent.fill('35');
  await log.getByRole('button', { name: 'Save progress' }).click();
  await expect(log.getByText('Progress saved.')).toBeVisible();
  await expect(log.getByRole('option', { name: 'Domestic evaporation materials verification, round 2 (35 %)' })).toBeAttached();
  await percent.fill('40');
  await log.getByRole('button', { name: 'Save progress' }).click();
  await expect(log.getByRole('option', { name: 'Domestic evaporation materials verification, round 2 (40 %)' })).toBeAttached();
  await expect(log.getByRole('alert')).toHaveCount(0);
  await a.close();
});

test('a viewer reads the workspace and the report but gets no logging forms; a bad period is explained next to its field', async ({
  page,
}) => {
  await signInAs(page, 'viewer@demo.local');
  await expect(page.getByRole('heading', { name: 'Needs your attention' })).toBeVisible();
  await expect(quickLog(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Log progress of/ })).toHaveCount(0);
  await expect(page.getByText('Your role: Viewer')).toBeVisible();

  await page.goto(`${LAB}/report`);
  await page.getByLabel('From', { exact: true }).fill('2026-05-10');
  await page.getByLabel('To', { exact: true }).fill('2026-05-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/from=2026-05-10&to=2026-05-01/);
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The end date is before the start date.')).toBeVisible();
  await page.getByRole('link', { name: 'Last month' }).click();
  await expect(page.getByRole('heading', { name: /^Status report, / })).toBeVisible();
});
