import { eq } from 'drizzle-orm';
import { generateSync } from 'otplib';
import type { DB } from '@/db/client';
import { users } from '@/db/schema';
import { sealSecret } from '@/server/services/secret-box';

/** A TOTP secret for tests (base32, 160 bits), as an authenticator app would hold it. */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The code an authenticator app shows for `secret` at `epoch` (seconds; default now). */
export function totpCode(secret = TEST_TOTP_SECRET, epoch?: number): string {
  return generateSync({ secret, ...(epoch === undefined ? {} : { epoch }) });
}

/** Two-factor on for a user without going through set-up (no recovery codes). */
export function enableTotpDirectly(db: DB, userId: number, secret = TEST_TOTP_SECRET): void {
  db.update(users).set({ totpSecret: sealSecret(secret), totpEnabledAt: new Date(), totpLastStep: null }).where(eq(users.id, userId)).run();
}

/** A set-up begun with a known secret, as beginSetup leaves it. */
export function pendTotpDirectly(db: DB, userId: number, secret = TEST_TOTP_SECRET): void {
  db.update(users).set({ totpPendingSecret: sealSecret(secret) }).where(eq(users.id, userId)).run();
}
