import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { startSmtpCapture } from '../helpers/smtp';
import { signInAs } from './helpers';
import { startServer, stopServer, waitUntilUp } from './server-process';

// A mail server that is away for a while (decision 028): the manager is told the invitation mail
// is delayed, not lost; the admin's Jobs page shows it queued with the server's answer; once the
// mail server takes mail again, a server process sends it on its next attempt, and the link works.
// A server of this test's own (two processes), with a real SMTP server.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const BASE = `http://localhost:${PORT}`;
const DATA = `data/e2e-jobs-${PORT}`;

test('an invitation mail the mail server defers is retried by the job runner and shown to the admin meanwhile', async ({ browser }) => {
  test.setTimeout(240_000);
  rmSync(DATA, { recursive: true, force: true });
  const smtp = await startSmtpCapture();
  smtp.deferMail();
  const server = startServer({
    port: PORT,
    databaseUrl: `${DATA}/app.db`,
    env: { SMTP_URL: smtp.url, NEXTAUTH_URL: BASE, WEB_CONCURRENCY: '2', MAIL_FROM: 'Consortium Tracker <tracker@example.org>' },
  });
  try {
    await waitUntilUp(PORT);
    const managerContext = await browser.newContext({ baseURL: BASE });
    const manager = await managerContext.newPage();
    await signInAs(manager, 'manager@demo.local');
    await manager.goto('/en/workspace/labs/new-display-lab/members');
    await manager.getByLabel('Email').fill('zhou.lan@example.cn');
    await manager.getByLabel('Role', { exact: true }).selectOption({ label: 'Viewer' });
    await manager.getByRole('button', { name: 'Create invitation' }).click();
    await expect(manager.getByText(/The mail server did not take the mail to zhou\.lan@example\.cn yet/)).toBeVisible();
    await manager.screenshot({ path: 'test-results/jobs-invite-delayed.png', fullPage: true });

    const adminContext = await browser.newContext({ baseURL: BASE, viewport: { width: 1100, height: 900 } });
    const admin = await adminContext.newPage();
    await signInAs(admin, 'admin@demo.local');
    await admin.goto('/en/admin/jobs');
    const pending = admin.getByRole('list', { name: 'Queued and running' });
    await expect(pending.getByRole('listitem').filter({ hasText: 'Invitation mail' })).toContainText('451');
    await expect(admin.getByText('Mail is on')).toBeVisible();
    await admin.screenshot({ path: 'test-results/jobs-admin-queued.png', fullPage: true });
    expect(smtp.received).toEqual([]);

    // The mail server is back: the next attempt (30 s after the first) goes through, once.
    smtp.acceptMail();
    await expect.poll(() => smtp.linkTo('zhou.lan@example.cn', '/invite/'), { timeout: 90_000, intervals: [2_000] }).toBeTruthy();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(smtp.received.filter((m) => m.to.includes('zhou.lan@example.cn'))).toHaveLength(1);
    const invitee = await (await browser.newContext({ baseURL: BASE })).newPage();
    await invitee.goto(smtp.linkTo('zhou.lan@example.cn', '/invite/')!);
    await expect(invitee.getByRole('heading', { name: 'Join New Display Technology Joint Laboratory' })).toBeVisible();

    await admin.reload();
    await expect(admin.getByRole('list', { name: 'Queued and running' })).toHaveCount(0);
    await expect(admin.getByText('Nothing is waiting.')).toBeVisible();
    await expect(admin.locator('dt', { hasText: 'Invitation mail' })).toBeVisible();

    // In Chinese, on a phone.
    await admin.setViewportSize({ width: 360, height: 800 });
    await admin.goto('/zh-CN/admin/jobs');
    await expect(admin.getByRole('heading', { name: '后台任务' }).first()).toBeVisible();
    await admin.screenshot({ path: 'test-results/jobs-admin-zh.png', fullPage: true });
    await managerContext.close();
    await adminContext.close();
  } finally {
    await stopServer(server);
    await smtp.close();
  }
});
