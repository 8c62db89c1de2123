import { eq } from 'drizzle-orm';
import { decode, encode } from 'next-auth/jwt';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { revokedSessions, users } from '@/db/schema';
import { authenticate, authOptions, issueSessionToken, sessionTokenFromCookieHeader, sessionUserFromToken } from '@/server/auth';
import { authSecret } from '@/server/env';
import { isSessionRevoked, revokeSession } from '@/server/services/sessions';
import { callerAs, freshDb, sessionUser } from '../helpers/db';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

function tokenFor(id: number, sessionVersion: number) {
  return issueSessionToken({ id, sessionVersion });
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

  it('puts only the user id, the session version and a new sign-in id into the token', async () => {
    const callbacks = authOptions().callbacks!;
    const signIn = (user: { id: string; sv: number }) =>
      callbacks.jwt!({ token: { name: 'x', email: 'x@y.z', picture: null }, user: user as never } as never);
    const token = await signIn({ id: '7', sv: 3 });
    expect(token).toEqual({ sub: '7', sv: 3, sid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await signIn({ id: '7', sv: 3 })).sid).not.toBe(token.sid);
    // next-auth re-issues the token as a session goes on: the sign-in id stays.
    expect(await callbacks.jwt!({ token: { ...token, jti: 'next-auth-own-id', exp: 1 } } as never)).toEqual(token);
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
    const foreign = await encode({ token: { sub: '1', sv: 1, sid: 'a-sign-in' }, secret: 'another-secret-another-secret-another-secret' });
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

describe('signing out', () => {
  const signOut = async (token: string) => {
    const payload = await decode({ token, secret: authSecret() });
    await authOptions(() => db).events!.signOut!({ token: payload! } as never);
  };

  it('ends that session for good: the token, and every copy next-auth re-issued of it, are refused', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const token = await tokenFor(member.id, 1);
    const payload = (await decode({ token, secret: authSecret() }))!;
    const reissued = await encode({ token: { sub: payload.sub, sv: payload.sv, sid: payload.sid }, secret: authSecret() });
    expect(await sessionUserFromToken(db, reissued)).not.toBeNull();
    await signOut(token);
    expect(await sessionUserFromToken(db, token)).toBeNull();
    expect(await sessionUserFromToken(db, reissued)).toBeNull();
  });

  it('leaves the person’s other sessions (other devices) and everyone else signed in', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const phone = await tokenFor(member.id, 1);
    const laptop = await tokenFor(member.id, 1);
    const viewer = await tokenFor(sessionUser(db, 'viewer@demo.local').id, 1);
    await signOut(phone);
    expect(await sessionUserFromToken(db, phone)).toBeNull();
    expect(await sessionUserFromToken(db, laptop)).toMatchObject({ id: member.id });
    expect(await sessionUserFromToken(db, viewer)).not.toBeNull();
  });

  it('is seen by every server process: it is kept in the database', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'revoked-')), 'app.db');
    const one = openDatabase(file);
    migrateDatabase(one);
    one.$client.exec(`insert into users (email, name, password_hash) values ('a@example.org', 'A', 'x')`);
    const other = openDatabase(file);
    const token = await tokenFor(1, 1);
    expect(await sessionUserFromToken(other, token)).not.toBeNull();
    const sid = (await decode({ token, secret: authSecret() }))!.sid as string;
    revokeSession(one, sid, new Date(Date.now() + 60_000));
    expect(await sessionUserFromToken(other, token)).toBeNull();
    one.$client.close();
    other.$client.close();
  });

  it('keeps a revoked id only until its session would have expired anyway', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    revokeSession(db, 'old', new Date(now.getTime() - 1), now);
    revokeSession(db, 'current', new Date(now.getTime() + 1), now);
    expect(isSessionRevoked(db, 'current')).toBe(true);
    revokeSession(db, 'another', new Date(now.getTime() + 60_000), now);
    expect(
      db
        .select()
        .from(revokedSessions)
        .all()
        .map((r) => r.sessionId)
        .sort(),
    ).toEqual(['another', 'current']);
  });

  it('refuses tokens issued before sessions had ids (decision 021): they could never be signed out', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const legacy = await encode({ token: { sub: String(member.id), sv: 1 }, secret: authSecret() });
    expect(await sessionUserFromToken(db, legacy)).toBeNull();
    expect(
      await sessionUserFromToken(db, await encode({ token: { sub: String(member.id), sv: 1, sid: 7 }, secret: authSecret() })),
    ).toBeNull();
  });
});
