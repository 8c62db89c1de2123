import { and, eq, isNull, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { DB, DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { labs, memberships, platformSettings, recoveryCodes, securityKeys, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { TWO_FACTOR_REQUIREMENTS, type TwoFactorRequirement } from '@/common/enums';
import { passwordField, versionField } from '../domain/fields';
import { AppError, invalidField, staleVersion } from '../errors';
import { verifyPassword } from '../password';
import { sharedState } from '../shared-state/store';
import { recordAudit } from './audit';
import { openSecret, sealSecret } from './secret-box';
import { listSecurityKeys } from './security-keys';
import { minutesUntil } from './sign-in-guard';
import { hashSecretToken } from './tokens';
import { updateVersioned } from './versioning';

// Two-factor authentication by TOTP (decision 026): a secret shown once as a QR code, confirmed with
// a code; ten single-use recovery codes shown once and kept as SHA-256. Turning it on or off ends
// the person's other sessions; the session that did it gets a fresh token (server/api/http.ts).

const ISSUER = 'Consortium Tracker';
/** Codes one period before or after now are accepted too (clocks drift). */
const TOLERANCE_S = 30;
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

export const codeInput = z.object({ code: z.string().trim().min(1).max(40) });
export const disableInput = z.object({ password: passwordField });
export const requirementInput = z.object({ requirement: z.enum(TWO_FACTOR_REQUIREMENTS) });
export const platformRequirementInput = requirementInput.extend({ version: versionField });
export const labRequirementInput = requirementInput.extend({ labId: z.number().int().positive(), version: versionField });

function userRow(db: DbOrTx, id: number) {
  const user = db.select().from(users).where(eq(users.id, id)).get();
  if (!user) throw new AppError('UNAUTHORIZED', 'errors.unauthorized');
  return user;
}

// ---- who must use it -------------------------------------------------------------------------

/** The platform's setting; before an admin first saves it there is no row, and it reads as version 1. */
export function platformTwoFactorRequirement(db: DbOrTx): { requirement: TwoFactorRequirement; version: number; stored: boolean } {
  const row = prepared(db, 'platformSettings', (d) => d.select().from(platformSettings).where(eq(platformSettings.id, 1)).prepare()).get();
  return { requirement: row?.twoFactorRequirement ?? 'none', version: row?.version ?? 1, stored: row !== undefined };
}

/**
 * Why this person must use a second factor, or null: the platform's setting (managers: admins and
 * every lab's managers), or the first lab of theirs that asks it of them.
 */
export function twoFactorDemand(db: DbOrTx, userId: number, isAdmin: boolean): { by: 'platform' } | { by: 'lab'; labName: string } | null {
  const platform = platformTwoFactorRequirement(db).requirement;
  if (platform === 'everyone') return { by: 'platform' };
  const roles = prepared(db, 'twoFactorLabs', (d) =>
    d
      .select({ role: memberships.role, requirement: labs.twoFactorRequirement, name: labs.nameEn })
      .from(memberships)
      .innerJoin(labs, eq(labs.id, memberships.labId))
      .where(eq(memberships.userId, sql.placeholder('userId')))
      .prepare(),
  ).all({ userId });
  if (platform === 'managers' && (isAdmin || roles.some((r) => r.role === 'manager'))) return { by: 'platform' };
  const lab = roles.find((r) => r.requirement === 'everyone' || (r.requirement === 'managers' && r.role === 'manager'));
  return lab ? { by: 'lab', labName: lab.name } : null;
}

/** True when the person must set up a second factor before anything else: required and not on. */
export function needsTwoFactorSetup(db: DbOrTx, user: SessionUser): boolean {
  const row = prepared(db, 'totpEnabled', (d) =>
    d.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare(),
  ).get({ id: user.id });
  if (row?.enabledAt) return false;
  return twoFactorDemand(db, user.id, user.isAdmin) !== null;
}

export function twoFactorStatus(db: DbOrTx, actor: SessionUser) {
  const user = userRow(db, actor.id);
  const left = db
    .select({ n: sql<number>`count(*)` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, actor.id), isNull(recoveryCodes.usedAt)))
    .get()!.n;
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user.totpEnabledAt ? left : 0,
    demand: twoFactorDemand(db, actor.id, actor.isAdmin),
    securityKeys: user.totpEnabledAt ? listSecurityKeys(db, actor.id) : [],
  };
}

// ---- set-up, confirmation, turning off ------------------------------------------------------

/** A new secret for the person to scan: kept sealed and pending until a code confirms it. */
export async function beginTwoFactorSetup(db: DB, actor: SessionUser) {
  const user = userRow(db, actor.id);
  if (user.totpEnabledAt) throw new AppError('PRECONDITION_FAILED', 'errors.twoFactorAlreadyOn');
  const secret = generateSecret();
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  db.transaction((tx) => {
    tx.update(users).set({ totpPendingSecret: sealSecret(secret) }).where(eq(users.id, user.id)).run();
    recordAudit(tx, { labId: null, actorId: actor.id, action: 'two_factor_setup_started', entityType: 'user', entityId: user.id });
  });
  return { secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}` };
}

/** The time step of a valid TOTP code, or null (otplib's result type also covers HOTP, which has none). */
async function totpStep(secret: string, token: string, afterTimeStep?: number): Promise<number | null> {
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: TOLERANCE_S, afterTimeStep });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** What is compared: lower case, without the dashes and spaces people type or leave out. */
function recoveryCodeHash(code: string): string {
  return hashSecretToken(code.toLowerCase().replace(/[\s-]/g, ''));
}

function endAllSessions(tx: DbOrTx, userId: number) {
  tx.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
}

/**
 * Confirms the pending secret with a code from the app: two-factor is on, every session of the
 * account ends (the caller's gets a new token) and ten recovery codes are shown, this once.
 */
export async function confirmTwoFactorSetup(db: DB, actor: SessionUser, input: z.infer<typeof codeInput>) {
  const user = userRow(db, actor.id);
  if (user.totpEnabledAt) throw new AppError('PRECONDITION_FAILED', 'errors.twoFactorAlreadyOn');
  const secret = user.totpPendingSecret ? openSecret(user.totpPendingSecret) : null;
  if (!secret) throw new AppError('PRECONDITION_FAILED', 'errors.twoFactorNoSetup');
  const token = input.code.replace(/\s/g, '');
  const step = await totpStep(secret, token);
  if (step === null) throw invalidField('code', 'errors.wrongCode');
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const sessionVersion = db.transaction((tx) => {
    tx.update(users)
      .set({ totpSecret: sealSecret(secret), totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step })
      .where(eq(users.id, user.id))
      .run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).run();
    tx.insert(recoveryCodes).values(codes.map((code) => ({ userId: user.id, codeHash: recoveryCodeHash(code) }))).run();
    endAllSessions(tx, user.id);
    recordAudit(tx, { labId: null, actorId: actor.id, action: 'two_factor_enabled', entityType: 'user', entityId: user.id });
    return userRow(tx, user.id).sessionVersion;
  });
  return { recoveryCodes: codes, sessionVersion };
}

/**
 * Turns two-factor off with the password (throttled like a sign-in, since a stolen session could
 * otherwise try passwords); refused while a setting requires it. Every other session ends.
 */
export async function disableTwoFactor(db: DB, actor: SessionUser, input: z.infer<typeof disableInput>, address: string | null) {
  const user = userRow(db, actor.id);
  if (!user.totpEnabledAt) throw new AppError('PRECONDITION_FAILED', 'errors.twoFactorNotOn');
  if (twoFactorDemand(db, user.id, user.isAdmin)) throw new AppError('PRECONDITION_FAILED', 'errors.twoFactorRequiredCannotDisable');
  const throttle = sharedState(db);
  const block = await throttle.signInBlock(user.email, address);
  if (block.blocked) {
    throw new AppError('TOO_MANY_REQUESTS', 'errors.tooManyPasswordAttempts', { field: 'password', params: { minutes: minutesUntil(block.retryAt) } });
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    await throttle.recordSignInAttempt(user.email, address, false);
    throw invalidField('password', 'errors.wrongPassword');
  }
  const sessionVersion = db.transaction((tx) => {
    clearSecondFactor(tx, user.id);
    recordAudit(tx, { labId: null, actorId: actor.id, action: 'two_factor_disabled', entityType: 'user', entityId: user.id });
    return userRow(tx, user.id).sessionVersion;
  });
  return { sessionVersion };
}

function clearSecondFactor(tx: DbOrTx, userId: number) {
  tx.update(users).set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId)).run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.delete(securityKeys).where(eq(securityKeys.userId, userId)).run();
  endAllSessions(tx, userId);
}

/** An admin removes a person's second factor (a lost phone and no recovery codes); their sessions end. */
export function resetTwoFactor(db: DB, actor: SessionUser, userId: number) {
  return db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError('NOT_FOUND', 'errors.notFound');
    if (!user.totpEnabledAt && !user.totpPendingSecret) throw new AppError('PRECONDITION_FAILED', 'errors.twoFactorNotOn');
    clearSecondFactor(tx, user.id);
    recordAudit(tx, { labId: null, actorId: actor.id, action: 'two_factor_reset', entityType: 'user', entityId: user.id });
    return { reset: true };
  });
}

// ---- the second step of signing in ---------------------------------------------------------

/**
 * Checks a code typed at sign-in: a TOTP code not used before, or an unused recovery code, which is
 * then used up. Returns what it was, or null. Throttling is the caller's (auth.ts), as for passwords.
 */
export async function checkSecondFactor(db: DB, userId: number, code: string): Promise<'totp' | 'recovery' | null> {
  const user = userRow(db, userId);
  const secret = user.totpSecret ? openSecret(user.totpSecret) : null;
  if (!user.totpEnabledAt || !secret) return null;
  const token = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(token)) {
    const step = await totpStep(secret, token, user.totpLastStep ?? undefined);
    if (step === null) return null;
    // Compare-and-set: two sign-ins with the same code at once cannot both pass.
    const moved = db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
      .run();
    return moved.changes === 1 ? 'totp' : null;
  }
  return db.transaction((tx) => {
    const used = tx
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, recoveryCodeHash(token)), isNull(recoveryCodes.usedAt)))
      .run();
    if (used.changes !== 1) return null;
    recordAudit(tx, { labId: null, actorId: userId, action: 'recovery_code_used', entityType: 'user', entityId: userId });
    return 'recovery' as const;
  });
}

export function hasSecondFactor(user: { totpEnabledAt: Date | null }): boolean {
  return user.totpEnabledAt !== null;
}

// ---- the settings that require it -------------------------------------------------------------

export function setPlatformTwoFactorRequirement(db: DB, actor: SessionUser, input: z.infer<typeof platformRequirementInput>) {
  return db.transaction((tx) => {
    const current = platformTwoFactorRequirement(tx);
    if (!current.stored) {
      if (input.version !== 1) throw staleVersion();
      tx.insert(platformSettings).values({ id: 1, twoFactorRequirement: input.requirement, version: 2 }).run();
    } else {
      updateVersioned(tx, platformSettings, 1, input.version, { twoFactorRequirement: input.requirement });
    }
    recordAudit(tx, {
      labId: null,
      actorId: actor.id,
      action: 'updated',
      entityType: 'platform_settings',
      entityId: 1,
      before: { twoFactorRequirement: current.requirement },
      after: { twoFactorRequirement: input.requirement },
    });
    const { requirement, version } = platformTwoFactorRequirement(tx);
    return { requirement, version };
  });
}

export function setLabTwoFactorRequirement(
  db: DB,
  actor: SessionUser,
  lab: { id: number; twoFactorRequirement: TwoFactorRequirement },
  input: z.infer<typeof labRequirementInput>,
) {
  return db.transaction((tx) => {
    updateVersioned(tx, labs, lab.id, input.version, { twoFactorRequirement: input.requirement });
    recordAudit(tx, {
      labId: lab.id,
      actorId: actor.id,
      action: 'updated',
      entityType: 'lab',
      entityId: lab.id,
      before: { twoFactorRequirement: lab.twoFactorRequirement },
      after: { twoFactorRequirement: input.requirement },
    });
    return { requirement: input.requirement };
  });
}
