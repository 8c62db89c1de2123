import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { users } from '../../db/schema';
import { authenticate, authOptions, sessionTokenFromCookieHeader, sessionUserFromToken } from '../../server/auth';
import { authSecret } from '../../server/env';
import { callerAs, freshDb, sessionUser } from '../helpers/db';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

async function tokenFor(sub: number, sv: number) {
  return encode({ token: { sub: String(sub), sv }, secret: authSecret() });
}

describe('authenticate', () => {
  it('accepts the right password, whatever the case of the email', async () => {
    expect((await authenticate(db, 'manager@demo.local', 'demo-password'))?.email).toBe('manager@demo.local');
    expect((await authenticate(db, '  Manager@Demo.LOCAL ', 'demo-password'))?.email).toBe('manager@demo.local');
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    expect(await authenticate(db, 'manager@demo.local', 'wrong-password')).toBeNull();
    expect(await authenticate(db, 'nobody@demo.local', 'demo-password')).toBeNull();
  });

  it('refuses a disabled account even with the right password', async () => {
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'member@demo.local')).run();
    expect(await authenticate(db, 'member@demo.local', 'demo-password')).toBeNull();
  });

  it('puts only the user id and session version into the token', async () => {
    const callbacks = authOptions().callbacks!;
    const token = await callbacks.jwt!({ token: { name: 'x', email: 'x@y.z', picture: null }, user: { id: '7', sv: 3 } as never } as never);
    expect(token).toEqual({ sub: '7', sv: 3 });
  });
});

describe('sessions', () => {
  it('resolves a valid token to the user as stored now', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const user = await sessionUserFromToken(db, await tokenFor(member.id, 1));
    expect(user).toMatchObject({ id: member.id, email: 'member@demo.local', isAdmin: false });
  });

  it('ends every session when the session version is bumped (password change, sign out everywhere)', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const token = await tokenFor(member.id, 1);
    db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, member.id)).run();
    expect(await sessionUserFromToken(db, token)).toBeNull();
  });

  it('ends the session of a disabled account on its next request', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const token = await tokenFor(member.id, 1);
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, member.id)).run();
    expect(await sessionUserFromToken(db, token)).toBeNull();
  });

  it('rejects garbage, tampered and foreign-secret tokens', async () => {
    expect(await sessionUserFromToken(db, undefined)).toBeNull();
    expect(await sessionUserFromToken(db, 'not-a-token')).toBeNull();
    const foreign = await encode({ token: { sub: '1', sv: 1 }, secret: 'another-secret-another-secret-another-secret' });
    expect(await sessionUserFromToken(db, foreign)).toBeNull();
  });

  it('reads the session cookie from a Cookie header', () => {
    expect(sessionTokenFromCookieHeader('a=1; next-auth.session-token=abc%3D; b=2')).toBe('abc=');
    expect(sessionTokenFromCookieHeader('a=1')).toBeUndefined();
    expect(sessionTokenFromCookieHeader(null)).toBeUndefined();
  });
});

describe('sign out everywhere', () => {
  it('ends every session of the account, and is audited', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const phone = await tokenFor(member.id, 1);
    const laptop = await tokenFor(member.id, 1);
    await callerAs(db, 'member@demo.local').me.signOutEverywhere();
    expect(await sessionUserFromToken(db, phone)).toBeNull();
    expect(await sessionUserFromToken(db, laptop)).toBeNull();
    const viewer = sessionUser(db, 'viewer@demo.local');
    expect(await sessionUserFromToken(db, await tokenFor(viewer.id, 1))).not.toBeNull();
    const event = db.$client.prepare(`select action from audit_events where entity_type = 'user' and entity_id = ?`).get(member.id) as {
      action: string;
    };
    expect(event.action).toBe('signed_out_everywhere');
  });
});
