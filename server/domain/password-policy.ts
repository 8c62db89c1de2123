// Rules for a new password. Returns the message key of the first rule broken, or null.

const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  'password123',
  'password1234',
  'qwertyuiop',
  'qwerty12345',
  'iloveyou123',
  'aaaaaaaaaa',
  'abcdefghij',
  'abc1234567',
  'letmein123',
  'welcome123',
  'admin12345',
  'administrator',
  'passw0rd123',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'changeme123',
  'demo-password',
  'woaini1314',
  'a123456789',
  '1111111111',
  '0000000000',
  '5201314520',
]);

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'validation.passwordTooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'validation.passwordTooLong';
  const lower = password.toLowerCase();
  const normalisedEmail = email.trim().toLowerCase();
  if (lower === normalisedEmail || (normalisedEmail.includes('@') && lower === normalisedEmail.split('@')[0])) {
    return 'validation.passwordIsEmail';
  }
  if (COMMON.has(lower)) return 'validation.passwordCommon';
  return null;
}
