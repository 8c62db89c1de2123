import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { signInWithPassword } from '@/server/auth';
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  clientAddress,
  recordSignInAttempt,
  SIGN_IN_WINDOW_MS,
} from '@/server/services/sign-in-guard';
import { freshDb } from '../helpers/db';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

const t0 = new Date('2026-06-15T08:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

function fail(email: string, ip: string, times: number, at = t0) {
  for (let i = 0; i < times; i++) recordSignInAttempt(db, email, ip, false, later(at.getTime() - t0.getTime() + i * 1000));
}

describe('sign-in throttling', () => {
  it('refuses an account after 10 failures in 15 minutes, even with the right password', async () => {
    fail('member@demo.local', '10.0.0.1', ACCOUNT_FAILURE_LIMIT);
    const refused = await signInWithPassword(db, 'member@demo.local', 'demo-password', '10.0.0.2', later(60_000));
    expect(refused.blocked).toBe(true);
    // Another account from the same address is unaffected.
    const other = await signInWithPassword(db, 'viewer@demo.local', 'demo-password', '10.0.0.1', later(60_000));
    expect(other).toMatchObject({ blocked: false, user: { email: 'viewer@demo.local' } });
  });

  it('lets nine failures through and counts case-insensitively', async () => {
    fail('member@demo.local', '10.0.0.1', ACCOUNT_FAILURE_LIMIT - 1);
    const ok = await signInWithPassword(db, 'MEMBER@demo.local', 'demo-password', '10.0.0.1', later(60_000));
    expect(ok).toMatchObject({ blocked: false, user: { email: 'member@demo.local' } });
  });

  it('unlocks once the failures are older than the window', async () => {
    fail('member@demo.local', '10.0.0.1', ACCOUNT_FAILURE_LIMIT);
    const refused = await signInWithPassword(db, 'member@demo.local', 'demo-password', '10.0.0.1', later(SIGN_IN_WINDOW_MS - 1));
    expect(refused.blocked).toBe(true);
    if (refused.blocked) expect(refused.retryAt.getTime()).toBe(t0.getTime() + SIGN_IN_WINDOW_MS);
    const ok = await signInWithPassword(db, 'member@demo.local', 'demo-password', '10.0.0.1', later(SIGN_IN_WINDOW_MS + 10_000));
    expect(ok.blocked).toBe(false);
  });

  it('starts counting afresh after a successful sign-in', async () => {
    fail('member@demo.local', '10.0.0.1', ACCOUNT_FAILURE_LIMIT - 1);
    recordSignInAttempt(db, 'member@demo.local', '10.0.0.1', true, later(20_000));
    fail('member@demo.local', '10.0.0.1', ACCOUNT_FAILURE_LIMIT - 1, later(30_000));
    const ok = await signInWithPassword(db, 'member@demo.local', 'demo-password', '10.0.0.1', later(60_000));
    expect(ok.blocked).toBe(false);
  });

  it('refuses an address after 50 failures across accounts, and no other address', async () => {
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) recordSignInAttempt(db, `guess${i}@demo.local`, '203.0.113.9', false, later(i * 1000));
    expect((await signInWithPassword(db, 'member@demo.local', 'demo-password', '203.0.113.9', later(120_000))).blocked).toBe(true);
    expect((await signInWithPassword(db, 'member@demo.local', 'demo-password', '198.51.100.1', later(120_000))).blocked).toBe(false);
  });

  it('records each checked attempt and not the refused ones', async () => {
    const count = () => db.$client.prepare('select count(*) as n from login_attempts').get() as { n: number };
    await signInWithPassword(db, 'member@demo.local', 'wrong-password', '10.0.0.1', t0);
    expect(count().n).toBe(1);
    fail('member@demo.local', '10.0.0.1', ACCOUNT_FAILURE_LIMIT);
    await signInWithPassword(db, 'member@demo.local', 'wrong-password', '10.0.0.1', later(60_000));
    expect(count().n).toBe(1 + ACCOUNT_FAILURE_LIMIT);
  });

  it('takes the address the nearest proxy recorded', () => {
    expect(clientAddress({ 'x-forwarded-for': '1.2.3.4, 10.0.0.7' })).toBe('10.0.0.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '::1' }))).toBe('::1');
    expect(clientAddress({})).toBeNull();
  });
});
