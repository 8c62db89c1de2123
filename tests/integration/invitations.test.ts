import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, invitations, jobs, memberships, organisations, users } from '@/db/schema';
import { JOB_HANDLERS } from '@/server/services/job-handlers';
import { backoffMs, createJobRunner } from '@/server/services/jobs';
import { verifyPassword } from '@/server/password';
import { LINK_MAIL_ATTEMPTS, setMailerForTests } from '@/server/services/mail';
import { hashSecretToken } from '@/server/services/tokens';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { startSmtpServer } from '../helpers/mail';
import { httpCall } from '../helpers/http';
import { addOutsider, errorCode, errorOf, expectRefusals, LAB_MANAGER_RULE } from '../helpers/roles';

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  addOutsider(db);
  labId = labIdOf(db, 'new-display-lab');
});
afterEach(() => setMailerForTests(undefined));

const tianma = () => db.select().from(organisations).where(eq(organisations.shortName, 'Tianma')).get()!.id;

/** An invitation made where no mail is configured (the tests' default): the link comes back once, to pass on. */
async function invite(email = 'wang.fang@tianma.cn', role: 'viewer' | 'member' | 'manager' = 'member') {
  const result = await callerAs(db, 'manager@demo.local').invitation.create({ labId, email, role, organisationId: tianma() });
  if (!result.token) throw new Error('without mail the link is handed over');
  return { ...result, token: result.token };
}

function invitationRow(token: string) {
  return db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSecretToken(token)))
    .get()!;
}

describe('invitation.create', () => {
  it('is for the lab’s managers and admins: a member cannot invite, and a refused call saves nothing', async () => {
    const allowed = await expectRefusals(db, LAB_MANAGER_RULE, (c) =>
      c.invitation.create({ labId, email: 'x@example.cn', role: 'member' }),
    );
    expect(allowed).toEqual(['manager', 'admin']);
  });

  it('stores only the SHA-256 of a random token, valid for 7 days, audited', async () => {
    const result = await invite();
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.mailed).toBe(false);
    const row = invitationRow(result.token);
    expect(row).toMatchObject({
      email: 'wang.fang@tianma.cn',
      role: 'member',
      organisationId: tianma(),
      acceptedAt: null,
      revokedAt: null,
    });
    expect(row.tokenHash).not.toContain(result.token);
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const event = db.select().from(auditEvents).where(eq(auditEvents.entityType, 'invitation')).get()!;
    expect(event).toMatchObject({ labId, action: 'created' });
    expect(JSON.stringify(event)).not.toContain(result.token);
    expect((await invite('other@example.cn')).token).not.toBe(result.token);
  });

  it('with mail configured, sends the link only to the invitee’s mailbox and never to the manager', async () => {
    const smtp = await startSmtpServer();
    try {
      const result = await callerAs(db, 'manager@demo.local').invitation.create({ labId, email: 'wang.fang@tianma.cn', role: 'member' });
      expect(result).toMatchObject({ mailed: true, token: null });
      expect(smtp.received.map((m) => m.to)).toEqual([['wang.fang@tianma.cn']]);
      expect(smtp.received[0]).toMatchObject({
        subject: 'Invitation to join New Display Technology Joint Laboratory on Consortium Tracker',
      });
      expect(smtp.received[0]!.text).toContain('Li Wei invites you');
      const path = smtp.linkTo('wang.fang@tianma.cn', '/invite/')!;
      const token = path.replace('/invite/', '');
      expect(JSON.stringify(result)).not.toContain(token);
      expect(invitationRow(token)).toMatchObject({ mailedOnly: true, email: 'wang.fang@tianma.cn' });
      // Whoever opens the mailed link is the owner of the mailbox: their new account is verified.
      const info = await callerAs(db, null).invitation.describe({ token });
      expect(info).toMatchObject({ state: 'pending', claimableByHolder: false });
      await callerAs(db, null).invitation.acceptAsNewUser({ token, name: 'Wang Fang', password: 'plum blossom in winter' });
      expect(db.select().from(users).where(eq(users.email, 'wang.fang@tianma.cn')).get()?.emailVerifiedAt).not.toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it('makes no invitation when its mail cannot be sent, and says so', async () => {
    const smtp = await startSmtpServer();
    try {
      smtp.refuseMail();
      const res = await httpCall(
        db,
        'invitation.create',
        { labId, email: 'wang.fang@tianma.cn', role: 'member' },
        {
          user: sessionUser(db, 'manager@demo.local'),
        },
      );
      expect(res.status).toBe(412);
      expect(res.body.error?.json.message).toBe(
        'The invitation mail could not be sent, so no invitation was made. Try again later, or ask your platform administrator to check the mail settings.',
      );
      expect(JSON.stringify(res.body)).not.toMatch(/\/invite\//);
      expect(await callerAs(db, 'manager@demo.local').invitation.list({ labId })).toEqual([]);
      // Refused for good (550): not retried, and on the admin's Jobs page.
      expect(db.select().from(jobs).get()).toMatchObject({
        kind: 'mail.invitation',
        state: 'failed',
        attempts: 1,
        lastError: expect.stringMatching(/Mailbox unavailable/),
      });
    } finally {
      await smtp.close();
    }
    // Nothing blocks inviting the address again.
    expect((await invite()).token).toBeTruthy();
  });

  it('keeps the invitation when the mail server is only away for now, and the job runner mails it later with a working link', async () => {
    const smtp = await startSmtpServer();
    try {
      smtp.deferMail();
      const manager = callerAs(db, 'manager@demo.local');
      const result = await manager.invitation.create({ labId, email: 'wang.fang@tianma.cn', role: 'member' });
      expect(result).toMatchObject({ mailed: false, mailDelayed: true, token: null });
      expect(smtp.received).toEqual([]);
      expect((await manager.invitation.list({ labId })).map((i) => i.email)).toEqual(['wang.fang@tianma.cn']);
      const job = db.select().from(jobs).get()!;
      expect(job).toMatchObject({ kind: 'mail.invitation', state: 'queued', attempts: 1, lastError: expect.stringMatching(/451/) });

      // The server is back; after the backoff a runner (any server process) sends it, once.
      smtp.acceptMail();
      const later = () => Date.now() + backoffMs(1) + 1000;
      const runner = createJobRunner(db, { handlers: JOB_HANDLERS, clock: later });
      expect(await runner.runDue()).toBe(1);
      expect(await runner.runDue()).toBe(0);
      expect(smtp.received.map((m) => m.to)).toEqual([['wang.fang@tianma.cn']]);
      const token = smtp.linkTo('wang.fang@tianma.cn', '/invite/')!.replace('/invite/', '');
      expect(await callerAs(db, null).invitation.describe({ token })).toMatchObject({ state: 'pending', claimableByHolder: false });
      // The job never held the secret: the link was made when the mail was sent.
      expect(JSON.stringify(db.select().from(jobs).all())).not.toContain(token);
      expect(db.select().from(jobs).get()).toMatchObject({ state: 'succeeded', attempts: 2 });
    } finally {
      await smtp.close();
    }
  });

  it('ends the invitation when its mail is still not taken after the last attempt, and keeps the job for the admin', async () => {
    const smtp = await startSmtpServer();
    try {
      smtp.deferMail();
      const manager = callerAs(db, 'manager@demo.local');
      await manager.invitation.create({ labId, email: 'wang.fang@tianma.cn', role: 'member' });
      let now = Date.now();
      const runner = createJobRunner(db, { handlers: JOB_HANDLERS, clock: () => now });
      for (let attempt = 1; attempt < LINK_MAIL_ATTEMPTS; attempt++) {
        now += backoffMs(attempt);
        expect(await runner.runDue()).toBe(1);
      }
      expect(db.select().from(jobs).get()).toMatchObject({ state: 'failed', attempts: LINK_MAIL_ATTEMPTS });
      expect(await manager.invitation.list({ labId })).toEqual([]);
      const ended = db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'invitation'), eq(auditEvents.action, 'revoked')))
        .get();
      expect(ended?.after).toEqual({ reason: 'mail_failed' });
      const overview = await callerAs(db, 'admin@demo.local').job.overview();
      expect(overview.failed).toEqual([expect.objectContaining({ kind: 'mail.invitation', lastError: expect.stringMatching(/451/) })]);
      expect(smtp.received).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it('refuses an invalid email, a member, a second pending invitation and an organisation that is not a partner', async () => {
    const user = sessionUser(db, 'manager@demo.local');
    const before = tableCounts(db);
    const bad = await httpCall(db, 'invitation.create', { labId, email: 'not-an-email', role: 'member' }, { user });
    expect(bad.body.error?.json.data.fieldErrors).toEqual({ email: ['Enter an email address like name@example.com.'] });
    const member = await httpCall(db, 'invitation.create', { labId, email: 'Member@Demo.local', role: 'manager' }, { user });
    expect(member.body.error?.json.data.fieldErrors).toEqual({
      email: ['This person is already a member of the lab. Change their role in the member list instead.'],
    });
    const hbis = db.select().from(organisations).where(eq(organisations.shortName, 'HBIS')).get()!.id;
    const notPartner = await httpCall(
      db,
      'invitation.create',
      { labId, email: 'a@example.cn', role: 'member', organisationId: hbis },
      { user },
    );
    expect(notPartner.body.error?.json.data.fieldErrors).toEqual({
      organisationId: ['Choose one of the lab’s partner organisations, or none.'],
    });
    expect(tableCounts(db)).toEqual(before);
    await invite();
    const twice = await httpCall(db, 'invitation.create', { labId, email: 'wang.fang@tianma.cn', role: 'member' }, { user });
    expect(twice.status).toBe(409);
    expect(Object.keys(twice.body.error!.json.data.fieldErrors)).toEqual(['email']);
  });
});

describe('invitation.list and invitation.revoke', () => {
  it('are for the lab’s managers and admins', async () => {
    const { id } = await invite();
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.invitation.list({ labId }));
    await expectRefusals(db, LAB_MANAGER_RULE, (c) => c.invitation.revoke({ labId, invitationId: id }));
  });

  it('lists pending and expired invitations but not accepted or revoked ones', async () => {
    const pending = await invite('p@example.cn');
    const expired = await invite('e@example.cn');
    const revoked = await invite('r@example.cn');
    db.update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.id))
      .run();
    const manager = callerAs(db, 'manager@demo.local');
    await manager.invitation.revoke({ labId, invitationId: revoked.id });
    const list = await manager.invitation.list({ labId });
    expect(list.map((i) => [i.email, i.state])).toEqual([
      ['e@example.cn', 'expired'],
      ['p@example.cn', 'pending'],
    ]);
    expect(list[0]).toMatchObject({ invitedBy: 'Li Wei', organisationNameEn: 'Tianma Microelectronics' });
    expect(pending.id).toBeDefined();
  });

  it('does not let a manager revoke another lab’s invitation', async () => {
    const steelLab = labIdOf(db, 'green-auto-steel');
    const { id } = await callerAs(db, 'steel@demo.local').invitation.create({ labId: steelLab, email: 'x@bmw.de', role: 'member' });
    expect(await errorCode(callerAs(db, 'manager@demo.local').invitation.revoke({ labId, invitationId: id }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, 'manager@demo.local').invitation.revoke({ labId: steelLab, invitationId: id }))).toBe('NOT_FOUND');
    expect(db.select().from(invitations).where(eq(invitations.id, id)).get()?.revokedAt).toBeNull();
  });
});

describe('accepting an invitation', () => {
  it('describes a valid link to anyone holding it, and nothing for a made-up one', async () => {
    const { token } = await invite();
    const info = await callerAs(db, null).invitation.describe({ token });
    expect(info).toMatchObject({
      state: 'pending',
      email: 'wang.fang@tianma.cn',
      role: 'member',
      inviter: 'Li Wei',
      claimableByHolder: true,
    });
    expect(await callerAs(db, null).invitation.describe({ token: 'A'.repeat(43) })).toEqual({ state: 'unknown' });
  });

  it('does not tell the manager holding a link whether the address has an account', async () => {
    const existing = await invite('steel@demo.local');
    const fresh = await invite('nobody.yet@example.org');
    // The manager opens both links they hold, signed in as themselves or not at all.
    for (const who of [null, 'manager@demo.local'] as const) {
      const a = await callerAs(db, who).invitation.describe({ token: existing.token });
      const b = await callerAs(db, who).invitation.describe({ token: fresh.token });
      // Apart from the address and the moment each was made, the two answers are the same.
      const { email: _a, expiresAt: _ea, ...restA } = a as { email: string; expiresAt: Date };
      const { email: _b, expiresAt: _eb, ...restB } = b as { email: string; expiresAt: Date };
      expect(JSON.stringify(restA)).toBe(JSON.stringify(restB));
    }
  });

  it('makes an unverified account from a link that was handed over, shown as such to managers and admins until its owner confirms the address', async () => {
    const { token } = await invite();
    await callerAs(db, null).invitation.acceptAsNewUser({ token, name: 'Wang Fang', password: 'plum blossom in winter' });
    const member = (await callerAs(db, 'manager@demo.local').member.list({ labId })).find((m) => m.email === 'wang.fang@tianma.cn');
    expect(member).toMatchObject({ name: 'Wang Fang', emailVerified: false });
    const account = (await callerAs(db, 'admin@demo.local').user.list({ query: 'wang.fang' }))[0];
    expect(account).toMatchObject({ email: 'wang.fang@tianma.cn', emailVerified: false });
    // Demo accounts are verified.
    expect((await callerAs(db, 'admin@demo.local').user.list({ query: 'member@demo.local' }))[0]).toMatchObject({ emailVerified: true });

    // Without mail the owner cannot confirm yet, and is told why.
    const owner = callerAs(db, 'wang.fang@tianma.cn');
    expect(await owner.emailConfirmation.status()).toEqual({ verified: false, canMail: false });
    expect(await errorCode(owner.emailConfirmation.request())).toBe('PRECONDITION_FAILED');

    // Once mail is configured, a link mailed to the address confirms it.
    const smtp = await startSmtpServer();
    try {
      expect(await owner.emailConfirmation.request()).toEqual({ verified: false, sent: true, mailDelayed: false });
      expect(smtp.received.map((m) => [m.to, m.subject])).toEqual([
        [['wang.fang@tianma.cn'], 'Confirm your address for Consortium Tracker'],
      ]);
      const confirmToken = smtp.linkTo('wang.fang@tianma.cn', '/confirm/')!.replace('/confirm/', '');
      // Opening the page confirms nothing; the button does.
      expect(await callerAs(db, null).emailConfirmation.describe({ token: confirmToken })).toEqual({
        state: 'valid',
        email: 'wang.fang@tianma.cn',
      });
      expect(
        (await callerAs(db, 'manager@demo.local').member.list({ labId })).find((m) => m.email === 'wang.fang@tianma.cn')?.emailVerified,
      ).toBe(false);
      expect(await callerAs(db, null).emailConfirmation.confirm({ token: confirmToken })).toEqual({ email: 'wang.fang@tianma.cn' });
      expect(
        (await callerAs(db, 'manager@demo.local').member.list({ labId })).find((m) => m.email === 'wang.fang@tianma.cn')?.emailVerified,
      ).toBe(true);
      expect(await errorCode(callerAs(db, null).emailConfirmation.confirm({ token: confirmToken }))).toBe('PRECONDITION_FAILED');
      expect(await owner.emailConfirmation.request()).toEqual({ verified: true, sent: false, mailDelayed: false });
    } finally {
      await smtp.close();
    }
  });

  it('lets a new person set a name and password and join, audited; the link then works no more', async () => {
    const { token } = await invite();
    const result = await callerAs(db, null).invitation.acceptAsNewUser({ token, name: 'Wang Fang', password: 'plum blossom in winter' });
    expect(result).toEqual({ slug: 'new-display-lab', email: 'wang.fang@tianma.cn' });
    const user = db.select().from(users).where(eq(users.email, 'wang.fang@tianma.cn')).get()!;
    expect(user).toMatchObject({ name: 'Wang Fang', organisationId: tianma(), isAdmin: false });
    expect(await verifyPassword('plum blossom in winter', user.passwordHash)).toBe(true);
    expect((await callerAs(db, 'wang.fang@tianma.cn').lab.overview({ slug: 'new-display-lab' })).role).toBe('member');
    expect(invitationRow(token)).toMatchObject({ acceptedById: user.id });
    const actions = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorId, user.id))
      .all()
      .map((e) => `${e.action} ${e.entityType}`);
    expect(actions).toEqual(['created user', 'joined membership', 'accepted invitation']);

    const again = await errorOf(
      callerAs(db, null).invitation.acceptAsNewUser({ token, name: 'Someone', password: 'another long passphrase' }),
    );
    expect(again.code).toBe('PRECONDITION_FAILED');
    expect(again.message).toBe('This invitation has already been used. Each invitation works once.');
    expect((await callerAs(db, null).invitation.describe({ token })).state).toBe('accepted');
  });

  it('refuses an expired, a used and a revoked invitation with a clear message, changing nothing', async () => {
    const expired = await invite('e@example.cn');
    db.update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(invitations.id, expired.id))
      .run();
    const revoked = await invite('r@example.cn');
    await callerAs(db, 'manager@demo.local').invitation.revoke({ labId, invitationId: revoked.id });
    const used = await invite('u@example.cn');
    await callerAs(db, null).invitation.acceptAsNewUser({ token: used.token, name: 'U', password: 'a perfectly fine passphrase' });

    const before = tableCounts(db);
    const cases = [
      [expired.token, 'This invitation has expired. Ask the lab manager to send a new one.', '此邀请已过期。请联系实验室管理者重新发送。'],
      [
        revoked.token,
        'This invitation was withdrawn by a lab manager. Ask them to invite you again if needed.',
        '此邀请已被实验室管理者撤销。如有需要，请联系对方重新邀请。',
      ],
      [used.token, 'This invitation has already been used. Each invitation works once.', '此邀请已被使用。每份邀请只能使用一次。'],
    ] as const;
    for (const [token, en, zh] of cases) {
      const input = { token, name: 'X', password: 'yet another passphrase' };
      const res = await httpCall(db, 'invitation.acceptAsNewUser', input, {});
      expect(res.status).toBe(412);
      expect(res.body.error?.json.message).toBe(en);
      expect((await httpCall(db, 'invitation.acceptAsNewUser', input, { locale: 'zh-CN' })).body.error?.json.message).toBe(zh);
    }
    expect((await callerAs(db, null).invitation.describe({ token: expired.token })).state).toBe('expired');
    expect((await callerAs(db, null).invitation.describe({ token: revoked.token })).state).toBe('revoked');
    const unknown = await httpCall(
      db,
      'invitation.acceptAsNewUser',
      { token: 'B'.repeat(43), name: 'X', password: 'yet another passphrase' },
      {},
    );
    expect(unknown.status).toBe(404);
    expect(tableCounts(db)).toEqual(before);
  });

  it('checks the new password against the policy, on the password field', async () => {
    const { token } = await invite();
    const before = tableCounts(db);
    const res = await httpCall(db, 'invitation.acceptAsNewUser', { token, name: 'Wang Fang', password: 'short' }, {});
    expect(res.body.error?.json.data.fieldErrors).toEqual({ password: ['Use at least 10 characters for the password.'] });
    const empty = await httpCall(db, 'invitation.acceptAsNewUser', { token, name: ' ', password: 'long enough password' }, {});
    expect(empty.body.error?.json.data.fieldErrors).toEqual({ name: ['Fill in this field.'] });
    expect(tableCounts(db)).toEqual(before);
  });

  it('lets an existing user, signed in, join with an invitation to their own address', async () => {
    const { token } = await invite('steel@demo.local', 'viewer');
    // Creating a second account for the address is refused: they sign in instead.
    expect(
      await errorCode(callerAs(db, null).invitation.acceptAsNewUser({ token, name: 'Anna', password: 'a fine passphrase here' })),
    ).toBe('CONFLICT');
    const info = await callerAs(db, 'steel@demo.local').invitation.describe({ token });
    expect(info).toMatchObject({ signedInAsInvitee: true });
    expect(await callerAs(db, 'steel@demo.local').invitation.accept({ token })).toEqual({ slug: 'new-display-lab' });
    expect((await callerAs(db, 'steel@demo.local').lab.overview({ slug: 'new-display-lab' })).role).toBe('viewer');
  });

  it('refuses an invitation sent to someone else, and anonymous acceptance without an account', async () => {
    const { token } = await invite('steel@demo.local');
    const before = tableCounts(db);
    const error = await errorOf(callerAs(db, 'equipment@demo.local').invitation.accept({ token }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('This invitation is for steel@demo.local. Sign in with that account to accept it.');
    expect(await errorCode(callerAs(db, null).invitation.accept({ token }))).toBe('UNAUTHORIZED');
    expect(tableCounts(db)).toEqual(before);
    const membership = db
      .select()
      .from(memberships)
      .where(and(eq(memberships.labId, labId), eq(memberships.userId, sessionUser(db, 'equipment@demo.local').id)))
      .get();
    expect(membership).toBeUndefined();
  });

  it('rejects malformed tokens as bad input, never as a server error', async () => {
    const res = await httpCall(db, 'invitation.describe', { token: '../../etc' }, { method: 'GET' });
    expect(res.status).toBe(400);
    expect(res.body.error?.json.data.fieldErrors.token).toEqual([
      'This link does not work. Copy the whole address from the message you received, or ask for a new link.',
    ]);
  });
});
