import { describe, expect, it } from 'vitest';
import { passwordProblem } from '@/server/domain/password-policy';
import { hashPassword, verifyPassword } from '@/server/password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterz', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$2$3')).toBe(false);
  });
});

describe('password rules', () => {
  it('needs ten characters, not the email, not a common password', () => {
    expect(passwordProblem('short', 'a@b.cn')).toBe('validation.passwordTooShort');
    expect(passwordProblem('li.wei@example.org', 'Li.Wei@example.org')).toBe('validation.passwordIsEmail');
    expect(passwordProblem('1234567890', 'a@b.cn')).toBe('validation.passwordCommon');
    expect(passwordProblem('Plenty-long-and-rare', 'a@b.cn')).toBeNull();
  });
});
