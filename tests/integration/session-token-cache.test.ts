import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/db/client';
import { users } from '@/db/schema';
import { issueSessionToken, sessionUserFromToken } from '@/server/auth';
import { freshDb, sessionUser } from '../helpers/db';

// Decoded session tokens are kept by their text (issue 9): that must never keep a session alive
// that the database or the token's own expiry has ended.

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => vi.useRealTimers());

const tokenFor = (id: number, sessionVersion: number, maxAge?: number) => issueSessionToken({ id, sessionVersion }, { maxAge });

describe('a session token that was already decoded once', () => {
  it('ends when the session version is bumped or the account disabled', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const token = await tokenFor(member.id, 1);
    expect(await sessionUserFromToken(db, token)).toMatchObject({ id: member.id });

    db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, member.id)).run();
    expect(await sessionUserFromToken(db, token)).toBeNull();

    db.update(users).set({ sessionVersion: 1, disabledAt: new Date() }).where(eq(users.id, member.id)).run();
    expect(await sessionUserFromToken(db, token)).toBeNull();
  });

  it('ends when the token expires', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const token = await tokenFor(member.id, 1, 60);
    expect(await sessionUserFromToken(db, token)).toMatchObject({ id: member.id });
    vi.useFakeTimers({ now: Date.now() + 2 * 60_000, toFake: ['Date'] });
    expect(await sessionUserFromToken(db, token)).toBeNull();
  });

  it('sees a later change of the user (name, admin flag), never the one it first saw', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const token = await tokenFor(member.id, 1);
    await sessionUserFromToken(db, token);
    db.update(users).set({ name: 'Renamed Member', isAdmin: true }).where(eq(users.id, member.id)).run();
    expect(await sessionUserFromToken(db, token)).toMatchObject({ name: 'Renamed Member', isAdmin: true });
  });
});
