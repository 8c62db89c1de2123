import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, loginAttempts, recoveryCodes, securityKeys, users, webauthnChallenges } from '@/db/schema';
import type { DB } from '@/db/client';
import { authOptions, sessionUserFromToken, signInWithPassword } from '@/server/auth';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { ACCOUNT_FAILURE_LIMIT } from '@/server/services/sign-in-guard';
import { callerAs, errorCode, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';
import { enableTotpDirectly, TEST_TOTP_SECRET, totpCode } from '../helpers/two-factor';

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

function authorizeWith(db: DB): Authorize {
  const provider = authOptions(() => db).providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

function userByEmail(db: DB, email: string) {
  return db.select().from(users).where(eq(users.email, email)).get()!;
}

/** Turns two-factor on through the procedures, as the set-up page does; returns the secret and recovery codes. */
async function turnOn(db: DB, email: string) {
  const caller = callerAs(db, email);
  const { secret } = await caller.twoFactor.beginSetup();
  const { recoveryCodes: codes } = await caller.twoFactor.confirmSetup({ code: totpCode(secret) });
  return { secret, codes };
}

let now = Date.parse('2026-06-15T08:00:00Z');
/** Moves the clock on by one TOTP period, so the next code is a new one. */
function nextPeriod() {
  now += 30_000;
  vi.setSystemTime(now);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('setting up TOTP', () => {
  it('shows the secret as a QR code once, keeps it only sealed, and turns on with a right code only', async () => {
    const db = await freshDb();
    const caller = callerAs(db, 'member@demo.local');
    const setup = await caller.twoFactor.beginSetup();
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toContain('otpauth://totp/');
    expect(setup.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.qrDataUrl.split(',')[1]!, 'base64').toString()).toContain('<svg');
    const row = userByEmail(db, 'member@demo.local');
    expect(row.totpPendingSecret).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(setup.secret);
    expect(JSON.stringify(await caller.twoFactor.status())).not.toContain(setup.secret);

    const before = tableCounts(db);
    await expect(caller.twoFactor.confirmSetup({ code: '000000' === totpCode(setup.secret) ? '111111' : '000000' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      field: 'code',
    });
    expect(tableCounts(db)).toEqual(before);
    expect((await caller.twoFactor.status()).enabled).toBe(false);

    const { recoveryCodes: codes } = await caller.twoFactor.confirmSetup({ code: totpCode(setup.secret) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const stored = db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, row.id)).all();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replaceAll('-', ''));
    expect(await caller.twoFactor.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const after = userByEmail(db, 'member@demo.local');
    expect(after.totpSecret).toMatch(/^v1\./);
    expect(after.totpPendingSecret).toBeNull();
    expect(JSON.stringify(after)).not.toContain(setup.secret);
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'two_factor_enabled'))).all()).toHaveLength(1);
    await expect(caller.twoFactor.beginSetup()).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('ends every session of the account, and the answer over HTTP carries a fresh token for this browser', async () => {
    const db = await freshDb();
    const member = userByEmail(db, 'member@demo.local');
    const { issueSessionToken } = await import('@/server/auth');
    const otherBrowser = await issueSessionToken(member);
    const caller = callerAs(db, 'member@demo.local');
    const { secret } = await caller.twoFactor.beginSetup();
    const responseCookies: string[] = [];
    const withCookies = createCaller(createContext({ db, user: sessionUser(db, 'member@demo.local'), responseCookies }));
    await withCookies.twoFactor.confirmSetup({ code: totpCode(secret) });
    expect(await sessionUserFromToken(db, otherBrowser)).toBeNull();
    expect(responseCookies).toHaveLength(1);
    expect(responseCookies[0]).toMatch(/^next-auth\.session-token=[^;]+; .*HttpOnly/);
    const fresh = decodeURIComponent(responseCookies[0]!.split(';')[0]!.split('=')[1]!);
    expect(await sessionUserFromToken(db, fresh)).toMatchObject({ email: 'member@demo.local' });
  });
});

describe('signing in with a second factor', () => {
  it('never makes a session from the password alone; the code is checked, used once, and recovery codes work once', async () => {
    const db = await freshDb();
    const { secret, codes } = await turnOn(db, 'member@demo.local');
    const authorize = authorizeWith(db);
    const headers = { 'x-forwarded-for': '10.1.0.1' };
    await expect(authorize({ email: 'member@demo.local', password: 'demo-password' }, { headers })).rejects.toThrow(/^SecondFactorRequired$/);
    // A wrong password is still only "wrong credentials": nothing says whether two-factor is on.
    expect(await authorize({ email: 'member@demo.local', password: 'not-the-password' }, { headers })).toBeNull();
    nextPeriod();
    const code = totpCode(secret);
    expect(await authorize({ email: 'member@demo.local', password: 'demo-password', code }, { headers })).toMatchObject({ email: 'member@demo.local' });
    // The same code again (someone who watched it being typed) is refused.
    await expect(authorize({ email: 'member@demo.local', password: 'demo-password', code }, { headers })).rejects.toThrow(/^WrongCode$/);
    // A right code with a wrong password is no sign-in either.
    nextPeriod();
    expect(await authorize({ email: 'member@demo.local', password: 'not-the-password', code: totpCode(secret) }, { headers })).toBeNull();

    const recovery = codes[3]!;
    expect(await authorize({ email: 'member@demo.local', password: 'demo-password', code: recovery.toUpperCase() }, { headers })).toMatchObject({
      email: 'member@demo.local',
    });
    await expect(authorize({ email: 'member@demo.local', password: 'demo-password', code: recovery }, { headers })).rejects.toThrow(/^WrongCode$/);
    expect((await callerAs(db, 'member@demo.local').twoFactor.status()).recoveryCodesLeft).toBe(9);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'recovery_code_used')).all()).toHaveLength(1);
  });

  it('counts wrong codes with the password failures of the account, and a right code cannot get past the limit', async () => {
    const db = await freshDb();
    const { secret } = await turnOn(db, 'member@demo.local');
    const start = new Date();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      const result = await signInWithPassword(db, 'member@demo.local', 'demo-password', `10.2.0.${i}`, new Date(start.getTime() + i), '12345' + (i % 10));
      expect(result).toMatchObject({ blocked: false, user: null, secondFactor: 'wrong' });
    }
    nextPeriod();
    const later = new Date(start.getTime() + 60_000);
    expect(await signInWithPassword(db, 'member@demo.local', 'demo-password', '10.2.1.1', later, totpCode(secret))).toMatchObject({ blocked: true });
    // Asking for the code step (a right password without a code) records nothing, so it cannot reset the count.
    const fresh = await freshDb();
    await turnOn(fresh, 'member@demo.local');
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) await signInWithPassword(fresh, 'member@demo.local', 'demo-password', '10.3.0.1', start, '000000');
    await signInWithPassword(fresh, 'member@demo.local', 'demo-password', '10.3.0.1', start);
    await signInWithPassword(fresh, 'member@demo.local', 'demo-password', '10.3.0.1', start, '000000');
    expect(await signInWithPassword(fresh, 'member@demo.local', 'demo-password', '10.3.0.1', later)).toMatchObject({ blocked: true });
  });

  it('signs in without a code an account that has two-factor off', async () => {
    const db = await freshDb();
    const authorize = authorizeWith(db);
    expect(await authorize({ email: 'viewer@demo.local', password: 'demo-password' }, { headers: {} })).toMatchObject({ email: 'viewer@demo.local' });
  });
});

describe('requiring two-factor', () => {
  it('lets a member of a lab that requires it for everyone do nothing but set it up, until they have', async () => {
    const db = await freshDb();
    const labId = labIdOf(db, 'new-display-lab');
    const manager = callerAs(db, 'manager@demo.local');
    const lab = await manager.labSettings.get({ labId });
    await manager.labSettings.setTwoFactorRequirement({ labId, version: lab.lab.version, requirement: 'everyone' });
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'lab'), eq(auditEvents.entityId, labId))).all().at(-1)?.after).toEqual({
      twoFactorRequirement: 'everyone',
    });

    const member = callerAs(db, 'member@demo.local');
    await expect(member.lab.context({ slug: 'new-display-lab' })).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'errors.twoFactorSetupRequired' });
    await expect(member.me.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(member.workspace.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await member.twoFactor.status()).demand).toEqual({ by: 'lab', labName: 'New Display Technology Joint Laboratory' });
    // Someone with no role in the lab is not affected by its setting.
    expect(await errorCode(callerAs(db, 'steel@demo.local').me.get())).toBe('OK');

    await turnOn(db, 'member@demo.local');
    expect(await errorCode(callerAs(db, 'member@demo.local').lab.context({ slug: 'new-display-lab' }))).toBe('OK');
    // While required, it cannot be turned off.
    await expect(callerAs(db, 'member@demo.local').twoFactor.disable({ password: 'demo-password' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('asks it of a lab’s managers only when the lab requires it for managers, and the platform setting of admins and every manager', async () => {
    const db = await freshDb();
    const labId = labIdOf(db, 'new-display-lab');
    const manager = callerAs(db, 'manager@demo.local');
    await manager.labSettings.setTwoFactorRequirement({ labId, version: (await manager.labSettings.get({ labId })).lab.version, requirement: 'managers' });
    expect(await errorCode(callerAs(db, 'member@demo.local').me.get())).toBe('OK');
    expect(await errorCode(callerAs(db, 'manager@demo.local').me.get())).toBe('FORBIDDEN');

    const admin = callerAs(db, 'admin@demo.local');
    const platform = await admin.twoFactor.platformRequirement();
    expect(platform).toEqual({ requirement: 'none', version: 1 });
    await admin.twoFactor.setPlatformRequirement({ version: 1, requirement: 'managers' });
    expect(await errorCode(callerAs(db, 'admin@demo.local').me.get())).toBe('FORBIDDEN');
    expect(await errorCode(callerAs(db, 'steel@demo.local').me.get())).toBe('FORBIDDEN');
    expect(await errorCode(callerAs(db, 'viewer@demo.local').me.get())).toBe('OK');
    // A second admin working from the old version is told of the conflict.
    enableTotpDirectly(db, userByEmail(db, 'admin@demo.local').id);
    await expect(callerAs(db, 'admin@demo.local').twoFactor.setPlatformRequirement({ version: 1, requirement: 'everyone' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await callerAs(db, 'admin@demo.local').twoFactor.setPlatformRequirement({ version: 2, requirement: 'everyone' });
    expect(await errorCode(callerAs(db, 'viewer@demo.local').me.get())).toBe('FORBIDDEN');
    expect(await errorCode(callerAs(db, 'admin@demo.local').me.get())).toBe('OK');
  });
});

describe('turning two-factor off and resetting it', () => {
  it('needs the password, counted like a sign-in, and ends the other sessions', async () => {
    const db = await freshDb();
    await turnOn(db, 'member@demo.local');
    const caller = callerAs(db, 'member@demo.local');
    const before = tableCounts(db);
    await expect(caller.twoFactor.disable({ password: 'a-wrong-password' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'password' });
    expect(tableCounts(db)).toEqual({ ...before, login_attempts: before.login_attempts! + 1 });
    const version = userByEmail(db, 'member@demo.local').sessionVersion;
    await caller.twoFactor.disable({ password: 'demo-password' });
    expect(userByEmail(db, 'member@demo.local')).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: version + 1 });
    expect(db.select().from(recoveryCodes).all()).toHaveLength(0);
    expect(await authorizeWith(db)({ email: 'member@demo.local', password: 'demo-password' }, { headers: {} })).toMatchObject({
      email: 'member@demo.local',
    });
  });

  it('can be reset by an admin, audited, ending the person’s sessions', async () => {
    const db = await freshDb();
    await turnOn(db, 'member@demo.local');
    const member = userByEmail(db, 'member@demo.local');
    const admin = sessionUser(db, 'admin@demo.local');
    await callerAs(db, 'admin@demo.local').user.resetTwoFactor({ userId: member.id });
    expect(userByEmail(db, 'member@demo.local')).toMatchObject({ totpEnabledAt: null, sessionVersion: member.sessionVersion + 1 });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'two_factor_reset')).all()).toMatchObject([
      { actorId: admin.id, entityType: 'user', entityId: member.id },
    ]);
    await expect(callerAs(db, 'admin@demo.local').user.resetTwoFactor({ userId: member.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(callerAs(db, 'manager@demo.local').user.resetTwoFactor({ userId: member.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a secret sealed under another auth secret instead of accepting any code', async () => {
    const db = await freshDb();
    const member = userByEmail(db, 'member@demo.local');
    db.update(users).set({ totpSecret: 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAA', totpEnabledAt: new Date() }).where(eq(users.id, member.id)).run();
    await expect(
      authorizeWith(db)({ email: 'member@demo.local', password: 'demo-password', code: totpCode(TEST_TOTP_SECRET) }, { headers: {} }),
    ).rejects.toThrow(/^WrongCode$/);
  });
});

describe('passkeys and security keys', () => {
  function insertKey(db: DB, userId: number, credentialId: string) {
    return db.insert(securityKeys).values({ userId, credentialId, publicKey: 'AAAA', name: 'Laptop' }).returning().get();
  }

  it('are added only once two-factor is on, with options for this site that leave out the keys already added', async () => {
    const db = await freshDb();
    const caller = callerAs(db, 'member@demo.local');
    await expect(caller.twoFactor.keyRegistrationOptions()).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await turnOn(db, 'member@demo.local');
    const member = userByEmail(db, 'member@demo.local');
    insertKey(db, member.id, 'existing-credential');
    const options = await caller.twoFactor.keyRegistrationOptions();
    expect(options.rp).toEqual({ name: 'Consortium Tracker', id: 'localhost' });
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual(['existing-credential']);
    expect(options.authenticatorSelection?.residentKey).toBe('required');
    expect(db.select().from(webauthnChallenges).all()).toMatchObject([{ challenge: options.challenge, purpose: 'register', userId: member.id }]);
    // A second request replaces the first challenge: only the latest ceremony can finish.
    const again = await caller.twoFactor.keyRegistrationOptions();
    expect(db.select().from(webauthnChallenges).all().map((c) => c.challenge)).toEqual([again.challenge]);
  });

  it('refuse at sign-in an answer that is not from one of the person’s keys, counted like a wrong code', async () => {
    const db = await freshDb();
    await turnOn(db, 'member@demo.local');
    const viewer = userByEmail(db, 'viewer@demo.local');
    insertKey(db, viewer.id, 'viewers-credential');
    const options = await callerAs(db, null).twoFactor.signInKeyOptions();
    expect(options.allowCredentials).toEqual([]);
    const authorize = authorizeWith(db);
    const headers = { 'x-forwarded-for': '10.4.0.1' };
    for (const key of ['not json', JSON.stringify({ id: 'viewers-credential', rawId: 'x', type: 'public-key', response: {} })])
      await expect(authorize({ email: 'member@demo.local', password: 'demo-password', key }, { headers })).rejects.toThrow(/^WrongCode$/);
    expect(db.select().from(loginAttempts).where(eq(loginAttempts.ip, '10.4.0.1')).all().map((a) => a.succeeded)).toEqual([false, false]);
  });

  it('go with two-factor when it is turned off, and one’s own only can be removed', async () => {
    const db = await freshDb();
    await turnOn(db, 'member@demo.local');
    await turnOn(db, 'viewer@demo.local');
    const mine = insertKey(db, userByEmail(db, 'member@demo.local').id, 'members-credential');
    const theirs = insertKey(db, userByEmail(db, 'viewer@demo.local').id, 'viewers-credential');
    expect((await callerAs(db, 'member@demo.local').twoFactor.status()).securityKeys).toMatchObject([{ id: mine.id, name: 'Laptop' }]);
    await expect(callerAs(db, 'member@demo.local').twoFactor.removeKey({ id: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await callerAs(db, 'viewer@demo.local').twoFactor.disable({ password: 'demo-password' });
    expect(db.select().from(securityKeys).all().map((k) => k.id)).toEqual([mine.id]);
    await callerAs(db, 'member@demo.local').twoFactor.removeKey({ id: mine.id });
    expect(db.select().from(securityKeys).all()).toEqual([]);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'security_key_removed')).all()).toHaveLength(1);
  });
});
