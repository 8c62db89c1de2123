import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '../env';

// Secrets the server must read back (TOTP secrets) are kept encrypted with AES-256-GCM under a key
// derived from the auth secret (decision 026): a copy of the database or a backup alone reveals
// none of them. The stored form is `v1.<iv>.<ciphertext and tag>` (base64url).

const INFO = 'consortium-tracker: two-factor secrets';

function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret(), '', INFO, 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** The secret, or null when it was sealed under another key (the auth secret changed) or is damaged. */
export function openSecret(sealed: string): string | null {
  const [format, iv, body] = sealed.split('.');
  if (format !== 'v1' || !iv || !body) return null;
  try {
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
