import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { boundedQueue } from './domain/bounded-queue';
import { AppError } from './errors';

// scrypt with N=2^15, r=8, p=1: 32 MiB and roughly 100 ms per hash on this class of machine
// (OWASP's minimum for scrypt is N=2^17 with r=8 p=1 *or* an equivalent cost; see decision 003).
// The parameters are stored in each hash, so they can be raised later without breaking logins.
const DEFAULT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** Refused at once because too many password checks are already running or waiting: try again in a moment. */
export class PasswordHashingBusy extends AppError {
  constructor() {
    super('TOO_MANY_REQUESTS', 'errors.busy');
  }
}

// A flood of sign-ins for random addresses costs a hash each (the decoy below); unbounded, they
// queue in libuv's four threads in front of real people (issue 15: real sign-ins took 9× as long).
// So at most one hash per core runs at once (the other threads stay free for files and zlib), a
// few more wait — at most a few hundred milliseconds — and anyone past that is told to try again
// straight away. This bounds this process's CPU, so it is per process by nature.
export const HASHING_LIMITS = { running: Math.max(1, availableParallelism()), waiting: 4 * Math.max(1, availableParallelism()) };
const hashing = boundedQueue(HASHING_LIMITS, () => new PasswordHashingBusy());

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return hashing(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULT);
  return ['scrypt', DEFAULT.N, DEFAULT.r, DEFAULT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A hash of a random password: verifying against it when the email is unknown makes a failed
// sign-in take as long whether or not the account exists.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
    decoy = undefined; // made when the hashing was busy: make it next time
    throw error;
  });
  return decoy;
}
