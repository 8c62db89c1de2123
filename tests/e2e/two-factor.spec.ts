import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { generateSync } from 'otplib';
import { E2E_PORT } from '@/playwright.config';
import { DEMO_PASSWORD, signIn, signInAs } from './helpers';

// Two-factor authentication as people meet it (issue 21, decision 026): turning TOTP on from the
// secret the page shows, signing in with password and code, wrong codes refused and throttled,
// recovery codes used once, other sessions ended, and a lab that requires it.

const FILE = `data/e2e-${E2E_PORT}/app.db`;

/**
 * A new account with the demo password (and, given a lab, a membership in it), written straight
 * into the server's database: these tests turn two-factor on for it, which no other test expects.
 */
function createAccount(email: string, membership?: { labSlug: string; role: 'member' | 'manager' | 'viewer' }) {
  const db = new Database(FILE);
  try {
    const { password_hash } = db.prepare(`select password_hash from users where email = 'member@demo.local'`).get() as { password_hash: string };
    const { id } = db.prepare(`insert into users (email, name, password_hash) values (?, ?, ?) returning id`).get(email, email.split('@')[0], password_hash) as {
      id: number;
    };
    if (membership) {
      const lab = db.prepare(`select id from labs where slug = ?`).get(membership.labSlug) as { id: number };
      db.prepare(`insert into memberships (lab_id, user_id, role) values (?, ?, ?)`).run(lab.id, id, membership.role);
    }
  } finally {
    db.close();
  }
}

/** What the authenticator app shows now, or `ahead` periods later (codes of the next period are accepted too). */
function codeFor(secret: string, ahead = 0) {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + ahead * 30 });
}

async function turnOnTwoFactor(page: Page): Promise<{ secret: string; codes: string[] }> {
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel('Code from the app').fill(codeFor(secret));
  await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
  await expect(page.getByText('Your recovery codes')).toBeVisible();
  const codes = (await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents()).map((c) => c.trim());
  return { secret, codes };
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

async function signOut(page: Page) {
  await page.goto('/en/signout');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/labs$/);
}

test('TOTP: turned on from the shown secret, asked after the password, wrong codes refused and throttled, recovery codes good once, the other browser signed out', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = 'totp.person@example.org';
  createAccount(email);
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await signInAs(laptop, email);
  await signInAs(phone, email);

  await laptop.goto('/en/account');
  await laptop.getByRole('link', { name: 'Manage two-factor authentication' }).click();
  await expect(laptop).toHaveURL(/\/en\/account\/two-factor$/);
  const { secret, codes } = await turnOnTwoFactor(laptop);
  expect(codes).toHaveLength(10);
  await laptop.getByRole('button', { name: 'I have saved my recovery codes' }).click();
  await expect(laptop.getByText('10 recovery codes left.')).toBeVisible();
  // The secret is not shown again once set-up is done.
  expect(await laptop.content()).not.toContain(secret);

  // This browser stays signed in; the other one's session ended when two-factor was turned on.
  await laptop.goto('/en/workspace');
  await expect(laptop).toHaveURL(/\/en\/workspace$/);
  await phone.goto('/en/workspace');
  await expect(phone).toHaveURL(/\/en\/signin/);
  expect((await phone.request.get('/api/trpc/me.get')).status()).toBe(401);

  // Password alone: the second step is asked for, and no session exists yet.
  await signOut(laptop);
  await signIn(laptop, email);
  await expect(laptop.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  // The code field starts empty (it once kept the typed password, shown in clear text).
  await expect(laptop.getByLabel('Code')).toHaveValue('');
  expect((await laptop.request.get('/api/trpc/me.get')).status()).toBe(401);
  const wrong = codeFor(secret) === '000000' ? '111111' : '000000';
  await enterCode(laptop, wrong);
  await expect(laptop.getByText('That code is not correct.')).toBeVisible();
  expect((await laptop.request.get('/api/trpc/me.get')).status()).toBe(401);
  await enterCode(laptop, codeFor(secret, 1));
  await expect(laptop).toHaveURL(/\/en\/workspace$/);

  // A recovery code signs in once.
  await signOut(laptop);
  await signIn(laptop, email);
  await enterCode(laptop, codes[0]!);
  await expect(laptop).toHaveURL(/\/en\/workspace$/);
  await signOut(laptop);
  await signIn(laptop, email);
  await enterCode(laptop, codes[0]!);
  await expect(laptop.getByText('That code is not correct.')).toBeVisible();

  // Wrong codes count like wrong passwords: after ten, even the right code waits.
  for (let i = 0; i < 9; i++) {
    await enterCode(laptop, wrong);
    await expect(laptop.getByRole('button', { name: 'Verify' })).toBeEnabled();
  }
  await enterCode(laptop, codes[1]!);
  await expect(laptop.getByText(/Too many sign-in attempts/)).toBeVisible();
  expect((await laptop.request.get('/api/trpc/me.get')).status()).toBe(401);
  await laptop.context().close();
  await phone.context().close();
});

test('a lab that requires two-factor sends a member without it to the set-up page and lets nothing else through, tRPC included', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = 'required.member@example.org';
  createAccount(email, { labSlug: 'key-equipment-consortium', role: 'member' });
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, 'admin@demo.local');
  const setRequirement = async (label: string) => {
    await admin.goto('/en/workspace/labs/key-equipment-consortium/settings');
    await admin.getByLabel('Two-factor authentication required for').selectOption({ label });
    await admin.getByRole('button', { name: 'Save' }).last().click();
    await expect(admin.getByText(/^Saved\. People it now applies to/)).toBeVisible();
  };
  await setRequirement('Everyone');
  try {
    const member = await (await browser.newContext()).newPage();
    await signIn(member, email);
    await member.waitForURL(/\/en\/account\/two-factor$/);
    await expect(member.getByText('Key Equipment Localization Consortium requires two-factor authentication.')).toBeVisible();
    for (const path of ['/en/workspace', '/en/workspace/labs/key-equipment-consortium', '/en/account', '/en/workspace/portfolio']) {
      await member.goto(path);
      await expect(member, path).toHaveURL(/\/en\/account\/two-factor$/);
    }
    expect((await member.request.get('/api/trpc/me.get')).status()).toBe(403);
    const overview = await member.request.get('/api/trpc/workspace.overview');
    expect(overview.status()).toBe(403);
    expect(await overview.text()).toContain('Set up two-factor authentication first');
    expect(await overview.text()).not.toContain('Key Equipment');
    expect((await member.request.get('/api/labs/key-equipment-consortium/milestones.csv')).status()).toBe(401);
    expect((await member.request.get('/api/trpc/twoFactor.status')).status()).toBe(200);

    await turnOnTwoFactor(member);
    await member.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await member.goto('/en/workspace/labs/key-equipment-consortium');
    await expect(member).toHaveURL(/\/en\/workspace\/labs\/key-equipment-consortium$/);
    expect((await member.request.get('/api/trpc/me.get')).status()).toBe(200);
    // Required here, so it cannot be turned off.
    await member.goto('/en/account/two-factor');
    await expect(member.getByText('it cannot be turned off')).toBeVisible();
    await member.context().close();
  } finally {
    await setRequirement('Nobody (each person chooses)');
    await admin.context().close();
  }
});

test('the second step is in Chinese too', async ({ page }) => {
  const email = 'totp.zh@example.org';
  createAccount(email);
  await signInAs(page, email, 'zh-CN');
  await page.goto('/zh-CN/account/two-factor');
  await page.getByRole('button', { name: '设置双重验证' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel('应用中的验证码').fill(codeFor(secret));
  await page.getByRole('button', { name: '开启双重验证' }).click();
  await expect(page.getByText('你的恢复码')).toBeVisible();
  await page.goto('/zh-CN/signout');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/zh-CN\/labs$/);
  await signIn(page, email, DEMO_PASSWORD, 'zh-CN');
  await expect(page.getByText('请输入身份验证器应用中的 6 位验证码，或一个恢复码。')).toBeVisible();
  await page.getByLabel('验证码').fill(codeFor(secret, 1));
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page).toHaveURL(/\/zh-CN\/workspace$/);
});

test('a passkey added through Chromium’s virtual authenticator confirms a sign-in instead of a code', async ({ page }) => {
  test.setTimeout(150_000);
  const email = 'passkey.person@example.org';
  createAccount(email);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await signInAs(page, email);
  await page.goto('/en/account/two-factor');
  await turnOnTwoFactor(page);
  await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
  await expect(page.getByText('No passkeys or security keys yet.')).toBeVisible();

  await page.getByLabel('Name of the key').fill('Work laptop');
  await page.getByRole('button', { name: 'Add a passkey or security key' }).click();
  await expect(page.getByText('Added.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Passkeys and security keys' }).getByText('Work laptop')).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);

  await signOut(page);
  await signIn(page, email);
  await page.getByRole('button', { name: 'Use a passkey or security key' }).click();
  await expect(page).toHaveURL(/\/en\/workspace$/);
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(after.credentials[0]!.signCount).toBeGreaterThan(credentials[0]!.signCount);

  // Without the key, the passkey step fails and says so; no session.
  await signOut(page);
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await signIn(page, email);
  await page.getByRole('button', { name: 'Use a passkey or security key' }).click();
  await expect(page.getByText('The passkey or security key was not accepted.')).toBeVisible({ timeout: 70_000 });
  expect((await page.request.get('/api/trpc/me.get')).status()).toBe(401);
});
