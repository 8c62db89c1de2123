import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { startSmtpCapture } from '../helpers/smtp';
import { DEMO_PASSWORD } from './helpers';
import { startServer, stopServer, waitUntilUp } from './server-process';

// Where mail is configured, an invitation link goes only to the invitee's mailbox (decision 018):
// the manager is told it was mailed and never sees it; whoever opens it from the mailbox gets an
// account whose address counts as confirmed. A server of this test's own, with a real SMTP server.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 4;
const BASE = `http://localhost:${PORT}`;
const DATA = `data/e2e-mail-${PORT}`;

test('a manager’s invitation is mailed to the invitee only, and the account made from it counts as confirmed', async ({ browser }) => {
  test.setTimeout(180_000);
  rmSync(DATA, { recursive: true, force: true });
  const smtp = await startSmtpCapture();
  const server = startServer({
    port: PORT,
    databaseUrl: `${DATA}/app.db`,
    env: { SMTP_URL: smtp.url, NEXTAUTH_URL: BASE, MAIL_FROM: 'Consortium Tracker <tracker@example.org>' },
  });
  try {
    await waitUntilUp(PORT);
    const managerContext = await browser.newContext({ baseURL: BASE });
    const manager = await managerContext.newPage();
    await manager.goto('/en/signin');
    await manager.getByLabel('Email').fill('manager@demo.local');
    await manager.getByLabel('Password').fill(DEMO_PASSWORD);
    await manager.getByRole('button', { name: 'Sign in' }).click();
    await manager.waitForURL(/\/en\/workspace/);

    await manager.goto('/en/workspace/labs/new-display-lab/members');
    await manager.getByLabel('Email').fill('gao.min@example.cn');
    await manager.getByLabel('Role', { exact: true }).selectOption({ label: 'Viewer' });
    await manager.getByRole('button', { name: 'Create invitation' }).click();
    await expect(manager.getByText('The link was mailed to gao.min@example.cn, and only there: nobody else sees it.')).toBeVisible();
    await expect(manager.getByTestId('copy-link')).toHaveCount(0);

    await expect.poll(() => smtp.linkTo('gao.min@example.cn', '/invite/'), { timeout: 10_000 }).toBeTruthy();
    const mailed = smtp.received.find((m) => m.to.includes('gao.min@example.cn'))!;
    expect(mailed.subject).toBe('Invitation to join New Display Technology Joint Laboratory on Consortium Tracker');
    const link = smtp.linkTo('gao.min@example.cn', '/invite/')!;
    // Nothing the manager's browser received holds the link.
    expect(await manager.content()).not.toContain(link);

    const inviteeContext = await browser.newContext({ baseURL: BASE });
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { name: 'Join New Display Technology Joint Laboratory' })).toBeVisible();
    await expect(invitee.getByText(/whoever holds it can create the account/)).toHaveCount(0);
    await invitee.getByLabel('Your full name').fill('Gao Min');
    await invitee.getByLabel('New password', { exact: true }).fill('fine metal mask tension');
    await invitee.getByLabel('New password again').fill('fine metal mask tension');
    await invitee.getByRole('button', { name: 'Create account and join' }).click();
    await expect(invitee).toHaveURL(/\/en\/workspace\/labs\/new-display-lab$/);

    await manager.reload();
    const row = manager
      .getByRole('list', { name: /Members/ })
      .getByRole('listitem')
      .filter({ hasText: 'Gao Min' });
    await expect(row).toBeVisible();
    await expect(row).not.toContainText('Address not confirmed');
    await invitee.goto('/en/account');
    await expect(invitee.getByText('Address confirmed')).toBeVisible();
    await managerContext.close();
    await inviteeContext.close();
  } finally {
    await stopServer(server);
    await smtp.close();
  }
});
