import { eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { decode, encode } from 'next-auth/jwt';
import { serialize as serializeCookie } from 'cookie';
import { randomUUID } from 'node:crypto';
import { getDb, type DB } from './db';
import { prepared } from '../db/prepared';
import { users } from '../db/schema';
import { sameOriginPath } from './domain/redirect-target';
import { authSecret, env } from './env';
import { cookieValue } from './http/cookies';
import { decoyHash, PasswordHashingBusy, verifyPassword } from './password';
import { normaliseEmail, type SessionUser } from './services/actor';
import { clientAddress, minutesUntil } from './services/sign-in-guard';
import { checkSecurityKey } from './services/security-keys';
import { checkSecondFactor, hasSecondFactor } from './services/two-factor';
import { sharedState } from './shared-state/store';

export { hashPassword, verifyPassword } from './password';
export { normaliseEmail, type SessionUser } from './services/actor';


const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
const CLOCK_TOLERANCE_MS = 15_000; // next-auth's own tolerance when it checks `exp`

/**
 * All a session token says: who signed in (`sub`), which generation of their sessions it belongs
 * to (`sv`, decision 004) and which sign-in it is (`sid`, decision 021). Every token next-auth
 * re-issues for the same sign-in keeps the `sid` (its own `jti` changes each time).
 */
function newSessionClaims(userId: string | number, sessionVersion: number) {
  return { sub: String(userId), sv: sessionVersion, sid: randomUUID() };
}

/** A session token as signing in issues it, for scripts and tests that need a session without a browser. */
export function issueSessionToken(
  user: { id: number; sessionVersion: number },
  options: { secret?: string; maxAge?: number } = {},
): Promise<string> {
  return encode({
    token: newSessionClaims(user.id, user.sessionVersion),
    secret: options.secret ?? authSecret(),
    maxAge: options.maxAge ?? SESSION_MAX_AGE_S,
  });
}

function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith('https://') ?? false;
}

/**
 * A Set-Cookie header with a new session token for a user whose sessions just ended (two-factor
 * turned on or off): the browser that did it stays signed in, every other one is signed out.
 * The same cookie next-auth writes at sign-in (name, HttpOnly, SameSite=Lax, Secure with https).
 */
export async function freshSessionCookie(user: { id: number; sessionVersion: number }): Promise<string> {
  const token = await issueSessionToken(user);
  return serializeCookie(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(),
    expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
  });
}

export function sessionCookieName(): string {
  return `${secureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}

/** Checks an email and password; the same answer and about the same time whether or not the email exists. */
export async function authenticate(db: DB, email: string, password: string) {
  const user = db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normaliseEmail(email)}`)
    .get();
  if (!user) {
    await verifyPassword(password, await decoyHash());
    return null;
  }
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || user.disabledAt) return null;
  return user;
}

/** The error a refused sign-in reports to the form: `TooManyAttempts.<minutes to wait>`. */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts';
/** The error a sign-in reports when too many password checks are under way: try again in a moment. */
export const SIGN_IN_BUSY = 'Busy';
/** The password was right and the account has two-factor on: ask for a code and send both again. */
export const SECOND_FACTOR_REQUIRED = 'SecondFactorRequired';
/** The password was right, the code was not (counted by the throttle like a wrong password). */
export const WRONG_CODE = 'WrongCode';

/**
 * A sign-in attempt as the sign-in form makes it: throttled per account and per address, then
 * checked, then recorded. Returns the user, null for wrong credentials, or how long to wait.
 */
export async function signInWithPassword(
  db: DB,
  email: string,
  password: string,
  ip: string | null,
  now = new Date(),
  /** The code of the second step (TOTP or recovery code); needed when the account has two-factor on. */
  code?: string,
  /** Or a passkey's answer (JSON) to the sign-in challenge, instead of a code. */
  key?: string,
) {
  const normalised = normaliseEmail(email);
  const throttle = sharedState(db);
  const block = await throttle.signInBlock(normalised, ip, now);
  if (block.blocked) return { blocked: true, retryAt: block.retryAt } as const;
  const user = await authenticate(db, normalised, password);
  // A right password alone never makes a session when two-factor is on (decision 026). Asking for
  // the code records nothing: a success here would start the throttle afresh between wrong codes.
  if (user && hasSecondFactor(user)) {
    if (!code && !key) return { blocked: false, user: null, secondFactor: 'required' } as const;
    const method = code ? await checkSecondFactor(db, user.id, code) : (await checkSecurityKey(db, user.id, key!)) ? 'key' : null;
    await throttle.recordSignInAttempt(normalised, ip, method !== null, now);
    return method ? ({ blocked: false, user, secondFactor: method } as const) : ({ blocked: false, user: null, secondFactor: 'wrong' } as const);
  }
  await throttle.recordSignInAttempt(normalised, ip, user !== null, now);
  return { blocked: false, user, secondFactor: null } as const;
}

/** next-auth's configuration; `database` is the app's database (tests pass their own). */
export function authOptions(database: () => DB = getDb): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    useSecureCookies: secureCookies(),
    pages: { signIn: '/signin', signOut: '/signout', error: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'email',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          code: { label: 'Code', type: 'text' },
          key: { label: 'Passkey', type: 'text' },
        },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === 'string' ? credentials.email : '';
          const password = typeof credentials?.password === 'string' ? credentials.password : '';
          const code = typeof credentials?.code === 'string' && credentials.code.length <= 40 ? credentials.code : undefined;
          const key = typeof credentials?.key === 'string' && credentials.key.length <= 16_000 ? credentials.key : undefined;
          if (!email || !password || email.length > 320 || password.length > 1024) return null;
          let result: Awaited<ReturnType<typeof signInWithPassword>>;
          try {
            result = await signInWithPassword(database(), email, password, clientAddress(req?.headers), new Date(), code || undefined, key || undefined);
          } catch (error) {
            if (error instanceof PasswordHashingBusy) throw new Error(SIGN_IN_BUSY);
            throw error;
          }
          if (result.blocked) throw new Error(`${TOO_MANY_ATTEMPTS}.${minutesUntil(result.retryAt)}`);
          if (result.secondFactor === 'required') throw new Error(SECOND_FACTOR_REQUIRED);
          if (result.secondFactor === 'wrong') throw new Error(WRONG_CODE);
          const { user } = result;
          if (!user) return null;
          return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      // next-auth's own redirects (its sign-in and sign-out endpoints' callbackUrl) stay on this site.
      redirect({ url, baseUrl }) {
        const path = sameOriginPath(url, baseUrl);
        return path ? new URL(path, baseUrl).href : baseUrl;
      },
      // The token carries only who signed in, their session generation and this sign-in's id.
      async jwt({ token, user }) {
        if (user) return newSessionClaims(user.id, (user as { sv?: number }).sv ?? 1);
        return { sub: token.sub, sv: token.sv, sid: token.sid };
      },
      async session({ session, token }) {
        return { ...session, user: { id: token.sub } } as typeof session;
      },
    },
    events: {
      // Signing out ends this sign-in on every server process, not only in this browser: a copy of
      // the token is refused from now on. Its last re-issued token expires within SESSION_MAX_AGE.
      async signOut({ token }) {
        if (typeof token?.sid === 'string') {
          const until = new Date(Date.now() + SESSION_MAX_AGE_S * 1000 + CLOCK_TOLERANCE_MS);
          await sharedState(database()).revokeSession(token.sid, until);
        }
      },
    },
  };
}

type TokenPayload = NonNullable<Awaited<ReturnType<typeof decode>>>;

// Decoding a token derives a key (HKDF) and decrypts it: a few percent of every signed-in
// request's CPU (issue 9). A token's content never changes, so what it says is kept by its text,
// per process (bounded, least recently used out first, and only until it expires); who it names,
// and whether its session was signed out, is still read from the database every time.
const decodedTokens = new LRUCache<string, TokenPayload>({ max: 1000 });

async function decodeSessionToken(token: string): Promise<TokenPayload | null> {
  const secret = authSecret();
  const key = `${secret}\u0000${token}`;
  const known = decodedTokens.get(key);
  if (known && (typeof known.exp !== 'number' || known.exp * 1000 + CLOCK_TOLERANCE_MS > Date.now())) return known;
  decodedTokens.delete(key);
  const payload = await decode({ token, secret });
  if (payload) decodedTokens.set(key, payload);
  return payload;
}

/** Looks up the user a session token names; null when the token is invalid, stale, signed out or the account is disabled. */
export async function sessionUserFromToken(db: DB, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  let payload: TokenPayload | null;
  try {
    payload = await decodeSessionToken(token);
  } catch {
    return null;
  }
  const id = Number(payload?.sub);
  // A token without a sign-in id predates decision 021 and could not be signed out: it is refused.
  if (!payload || !Number.isInteger(id) || id <= 0 || typeof payload.sid !== 'string') return null;
  if (await sharedState(db).isSessionRevoked(payload.sid)) return null;
  const user = prepared(db, 'userById', (d) => d.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare()).get({ id });
  if (!user || user.disabledAt || user.sessionVersion !== payload.sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    organisationId: user.organisationId,
    locale: user.locale,
    timeZone: user.timeZone,
  };
}

/** Reads the session cookie from a request's Cookie header (pages, route handlers, tRPC). */
export function sessionTokenFromCookieHeader(header: string | null | undefined): string | undefined {
  return cookieValue(header, sessionCookieName());
}
