import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { authOptions, signInWithPassword } from '@/server/auth';
import { HASHING_LIMITS, PasswordHashingBusy, verifyPassword } from '@/server/password';
import { freshDb, sessionUser, tableCounts } from '../helpers/db';
import { httpCall } from '../helpers/http';

// A flood of sign-ins for random addresses costs a password hash each. The hashing takes only so
// many at once and in line (server/password.ts); past that a caller hears "try again" at once,
// nothing is recorded, and the server is free again as soon as the flood has been answered.

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

const capacity = HASHING_LIMITS.running + HASHING_LIMITS.waiting;

/** Fills every place of the hashing, running and waiting; resolves when they are all done. */
function occupyHashing(): Promise<unknown> {
  return Promise.all(Array.from({ length: capacity }, () => verifyPassword('x', 'scrypt$32768$8$1$c2FsdA==$a2V5')));
}

describe('password hashing under a flood', () => {
  it('refuses sign-ins past its places as busy, records none of them, and signs people in again afterwards', async () => {
    const before = tableCounts(db);
    const flood = await Promise.allSettled(
      Array.from({ length: capacity * 2 }, (_, i) => signInWithPassword(db, `nobody-${i}@example.org`, 'not the password', `10.0.0.${i}`)),
    );
    const busy = flood.filter((r) => r.status === 'rejected');
    expect(busy.length).toBeGreaterThanOrEqual(capacity);
    for (const r of busy) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PasswordHashingBusy);
    const checked = flood.filter((r) => r.status === 'fulfilled').length;
    expect(tableCounts(db).login_attempts).toBe(before.login_attempts! + checked);

    const after = await signInWithPassword(db, 'member@demo.local', 'demo-password', '10.0.1.1');
    expect(after).toMatchObject({ blocked: false, user: { email: 'member@demo.local' } });
  });

  it('tells the sign-in form to try again (not that the password is wrong)', async () => {
    const provider = authOptions(() => db).providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const full = occupyHashing();
    await expect(provider.options.authorize({ email: 'member@demo.local', password: 'demo-password' }, { headers: {} })).rejects.toThrow(
      /^Busy$/,
    );
    await full;
    expect(await provider.options.authorize({ email: 'member@demo.local', password: 'demo-password' }, { headers: {} })).toMatchObject({
      email: 'member@demo.local',
    });
  });

  it('answers a password change at such a moment with 429 and a message to try again, changing nothing', async () => {
    const user = sessionUser(db, 'member@demo.local');
    const before = tableCounts(db);
    const full = occupyHashing();
    const res = await httpCall(
      db,
      'password.change',
      { currentPassword: 'demo-password', newPassword: 'a brand new passphrase' },
      { user },
    );
    expect(res.status).toBe(429);
    expect(res.body.error?.json.message).toBe(
      'Many sign-ins are being checked right now. Nothing was changed; try again in a few seconds.',
    );
    expect(tableCounts(db)).toEqual(before);
    await full;
    expect(
      (await httpCall(db, 'password.change', { currentPassword: 'demo-password', newPassword: 'a brand new passphrase' }, { user })).status,
    ).toBe(200);
  });
});
