import { expect, test, type Page } from '@playwright/test';
import { signIn as signInOnly } from './helpers';

// Dates relative to the day the e2e database was seeded (today), as ISO strings.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const TIMELINE = '/en/workspace/labs/new-display-lab/timeline';

/** Signs in and waits until the session is established (the workspace has opened). */
async function signIn(page: Page, email: string) {
  await signInOnly(page, email);
  await expect(page).toHaveURL(/\/en\/workspace$/);
}

async function openMilestone(page: Page, title: string) {
  await page.getByRole('link', { name: new RegExp(`^${title}\\.`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

async function createMilestone(page: Page, title: string, start: string, finish: string) {
  await page.getByRole('link', { name: 'New milestone' }).click();
  const form = page.getByRole('form', { name: 'New milestone' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Phase').selectOption({ label: 'Pilot' });
  await form.getByLabel('Owning organisation').selectOption({ label: 'Tianma Microelectronics' });
  await form.getByLabel('Forecast start').fill(start);
  await form.getByLabel('Forecast finish').fill(finish);
  await form.getByRole('button', { name: 'Create milestone' }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

test('a manager plans with a dependency and a baseline, sees the conflict after a delay, reschedules and sees the slip', async ({
  page,
}) => {
  await signIn(page, 'manager@demo.local');
  await page.goto(TIMELINE);
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();

  await createMilestone(page, 'E2E test rig', day(30), day(59));
  await createMilestone(page, 'E2E field trial', day(60), day(89));

  // The field trial depends on the test rig.
  const deps = page.getByRole('form', { name: 'Add a dependency' });
  await deps.getByLabel('Milestone', { exact: true }).selectOption({ label: 'E2E test rig' });
  await deps.getByRole('button', { name: 'Add dependency' }).click();
  await expect(page.getByRole('list', { name: 'Depends on' })).toContainText('E2E test rig');

  // A cycle is refused with a message that names it.
  await page.getByRole('link', { name: 'Close details' }).click();
  await openMilestone(page, 'E2E test rig');
  await deps.getByLabel('Milestone', { exact: true }).selectOption({ label: 'E2E field trial' });
  await deps.getByRole('button', { name: 'Add dependency' }).click();
  await expect(
    deps.getByText('This dependency would close a loop: E2E field trial → E2E test rig → E2E field trial.', { exact: false }),
  ).toBeVisible();

  // Set a baseline.
  await page.getByRole('button', { name: 'Set baseline' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set a baseline' });
  await dialog.getByLabel('Name').fill('E2E approved plan');
  await dialog.getByRole('button', { name: 'Set baseline' }).click();
  await expect(page.getByText('Compared with the baseline “E2E approved plan”')).toBeVisible();

  // The test rig finishes 20 days later: the field trial now starts too early.
  await openMilestone(page, 'E2E test rig');
  await page.locator('aside').getByRole('link', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit milestone' });
  await edit.getByLabel('Forecast finish').fill(day(79));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('form', { name: 'Edit milestone' })).toBeHidden();
  await page.getByRole('link', { name: 'Close details' }).click();
  await openMilestone(page, 'E2E field trial');
  await expect(page.locator('aside').getByRole('note')).toContainText('Starts 20 days too early: “E2E test rig” allows a start on');

  // Reschedule what follows the test rig: a preview, then apply.
  await page.getByRole('link', { name: 'Close details' }).click();
  await openMilestone(page, 'E2E test rig');
  await page.locator('aside').getByRole('button', { name: 'Reschedule successors' }).click();
  const preview = page.getByRole('dialog', { name: 'Reschedule successors' });
  await expect(preview.getByRole('row', { name: /E2E field trial/ })).toContainText('+20 d');
  await preview.getByRole('button', { name: 'Apply 1 move' }).click();
  await expect(preview).toBeHidden();

  // Against the baseline both have slipped 20 days, and the conflict is gone.
  await page.getByRole('link', { name: 'Close details' }).click();
  await page.getByRole('link', { name: 'Table' }).first().click();
  const table = page.getByRole('table', { name: /Milestones with their baseline/ });
  for (const title of ['E2E test rig', 'E2E field trial']) {
    const row = table.getByRole('row', { name: new RegExp(`^${title} `) });
    await expect(row.getByRole('cell').nth(5)).toHaveText('+20 d');
    await expect(row).not.toContainText('Conflict');
  }
});

test('a member updates percent complete from the timeline', async ({ page }) => {
  await signIn(page, 'member@demo.local');
  await page.goto(TIMELINE);
  await openMilestone(page, 'Domestic fine metal mask pilot trial');
  // A member can update progress but not edit the plan.
  await expect(page.locator('aside').getByRole('link', { name: 'Edit' })).toHaveCount(0);
  const form = page.getByRole('form', { name: 'Update progress' });
  await form.getByRole('spinbutton', { name: 'Percent complete' }).fill('55');
  await form.getByRole('button', { name: 'Save progress' }).click();
  await expect(form.getByRole('status')).toHaveText('Progress saved.');
  await expect(page.getByRole('link', { name: /^Domestic fine metal mask pilot trial\./ })).toHaveAccessibleName(/55 % complete/);

  // Marking it done without an actual finish is explained next to the field.
  await form.getByLabel('Status').selectOption({ label: 'Done' });
  await form.getByLabel('Actual finish').fill('');
  await form.getByRole('button', { name: 'Save progress' }).click();
  await expect(form.getByText('A milestone marked done needs its actual finish date.')).toBeVisible();
});

test('a viewer reads the timeline and its table but gets no forms; the lab timeline works in Chinese', async ({ page }) => {
  await signIn(page, 'viewer@demo.local');
  await page.goto(`${TIMELINE}?view=table`);
  await expect(page.getByRole('table', { name: /Milestones with their baseline/ })).toContainText('LTPO backplane process verification');
  await expect(page.getByRole('link', { name: 'New milestone' })).toHaveCount(0);
  await page.getByRole('link', { name: 'LTPO backplane process verification' }).click();
  await expect(page.locator('aside')).toContainText('Viewers can read the plan.');
  await expect(page.getByRole('form', { name: 'Update progress' })).toHaveCount(0);
  await page.goto('/zh-CN/workspace/labs/new-display-lab/timeline');
  await expect(page.getByRole('heading', { name: '时间线' })).toBeVisible();
  await expect(page.getByText(/^对比基线“/)).toBeVisible();
});

test('the portfolio shows each lab the user can see, and expands a lab to its milestones', async ({ page }) => {
  await signIn(page, 'admin@demo.local');
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  const table = page.getByRole('table', { name: /Labs with their schedule health/ });
  // Other tests may add labs to the shared database; the three demo labs are always there.
  for (const name of [/New Display Technology/, /Green Low-Carbon Automotive Steel/, /Key Equipment Localization/]) {
    await expect(table.getByRole('row', { name })).toHaveCount(1);
  }
  await expect(table.getByRole('row', { name: /New Display Technology/ })).toContainText('late');
  await page.getByRole('link', { name: /^Green Low-Carbon Automotive Steel Supply Chain\..*Show its milestones/ }).click();
  await expect(page.getByRole('link', { name: /^First low-carbon steel supplied to BMW Shenyang\./ })).toBeVisible();
  await page.getByLabel('Sector').selectOption({ label: 'Steel and metallurgy' });
  await expect(table.getByRole('row', { name: /New Display Technology/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /Green Low-Carbon Automotive Steel/ })).toHaveCount(1);
});

test('two people saving progress on one milestone: the second is told and can reload without losing the first save', async ({
  browser,
}) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, 'member@demo.local');
  await signIn(second, 'manager@demo.local');
  for (const page of [first, second]) {
    await page.goto(TIMELINE);
    await openMilestone(page, 'LTPO backplane process verification');
  }
  const firstForm = first.getByRole('form', { name: 'Update progress' });
  await firstForm.getByRole('spinbutton', { name: 'Percent complete' }).fill('80');
  await firstForm.getByRole('button', { name: 'Save progress' }).click();
  await expect(firstForm.getByRole('status')).toHaveText('Progress saved.');

  const secondForm = second.getByRole('form', { name: 'Update progress' });
  await secondForm.getByRole('spinbutton', { name: 'Percent complete' }).fill('75');
  await secondForm.getByRole('button', { name: 'Save progress' }).click();
  await expect(secondForm.getByRole('alert')).toContainText('Someone else saved a change while you were editing.');
  await secondForm.getByRole('button', { name: 'Reload' }).click();
  await expect(secondForm.getByRole('spinbutton', { name: 'Percent complete' })).toHaveValue('80');
  await first.close();
  await second.close();
});

test('the timeline works by keyboard: a row opens its details with Enter, Escape closes them', async ({ page }) => {
  await signIn(page, 'viewer@demo.local');
  await page.goto(TIMELINE);
  const row = page.getByRole('link', { name: /^Custom 1\.5K OLED engineering samples\./ });
  await row.focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'Custom 1.5K OLED engineering samples' });
  await expect(heading).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(heading).toBeHidden();
  await expect(page).toHaveURL(/\/timeline$/);
});
