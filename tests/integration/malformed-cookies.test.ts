import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { issueSessionToken, sessionTokenFromCookieHeader } from '@/server/auth';
import { cookieValue } from '@/server/http/cookies';
import { freshDb, sessionUser } from '../helpers/db';
import { MALFORMED_COOKIES } from '../helpers/malformed-cookies';
import { startTrpcServer } from '../helpers/trpc-server';

// A Cookie header is whatever the client sends. One that is not valid percent-encoding used to
// throw a URIError in the hand-written parser (a 500 on every tRPC call and download); the app's
// one parser reads it as a wrong value, so the request is simply signed out.

let db: DB;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  db = await freshDb();
  ({ base, close } = await startTrpcServer(db));
});
afterAll(() => close());

const query = (path: string, cookie: string) =>
  fetch(`${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, { headers: { cookie } });

describe('a malformed Cookie header', () => {
  it('reads as no session: a public tRPC query answers, a private one says UNAUTHORIZED, never 500', async () => {
    for (const cookie of MALFORMED_COOKIES) {
      const open = await query('directory.list', cookie);
      expect(open.status, cookie).toBe(200);
      const closed = await query('me.get', cookie);
      expect(closed.status, cookie).toBe(401);
    }
  });

  it('does not spoil the session cookie beside it, nor the language', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const token = await issueSessionToken({ id: member.id, sessionVersion: 1 });
    const res = await fetch(`${base}/api/trpc/me.get?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
      headers: { cookie: `NEXT_LOCALE=%; junk=%E0%A4%A; next-auth.session-token=${token}` },
    });
    expect(res.status).toBe(200);
  });

  it('gives the value as sent where it is not valid percent-encoding, and decodes it where it is', () => {
    expect(cookieValue('next-auth.session-token=%', 'next-auth.session-token')).toBe('%');
    expect(cookieValue('a=1; NEXT_LOCALE=zh-CN; b=%', 'NEXT_LOCALE')).toBe('zh-CN');
    expect(sessionTokenFromCookieHeader('next-auth.session-token=first; next-auth.session-token=second')).toBe('first');
    expect(sessionTokenFromCookieHeader(undefined)).toBeUndefined();
  });
});
