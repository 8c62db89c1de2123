import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DB, DbOrTx } from '@/db/client';
import { securityKeys, users, webauthnChallenges } from '@/db/schema';
import type { SessionUser } from './actor';
import { requiredText } from '../domain/fields';
import { AppError, invalidField, notFound } from '../errors';
import { publicOrigin } from '../public-url';
import { recordAudit } from './audit';

// Passkeys and security keys as a second factor (decision 027), next to the authenticator app: a
// key is added once two-factor is on (so recovery codes exist), and goes with it when two-factor
// is turned off or reset. Keys are discoverable credentials, so the sign-in's options name no user.

const RP_NAME = 'Consortium Tracker';
const CHALLENGE_TTL_MS = 5 * 60_000;

/** The relying party: the configured public origin, never the request's Host (a relay could name its own). */
function relyingParty() {
  const origin = publicOrigin();
  return { origin, rpID: new URL(origin).hostname };
}

// A browser's answer is a JSON object of base64url strings; the library checks its content.
const credentialJson = z.looseObject({ id: z.string().min(1).max(1400), rawId: z.string().min(1).max(1400), type: z.literal('public-key') });
export const addKeyInput = z.object({ name: requiredText(80), response: credentialJson.extend({ response: z.looseObject({}) }) });
export const removeKeyInput = z.object({ id: z.number().int().positive() });

function storeChallenge(tx: DbOrTx, challenge: string, purpose: 'register' | 'authenticate', userId: number | null) {
  const now = Date.now();
  tx.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date(now))).run();
  if (userId !== null) tx.delete(webauthnChallenges).where(and(eq(webauthnChallenges.userId, userId), eq(webauthnChallenges.purpose, purpose))).run();
  tx.insert(webauthnChallenges).values({ challenge, purpose, userId, expiresAt: new Date(now + CHALLENGE_TTL_MS) }).run();
}

/** Uses up a challenge: true once, for a live challenge of this purpose (and user). */
function consumeChallenge(db: DbOrTx, challenge: string, purpose: 'register' | 'authenticate', userId: number | null): boolean {
  const deleted = db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, purpose),
        userId === null ? sql`${webauthnChallenges.userId} is null` : eq(webauthnChallenges.userId, userId),
        gt(webauthnChallenges.expiresAt, new Date()),
      ),
    )
    .run();
  return deleted.changes === 1;
}

export function listSecurityKeys(db: DbOrTx, userId: number) {
  return db
    .select({ id: securityKeys.id, name: securityKeys.name, createdAt: securityKeys.createdAt, lastUsedAt: securityKeys.lastUsedAt })
    .from(securityKeys)
    .where(eq(securityKeys.userId, userId))
    .orderBy(asc(securityKeys.createdAt), asc(securityKeys.id))
    .all();
}

function requireTwoFactorOn(db: DbOrTx, userId: number) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError('UNAUTHORIZED', 'errors.unauthorized');
  if (!user.totpEnabledAt) throw new AppError('PRECONDITION_FAILED', 'errors.securityKeyNeedsTwoFactor');
  return user;
}

/** Options for the browser to create a passkey for this account. */
export async function securityKeyRegistrationOptions(db: DB, actor: SessionUser) {
  const user = requireTwoFactorOn(db, actor.id);
  const { rpID } = relyingParty();
  const existing = db.select({ id: securityKeys.credentialId, transports: securityKeys.transports }).from(securityKeys).where(eq(securityKeys.userId, user.id)).all();
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(`user-${user.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((k) => ({ id: k.id, transports: parseTransports(k.transports) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  db.transaction((tx) => {
    storeChallenge(tx, options.challenge, 'register', user.id);
    recordAudit(tx, { labId: null, actorId: actor.id, action: 'security_key_registration_started', entityType: 'user', entityId: user.id });
  });
  return options;
}

function parseTransports(json: string | null): AuthenticatorTransportFuture[] | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value.filter((t) => typeof t === 'string') as AuthenticatorTransportFuture[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks the browser's new credential against the challenge this account was given and keeps its public key. */
export async function addSecurityKey(db: DB, actor: SessionUser, input: z.infer<typeof addKeyInput>) {
  requireTwoFactorOn(db, actor.id);
  const { origin, rpID } = relyingParty();
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response as unknown as RegistrationResponseJSON,
      expectedChallenge: (challenge) => consumeChallenge(db, challenge, 'register', actor.id),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch {
    throw invalidField('response', 'errors.securityKeyRefused');
  }
  if (!verification.verified) throw invalidField('response', 'errors.securityKeyRefused');
  const { credential } = verification.registrationInfo;
  return db.transaction((tx) => {
    if (tx.select({ id: securityKeys.id }).from(securityKeys).where(eq(securityKeys.credentialId, credential.id)).get())
      throw invalidField('response', 'errors.securityKeyKnown');
    const row = tx
      .insert(securityKeys)
      .values({
        userId: actor.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ? JSON.stringify(credential.transports) : null,
        name: input.name,
      })
      .returning({ id: securityKeys.id })
      .get();
    recordAudit(tx, { labId: null, actorId: actor.id, action: 'security_key_added', entityType: 'user', entityId: actor.id, after: { name: input.name } });
    return { id: row.id, name: input.name };
  });
}

export function removeSecurityKey(db: DB, actor: SessionUser, id: number) {
  return db.transaction((tx) => {
    const key = tx.select().from(securityKeys).where(and(eq(securityKeys.id, id), eq(securityKeys.userId, actor.id))).get();
    if (!key) throw notFound();
    tx.delete(securityKeys).where(eq(securityKeys.id, key.id)).run();
    recordAudit(tx, { labId: null, actorId: actor.id, action: 'security_key_removed', entityType: 'user', entityId: actor.id, before: { name: key.name } });
    return { removed: true };
  });
}

/** Options for a sign-in's second step with a passkey: no user named, a single-use challenge. */
export async function securityKeySignInOptions(db: DB) {
  const { rpID } = relyingParty();
  const options = await generateAuthenticationOptions({ rpID, allowCredentials: [], userVerification: 'preferred' });
  db.transaction((tx) => storeChallenge(tx, options.challenge, 'authenticate', null));
  return options;
}

/**
 * Checks a passkey's answer at sign-in for this user (whose password was right): one of their
 * keys, a live challenge used up, a counter that moved on. Throttling is the caller's (auth.ts).
 */
export async function checkSecurityKey(db: DB, userId: number, answer: string): Promise<boolean> {
  let response: AuthenticationResponseJSON;
  try {
    response = JSON.parse(answer) as AuthenticationResponseJSON;
  } catch {
    return false;
  }
  if (!response || typeof response.id !== 'string') return false;
  const key = db.select().from(securityKeys).where(and(eq(securityKeys.credentialId, response.id), eq(securityKeys.userId, userId))).get();
  if (!key) return false;
  const { origin, rpID } = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(db, challenge, 'authenticate', null),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: key.credentialId, publicKey: Buffer.from(key.publicKey, 'base64url'), counter: key.counter, transports: parseTransports(key.transports) },
      requireUserVerification: false,
    });
    if (!result.verified) return false;
    db.update(securityKeys).set({ counter: result.authenticationInfo.newCounter, lastUsedAt: new Date() }).where(eq(securityKeys.id, key.id)).run();
    return true;
  } catch {
    return false;
  }
}
