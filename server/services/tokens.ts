import { createHash, randomBytes } from 'node:crypto';

// Secret links (invitations, password resets, address confirmations): the token lives only in the
// link; the database keeps its SHA-256, so a copy of the database cannot be turned into working links.
// Where mail is configured, a link goes only to the mailbox it is for and is never shown to whoever
// issued it; otherwise it is shown once to them to pass on (decision 018).

const HOUR_MS = 60 * 60 * 1000;
export const INVITATION_TTL_MS = 7 * 24 * HOUR_MS;
/** A reset an admin issues (also the link that lets a new account set its first password). */
export const ADMIN_RESET_TTL_MS = 7 * 24 * HOUR_MS;
/** A reset someone asks for by mail: short, because the mailbox is the only proof of identity. */
export const SELF_SERVICE_RESET_TTL_MS = HOUR_MS;
/** A link that confirms an account's address; mailed to it on request. */
export const EMAIL_CONFIRMATION_TTL_MS = 24 * HOUR_MS;

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
export const emailConfirmationPath = (token: string) => `/confirm/${token}`;
