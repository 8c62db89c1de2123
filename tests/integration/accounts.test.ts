import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, passwordResets, users } from '@/db/schema';
import { authenticate, issueSessionToken, sessionUserFromToken, signInWithPassword } from '@/server/auth';
import { setMailerForTests } from '@/server/services/mail';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, signInBlock, SIGN_IN_WINDOW_MS } from '@/server/services/sign-in-guard';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { setUserAdmin, setUserDisabled } from '@/server/services/user-admin';
import { calendarForToken } from '@/server/services/calendar-tokens';
import { hashSecretToken } from '@/server/services/tokens';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';
import { startSmtpServer, type SmtpServer } from '../helpers/mail';
import { ADMIN_RULE, addOutsider, errorCode, errorOf, expectRefusals } from '../helpers/roles';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
  addOutsider(db);
});
afterEach(() => setMailerForTests(undefined));

const row = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!;

/** A link as an admin gets it where no mail is configured (the tests' default): handed over once. */
function handedOver(issued: { token: string | null; mailed: boolean }): string {
  expect(issued.mailed).toBe(false);
  if (!issued.token) throw new Error('without mail the link is handed over');
  return issued.token;
}
const admin = () => callerAs(db, 'admin@demo.local');

/** A session token as the browser holds it after signing in. */
async function sessionTokenOf(email: string) {
  const u = row(email);
  return issueSessionToken(u);
}

describe('user administration is for platform admins only', () => {
  it('refuses everyone else, changing nothing', async () => {
    const member = row('member@demo.local');
    await expectRefusals(db, ADMIN_RULE, (c) => c.user.list());
    await expectRefusals(db, ADMIN_RULE, (c) => c.user.create({ email: 'new@example.cn', name: 'New', isAdmin: true }));
    await expectRefusals(db, ADMIN_RULE, (c) => c.user.setDisabled({ userId: member.id, version: member.version, disabled: true }));
    await expectRefusals(db, ADMIN_RULE, (c) => c.user.setAdmin({ userId: member.id, version: member.version, isAdmin: true }));
    await expectRefusals(db, ADMIN_RULE, (c) => c.user.issuePasswordReset({ userId: member.id }));
  });
});

describe('user.list and user.create', () => {
  it('lists and searches accounts with their organisation and number of labs', async () => {
    const all = await admin().user.list();
    expect(all.find((u) => u.email === 'member@demo.local')).toMatchObject({
      organisationNameEn: 'Tianma Microelectronics',
      labCount: 1,
      isAdmin: false,
    });
    expect((await admin().user.list({ query: 'schmidt' })).map((u) => u.email)).toEqual(['steel@demo.local']);
  });

  it('creates an account without a usable password and returns a 7-day link to set one', async () => {
    const created_ = await admin().user.create({ email: ' Liu.Yang@HBIS.com ', name: 'Liu Yang', isAdmin: false });
    const result = { ...created_, token: handedOver(created_) };
    const created = row('liu.yang@hbis.com');
    expect(created).toMatchObject({ name: 'Liu Yang', isAdmin: false, disabledAt: null });
    const reset = db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, hashSecretToken(result.token)))
      .get()!;
    expect(reset.userId).toBe(created.id);
    expect(reset.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await callerAs(db, null).password.describeReset({ token: result.token })).toEqual({
      state: 'valid',
      email: 'liu.yang@hbis.com',
      name: 'Liu Yang',
    });
    const audit = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.id))
      .all()
      .filter((e) => e.entityType === 'user')
      .map((e) => e.action);
    expect(audit).toEqual(['created', 'password_reset_issued']);
  });

  it('refuses a taken or invalid email and an empty name, on the fields, saving nothing', async () => {
    const user = sessionUser(db, 'admin@demo.local');
    const before = tableCounts(db);
    const taken = await httpCall(db, 'user.create', { email: 'MEMBER@demo.local', name: 'Again' }, { user });
    expect(taken.body.error?.json.data.fieldErrors).toEqual({ email: ['An account with this email already exists.'] });
    const bad = await httpCall(db, 'user.create', { email: 'nope', name: '' }, { user, locale: 'zh-CN' });
    expect(bad.body.error?.json.data.fieldErrors).toEqual({
      email: ['请输入有效的电子邮箱，例如 name@example.com。'],
      name: ['请填写此字段。'],
    });
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('user.setDisabled', () => {
  it('ends a disabled user’s existing session on their next request, and re-enabling does not revive it', async () => {
    const token = await sessionTokenOf('member@demo.local');
    expect((await sessionUserFromToken(db, token))?.email).toBe('member@demo.local');
    const member = row('member@demo.local');
    await admin().user.setDisabled({ userId: member.id, version: member.version, disabled: true });
    expect(await sessionUserFromToken(db, token)).toBeNull();
    expect(await authenticate(db, 'member@demo.local', 'demo-password')).toBeNull();

    const disabled = row('member@demo.local');
    await admin().user.setDisabled({ userId: member.id, version: disabled.version, disabled: false });
    expect(await sessionUserFromToken(db, token)).toBeNull();
    expect((await authenticate(db, 'member@demo.local', 'demo-password'))?.email).toBe('member@demo.local');
    const events = db.select().from(auditEvents).where(eq(auditEvents.entityId, member.id)).all();
    expect(events.filter((e) => e.entityType === 'user').map((e) => e.action)).toEqual(['disabled', 'enabled']);
  });

  it('voids every link issued to or by the account, so re-enabling it brings none of them back', async () => {
    const member = row('member@demo.local');
    const viewer = row('viewer@demo.local');
    const labId = labIdOf(db, 'new-display-lab');
    const steelLab = labIdOf(db, 'green-auto-steel');
    const ownReset = handedOver(await admin().user.issuePasswordReset({ userId: member.id }));
    const untouched = handedOver(await admin().user.issuePasswordReset({ userId: viewer.id }));
    // The member is a platform admin for a while: links they issue or were shown are theirs too.
    db.update(users).set({ isAdmin: true }).where(eq(users.id, member.id)).run();
    const asMember = callerAs(db, 'member@demo.local');
    const issuedForOther = handedOver(await asMember.user.issuePasswordReset({ userId: viewer.id }));
    const sentByMember = {
      token: handedOver(await asMember.invitation.create({ labId, email: 'held.link@example.org', role: 'manager' })),
    };
    const sentToMember = {
      token: handedOver(await callerAs(db, 'steel@demo.local').invitation.create({ labId: steelLab, email: member.email, role: 'member' })),
    };
    const calendar = (await asMember.calendar.renew({ labId })).path.split('/').at(-1)!;
    expect(calendarForToken(db, calendar, 'http://localhost')).not.toBeNull();

    await admin().user.setDisabled({ userId: member.id, version: row('member@demo.local').version, disabled: true });
    await admin().user.setDisabled({ userId: member.id, version: row('member@demo.local').version, disabled: false });

    const anonymous = callerAs(db, null);
    for (const token of [ownReset, issuedForOther]) {
      expect((await anonymous.password.describeReset({ token })).state).not.toBe('valid');
      expect(await errorCode(anonymous.password.reset({ token, password: 'a takeover passphrase' }))).not.toBe('OK');
    }
    expect((await anonymous.invitation.describe({ token: sentByMember.token })).state).toBe('revoked');
    expect((await anonymous.invitation.describe({ token: sentToMember.token })).state).toBe('revoked');
    expect(
      await errorCode(anonymous.invitation.acceptAsNewUser({ token: sentByMember.token, name: 'Held', password: 'a takeover passphrase' })),
    ).toBe('PRECONDITION_FAILED');
    expect(calendarForToken(db, calendar, 'http://localhost')).toBeNull();
    // Links that neither belong to nor came from the disabled account still work.
    expect((await anonymous.password.describeReset({ token: untouched })).state).toBe('valid');
    // The lab's managers read in their audit log why the invitations ended.
    const revoked = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'invitation'), eq(auditEvents.action, 'revoked')))
      .all();
    expect(revoked.map((e) => [e.labId, e.after])).toEqual(
      expect.arrayContaining([
        [labId, { reason: 'inviter_disabled' }],
        [steelLab, { reason: 'invitee_disabled' }],
      ]),
    );
  });

  it('will not let an admin disable themselves, and refuses a stale switch', async () => {
    const me = row('admin@demo.local');
    const error = await errorOf(admin().user.setDisabled({ userId: me.id, version: me.version, disabled: true }));
    expect(error.message).toBe('You cannot disable your own account. Ask another platform admin.');
    const member = row('member@demo.local');
    await admin().user.setDisabled({ userId: member.id, version: member.version, disabled: true });
    expect(await errorCode(admin().user.setDisabled({ userId: member.id, version: member.version, disabled: false }))).toBe('CONFLICT');
    expect(row('member@demo.local').disabledAt).not.toBeNull();
  });
});

describe('user.setAdmin', () => {
  it('grants and removes the admin flag, audited', async () => {
    const member = row('member@demo.local');
    await admin().user.setAdmin({ userId: member.id, version: member.version, isAdmin: true });
    expect(row('member@demo.local').isAdmin).toBe(true);
    expect((await callerAs(db, 'member@demo.local').labAdmin.list()).length).toBe(3);
    await admin().user.setAdmin({ userId: member.id, version: member.version + 1, isAdmin: false });
    expect(row('member@demo.local').isAdmin).toBe(false);
  });

  it('never removes an admin’s own flag', async () => {
    const me = row('admin@demo.local');
    const before = tableCounts(db);
    expect((await errorOf(admin().user.setAdmin({ userId: me.id, version: me.version, isAdmin: false }))).message).toBe(
      'You cannot remove your own admin rights. Ask another platform admin.',
    );
    expect(row('admin@demo.local').isAdmin).toBe(true);
    expect(tableCounts(db)).toEqual(before);
  });

  it('never removes or disables the last active admin, even when the caller lost their own rights meanwhile', () => {
    // The caller is an admin when the request starts; if their rights went in the meantime, the
    // count of other active admins is what protects the platform from having none.
    const target = row('admin@demo.local');
    const caller = { ...sessionUser(db, 'member@demo.local'), isAdmin: true };
    expect(() => setUserAdmin(db, caller, { userId: target.id, version: target.version, isAdmin: false })).toThrow(
      expect.objectContaining({ code: 'PRECONDITION_FAILED', key: 'errors.lastAdmin' }),
    );
    expect(() => setUserDisabled(db, caller, { userId: target.id, version: target.version, disabled: true })).toThrow(
      expect.objectContaining({ key: 'errors.lastAdmin' }),
    );
    expect(row('admin@demo.local')).toMatchObject({ isAdmin: true, disabledAt: null });
  });
});

describe('password reset by link', () => {
  it('an admin issues a link; using it sets the password, ends every session and works only once', async () => {
    const member = row('member@demo.local');
    const oldToken = await sessionTokenOf('member@demo.local');
    const token = handedOver(await admin().user.issuePasswordReset({ userId: member.id }));
    expect(await sessionUserFromToken(db, oldToken)).not.toBeNull();

    await callerAs(db, null).password.reset({ token, password: 'a new and longer passphrase' });
    expect(await sessionUserFromToken(db, oldToken)).toBeNull();
    expect(await authenticate(db, 'member@demo.local', 'demo-password')).toBeNull();
    expect((await authenticate(db, 'member@demo.local', 'a new and longer passphrase'))?.id).toBe(member.id);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'password_reset')).get()).toMatchObject({ entityId: member.id });

    const again = await errorOf(callerAs(db, null).password.reset({ token, password: 'yet another passphrase' }));
    expect(again.message).toBe('This link has already been used. Each link works once; ask for a new one if needed.');
    expect(await callerAs(db, null).password.describeReset({ token })).toEqual({ state: 'used' });
  });

  it('refuses an expired link, an unknown one and a weak password, changing nothing', async () => {
    const member = row('member@demo.local');
    const token = handedOver(await admin().user.issuePasswordReset({ userId: member.id }));
    const before = tableCounts(db);
    const weak = await httpCall(db, 'password.reset', { token, password: 'member@demo.local' }, {});
    expect(weak.body.error?.json.data.fieldErrors).toEqual({ password: ['The password must not be your email address.'] });
    db.update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .run();
    const expired = await httpCall(db, 'password.reset', { token, password: 'a good long passphrase' }, {});
    expect(expired.status).toBe(412);
    expect(expired.body.error?.json.message).toBe('This link has expired. Ask for a new one.');
    const unknown = await httpCall(db, 'password.reset', { token: 'C'.repeat(43), password: 'a good long passphrase' }, {});
    expect(unknown.status).toBe(404);
    expect(tableCounts(db)).toEqual(before);
    expect(row('member@demo.local').passwordHash).toBe(member.passwordHash);
  });

  it('is not issued for, and does not work for, a disabled account', async () => {
    const member = row('member@demo.local');
    const token = handedOver(await admin().user.issuePasswordReset({ userId: member.id }));
    await admin().user.setDisabled({ userId: member.id, version: member.version, disabled: true });
    expect(await errorCode(admin().user.issuePasswordReset({ userId: member.id }))).toBe('PRECONDITION_FAILED');
    expect(await errorCode(callerAs(db, null).password.reset({ token, password: 'a good long passphrase' }))).toBe('NOT_FOUND');
  });
});

describe('password.change', () => {
  it('needs the current password, then ends every other session of the account', async () => {
    const oldToken = await sessionTokenOf('member@demo.local');
    const member = callerAs(db, 'member@demo.local');
    const before = tableCounts(db);
    const wrong = await errorOf(member.password.change({ currentPassword: 'not it', newPassword: 'a brand new passphrase' }));
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST', field: 'currentPassword' });
    // Nothing changed but the record of a failed guess, which the throttle counts.
    expect(tableCounts(db)).toEqual({ ...before, login_attempts: before.login_attempts! + 1 });

    await member.password.change({ currentPassword: 'demo-password', newPassword: 'a brand new passphrase' });
    expect(await sessionUserFromToken(db, oldToken)).toBeNull();
    // The browser that changed it signs in again with the new password and carries on.
    const fresh = await authenticate(db, 'member@demo.local', 'a brand new passphrase');
    expect(fresh).not.toBeNull();
    expect(await sessionUserFromToken(db, await sessionTokenOf('member@demo.local'))).not.toBeNull();
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'password_changed')).all()).toHaveLength(1);
  });

  it('applies the password policy to the new password, on its field', async () => {
    const user = sessionUser(db, 'member@demo.local');
    const short = await httpCall(db, 'password.change', { currentPassword: 'demo-password', newPassword: 'short' }, { user });
    expect(short.body.error?.json.data.fieldErrors).toEqual({ newPassword: ['Use at least 10 characters for the password.'] });
    const common = await httpCall(db, 'password.change', { currentPassword: 'demo-password', newPassword: 'password123' }, { user });
    expect(common.body.error?.json.data.fieldErrors).toEqual({
      newPassword: ['This password is too common. Choose one that is harder to guess.'],
    });
    expect(await errorCode(callerAs(db, null).password.change({ currentPassword: 'x', newPassword: 'a brand new passphrase' }))).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('password.change is throttled like signing in', () => {
  const change = (currentPassword: string, email = 'member@demo.local') =>
    httpCall(db, 'password.change', { currentPassword, newPassword: 'a brand new passphrase' }, { user: sessionUser(db, email) });
  const stored = () => row('member@demo.local').passwordHash;
  afterEach(() => vi.useRealTimers());

  it('refuses the current password after ten wrong ones, even the right one, on its field, changing nothing', async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect((await change(`guess number ${i}`)).status).toBe(400);
    const hash = stored();
    const before = tableCounts(db);
    const refused = await change('demo-password');
    expect(refused.status).toBe(429);
    expect(refused.body.error?.json.data.fieldErrors).toEqual({
      currentPassword: ['Too many wrong passwords for this account. For your security, wait 15 minutes and try again.'],
    });
    expect(stored()).toBe(hash);
    expect(tableCounts(db)).toEqual(before);
    // Another account is not affected.
    expect((await change('demo-password', 'viewer@demo.local')).status).toBe(200);
  });

  it('shares one budget with signing in: guesses in either place count for both', async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await signInWithPassword(db, 'member@demo.local', `guess number ${i}`, '10.0.0.1');
    expect((await change('demo-password')).status).toBe(429);

    db.$client.exec('delete from login_attempts');
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await change(`guess number ${i}`);
    expect((await signInWithPassword(db, 'member@demo.local', 'demo-password', '10.0.0.2')).blocked).toBe(true);
  });

  it('counts its wrong passwords against the caller’s address too, like a sign-in from there', async () => {
    const from = (email: string) =>
      createCaller(createContext({ db, user: sessionUser(db, email), clientAddress: '198.51.100.40' })).password.change({
        currentPassword: 'not the password',
        newPassword: 'a brand new passphrase',
      });
    const accounts = ['member@demo.local', 'viewer@demo.local', 'manager@demo.local', 'steel@demo.local', 'equipment@demo.local'];
    // Fifty wrong passwords from one address, never ten for one account.
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) expect(await errorCode(from(accounts[i % accounts.length]!))).toBe('BAD_REQUEST');
    expect(signInBlock(db, 'admin@demo.local', '198.51.100.40').blocked).toBe(true);
    expect(signInBlock(db, 'admin@demo.local', '198.51.100.41').blocked).toBe(false);
  });

  it('lets the person try again once the failures are older than the window', async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await change(`guess number ${i}`);
    expect((await change('demo-password')).status).toBe(429);
    vi.useFakeTimers({ now: Date.now() + SIGN_IN_WINDOW_MS + 60_000, toFake: ['Date'] });
    expect((await change('demo-password')).status).toBe(200);
    expect(await authenticate(db, 'member@demo.local', 'a brand new passphrase')).not.toBeNull();
  });
});

describe('password.requestReset (forgot password)', () => {
  it('is refused where mail is not configured', async () => {
    setMailerForTests(null);
    const res = await httpCall(db, 'password.requestReset', { email: 'member@demo.local' }, {});
    expect(res.status).toBe(412);
    expect(res.body.error?.json.message).toBe('This installation does not send mail. Ask your platform administrator for a reset link.');
  });

  it('mails a one-hour link to an existing account, answers the same for an unknown address, and limits repeats', async () => {
    const smtp = await startSmtpServer();
    try {
      const anonymous = callerAs(db, null);
      expect(await anonymous.password.requestReset({ email: 'nobody@example.cn' })).toEqual({ requested: true });
      expect(await anonymous.password.requestReset({ email: 'Member@Demo.local' })).toEqual({ requested: true });
      await vi.waitFor(() => expect(smtp.received).toHaveLength(1));
      expect(smtp.received[0]!.to).toEqual(['member@demo.local']);
      const token = smtp.linkTo('member@demo.local', '/reset/')!.replace('/reset/', '');
      const reset = db
        .select()
        .from(passwordResets)
        .where(eq(passwordResets.tokenHash, hashSecretToken(token)))
        .get()!;
      expect(reset.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
      expect(reset.createdById).toBeNull();

      for (let i = 0; i < 4; i++) await anonymous.password.requestReset({ email: 'member@demo.local' });
      await vi.waitFor(() => expect(smtp.received).toHaveLength(3));
      expect(
        db
          .select()
          .from(passwordResets)
          .where(eq(passwordResets.userId, row('member@demo.local').id))
          .all(),
      ).toHaveLength(3);
    } finally {
      await smtp.close();
    }
  });
});

describe('links an admin issues, where mail is configured', () => {
  let smtp: SmtpServer;
  beforeEach(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(() => smtp.close());

  it('sends a new account’s setup link only to its address; using it proves the address', async () => {
    const result = await admin().user.create({ email: 'liu.yang@hbis.com', name: 'Liu Yang', isAdmin: false });
    expect(result).toMatchObject({ mailed: true, token: null });
    expect(smtp.received.map((m) => m.to)).toEqual([['liu.yang@hbis.com']]);
    expect(row('liu.yang@hbis.com').emailVerifiedAt).toBeNull();
    const token = smtp.linkTo('liu.yang@hbis.com', '/reset/')!.replace('/reset/', '');
    expect(JSON.stringify(result)).not.toContain(token);
    await callerAs(db, null).password.reset({ token, password: 'a fresh long passphrase' });
    expect(row('liu.yang@hbis.com').emailVerifiedAt).not.toBeNull();
  });

  it('mails a reset link to the account only, and refuses to make one whose mail fails', async () => {
    const member = row('member@demo.local');
    expect(await admin().user.issuePasswordReset({ userId: member.id })).toMatchObject({ mailed: true, token: null });
    expect(smtp.received.map((m) => m.to)).toEqual([['member@demo.local']]);
    smtp.refuseMail();
    const failed = await errorOf(admin().user.issuePasswordReset({ userId: member.id }));
    expect(failed).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'The mail with the reset link could not be sent, so the link was not made. Try again later.',
    });
    // The link nobody received does not work.
    const unmailed = db.select().from(passwordResets).where(eq(passwordResets.userId, member.id)).all().at(-1)!;
    expect(unmailed.usedAt).not.toBeNull();
  });

  it('mails a new lab’s first manager the invitation, and shows the admin no link', async () => {
    const result = await admin().labAdmin.create({
      slug: 'mail-only-lab',
      nameEn: 'Mail Only Lab',
      sector: 'electronics',
      chainEn: 'Chain',
      stage: 'rnd',
      status: 'planning',
      managerEmail: 'first.manager@example.org',
    });
    expect(result.manager).toMatchObject({ kind: 'invited', mailed: true, token: null });
    expect(smtp.linkTo('first.manager@example.org', '/invite/')).toMatch(/^\/invite\//);
  });
});
