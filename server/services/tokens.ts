import { createHash, randomBytes } from 'node:crypto';

// Secret links (invitations, password resets): the token lives only in the link; the database
// keeps its SHA-256, so a copy of the database cannot be turned into working links.

const HOUR_MS = 60 * 60 * 1000;
export const INVITATION_TTL_MS = 7 * 24 * HOUR_MS;
/** A reset an admin issues (also the link that lets a new account set its first password). */
export const ADMIN_RESET_TTL_MS = 7 * 24 * HOUR_MS;
/** A reset someone asks for by mail: short, because the mailbox is the only proof of identity. */
export const SELF_SERVICE_RESET_TTL_MS = HOUR_MS;

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

/** Paths of the pages that open a link; without a locale, so the reader's language is picked for them. */
export const invitationPath = (token: string) => `/invite/${token}`;
export const passwordResetPath = (token: string) => `/reset/${token}`;
