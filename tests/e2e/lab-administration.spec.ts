import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn as signInOnly } from './helpers';

/** Signs in and waits until the session is there, so the next navigation is signed in. */
async function signIn(page: Page, email: string, password?: string) {
  await signInOnly(page, email, password);
  await expect(page).toHaveURL(/\/en\/workspace$/);
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The link a copy-link field offers, once the browser has filled in its origin. */
async function copiedLink(page: Page): Promise<string> {
  const field = page.getByTestId('copy-link');
  await expect(field).toHaveValue(/^http:\/\/.+\/(invite|reset)\/[A-Za-z0-9_-]{40,}$/);
  return field.inputValue();
}

test('an admin creates a lab for a manager, who invites a new person and publishes the lab', async ({ page, browser }) => {
  // The admin creates the lab and names its first manager.
  await signIn(page, 'admin@demo.local');
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'All labs' })).toBeVisible();
  await page.getByRole('link', { name: 'New lab' }).click();
  await page.getByLabel('Name in English').fill('Solid-State Battery Joint Lab');
  await page.getByLabel('Name in Chinese').fill('固态电池联合实验室');
  await expect(page.getByLabel('Web address')).toHaveValue('solid-state-battery-joint-lab');
  await page.getByLabel('Objective in English').fill('Bring sulfide solid electrolytes from pilot lines to mass production.');
  await page.getByLabel('Industrial chain in English').fill('Power batteries');
  await page.getByLabel('Sector').selectOption({ label: 'New energy' });
  await page.getByLabel('Stage').selectOption({ label: 'Pilot' });
  await page.getByLabel('Start date').fill('2026-01-01');
  await page.getByLabel('Manager’s email').fill('equipment@demo.local');
  await page.getByRole('button', { name: 'Create lab' }).click();
  await expect(page.getByText('The lab was created.')).toBeVisible();
  await expect(page.getByText('Wang Jun (equipment@demo.local) is its manager')).toBeVisible();

  // The manager invites a new person and copies the link.
  const manager = await newPage(browser);
  await signIn(manager, 'equipment@demo.local');
  await manager.getByRole('link', { name: 'Solid-State Battery Joint Lab' }).click();
  await expect(manager).toHaveURL(/\/en\/workspace\/labs\/solid-state-battery-joint-lab$/);
  await expect(manager.getByText('Your role: Manager')).toBeVisible();
  await manager.getByRole('link', { name: 'Members' }).click();
  await manager.getByLabel('Email').fill('liu.yang@example.cn');
  await manager.getByLabel('Role', { exact: true }).selectOption({ label: 'Member' });
  await manager.getByRole('button', { name: 'Create invitation' }).click();
  await expect(manager.getByText('Invitation for liu.yang@example.cn created.')).toBeVisible();
  const link = await copiedLink(manager);
  await expect(manager.getByRole('list', { name: /Open invitations/ })).toContainText('liu.yang@example.cn');

  // The new person opens the link, sets a name and password, and lands in the lab.
  const invitee = await newPage(browser);
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: 'Join Solid-State Battery Joint Lab' })).toBeVisible();
  // The link was handed over, not mailed: the page says what that means (decision 018).
  await expect(invitee.getByText(/whoever holds it can create the account for this address/)).toBeVisible();
  await invitee.getByLabel('Your full name').fill('Liu Yang');
  await invitee.getByLabel('New password', { exact: true }).fill('sulfide electrolyte pilot');
  await invitee.getByLabel('New password again').fill('sulfide electrolyte pilot');
  await invitee.getByRole('button', { name: 'Create account and join' }).click();
  await expect(invitee).toHaveURL(/\/en\/workspace\/labs\/solid-state-battery-joint-lab$/);
  await expect(invitee.getByRole('heading', { level: 1 })).toContainText('Solid-State Battery Joint Lab');
  await expect(invitee.getByText('Your role: Member')).toBeVisible();

  // The link works once.
  const stranger = await newPage(browser);
  await stranger.goto(link);
  await expect(stranger.getByRole('heading', { name: 'This invitation has already been used' })).toBeVisible();

  // Nobody proved the address is Liu Yang's: the member list, the admin's user list and their own account say so.
  await manager.reload();
  const listed = manager
    .getByRole('list', { name: /Members/ })
    .getByRole('listitem')
    .filter({ hasText: 'Liu Yang' });
  await expect(listed).toContainText('Address not confirmed');
  await expect(
    manager
      .getByRole('list', { name: /Members/ })
      .getByRole('listitem')
      .filter({ hasText: 'Wang Jun' }),
  ).not.toContainText('Address not confirmed');
  await page.goto('/en/admin/users?q=liu.yang');
  await expect(page.getByRole('listitem').filter({ hasText: 'liu.yang@example.cn' })).toContainText('Address not confirmed');
  await invitee.goto('/en/account');
  await expect(invitee.getByText('Address not confirmed')).toBeVisible();
  await expect(invitee.getByText(/This installation does not send mail yet, so the address cannot be confirmed here/)).toBeVisible();

  // The manager makes the lab public, after being told what becomes public.
  await manager.getByRole('link', { name: 'Settings' }).click();
  await manager.getByRole('link', { name: 'Visibility' }).click();
  await manager.getByRole('button', { name: 'Make public…' }).click();
  const dialog = manager.getByRole('dialog', { name: 'Make this lab public?' });
  await expect(dialog).toContainText('anyone can read, without signing in');
  await dialog.getByRole('button', { name: 'Make public', exact: true }).click();
  await expect(manager.getByRole('button', { name: 'Make private…' })).toBeVisible();

  // The public directory lists it for anyone.
  await stranger.goto('/en/labs');
  await expect(stranger.getByRole('heading', { name: /Solid-State Battery Joint Lab/ })).toBeVisible();
});

test('bad input in the new-lab form is refused next to each field, and nothing is saved', async ({ page }) => {
  await signIn(page, 'admin@demo.local');
  await page.goto('/en/admin/labs/new');
  await page.getByLabel('Name in English').fill('Duplicate Display Lab');
  await page.getByLabel('Web address').fill('new-display-lab');
  await page.getByLabel('Industrial chain in English').fill('OLED display');
  await page.getByLabel('Start date').fill('2026-05-01');
  await page.getByLabel('End date').fill('2026-04-01');
  await page.getByLabel('Manager’s email').fill('not an email');
  await page.getByRole('button', { name: 'Create lab' }).click();
  await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();
  await expect(page.getByText('The end date cannot be before the start date.')).toBeVisible();
  await expect(page.getByLabel('Manager’s email')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('End date').fill('2027-04-01');
  await page.getByLabel('Manager’s email').fill('equipment@demo.local');
  await page.getByRole('button', { name: 'Create lab' }).click();
  await expect(page.getByText('Another lab already uses this web address. Choose a different one.')).toBeVisible();
  await expect(page.getByLabel('Web address')).toHaveAttribute('aria-invalid', 'true');

  await page.goto('/en/admin/labs?q=Duplicate');
  await expect(page.getByText('No lab matches “Duplicate”')).toBeVisible();
});

test('a new account sets its password by link; changing it later keeps this session and ends the others', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.local');
  await page.goto('/en/admin/users/new');
  await page.getByLabel('Email').fill('zhao.lei@example.cn');
  await page.getByLabel('Full name').fill('Zhao Lei');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('The account for zhao.lei@example.cn was created.')).toBeVisible();
  const link = await copiedLink(page);

  // The owner sets a password with the link and is signed in.
  const first = await newPage(browser);
  await first.goto(link);
  await expect(first.getByText('For the account zhao.lei@example.cn.')).toBeVisible();
  await first.getByLabel('New password', { exact: true }).fill('first long passphrase');
  await first.getByLabel('New password again').fill('first long passphrase');
  await first.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(first).toHaveURL(/\/en\/workspace$/);

  // A second browser signs in too.
  const second = await newPage(browser);
  await signIn(second, 'zhao.lei@example.cn', 'first long passphrase');

  // The first browser changes the password: it stays signed in, the second is signed out.
  await first.goto('/en/account');
  await first.getByLabel('Current password').fill('first long passphrase');
  await first.getByLabel('New password', { exact: true }).fill('second long passphrase');
  await first.getByLabel('New password again').fill('second long passphrase');
  await first.getByRole('button', { name: 'Change password' }).click();
  await expect(first.getByText('Your password was changed. Every other session was signed out.')).toBeVisible();
  await first.goto('/en/workspace');
  await expect(first).toHaveURL(/\/en\/workspace$/);
  await expect(first.getByRole('heading', { name: 'My labs' })).toBeVisible();
  await second.goto('/en/workspace');
  await expect(second).toHaveURL(/\/en\/signin/);

  // The reset link was used up when the password was set.
  await second.goto(link);
  await expect(second.getByRole('heading', { name: 'This link has already been used' })).toBeVisible();
});

test('a viewer sees the member list but no settings, and an outsider cannot reach either', async ({ page }) => {
  await signIn(page, 'viewer@demo.local');
  await page.goto('/en/workspace/labs/new-display-lab/members');
  await expect(page.getByRole('list', { name: /Members/ })).toContainText('Li Wei');
  await expect(page.getByRole('button', { name: 'Create invitation' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await page.goto('/en/workspace/labs/new-display-lab/settings/visibility');
  await expect(page.getByText('Only lab managers can change settings')).toBeVisible();
  await page.goto('/en/admin/users');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  await signIn(page, 'steel@demo.local');
  await page.goto('/en/workspace/labs/new-display-lab/members');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('an admin disables an account: its open session stops at the next page, and it cannot sign in', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.local');
  await page.goto('/en/admin/users/new');
  await page.getByLabel('Email').fill('sun.li@example.cn');
  await page.getByLabel('Full name').fill('Sun Li');
  await page.getByRole('button', { name: 'Create user' }).click();
  const link = await copiedLink(page);

  const person = await newPage(browser);
  await person.goto(link);
  await person.getByLabel('New password', { exact: true }).fill('river stones and moss');
  await person.getByLabel('New password again').fill('river stones and moss');
  await person.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(person).toHaveURL(/\/en\/workspace$/);

  await page.goto('/en/admin/users?q=sun.li');
  await page.getByRole('button', { name: 'Disable' }).click();
  await page.getByRole('dialog', { name: 'Disable Sun Li’s account?' }).getByRole('button', { name: 'Disable account' }).click();
  await expect(page.getByText('Disabled', { exact: true })).toBeVisible();

  await person.goto('/en/workspace');
  await expect(person).toHaveURL(/\/en\/signin/);
  await signInOnly(person, 'sun.li@example.cn', 'river stones and moss');
  await expect(person.locator('form').getByRole('alert')).toHaveText('The email or password is not correct. Check both and try again.');
});
