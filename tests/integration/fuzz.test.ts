import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { freshDb } from '../helpers/db';
import { databaseDigest } from '../helpers/snapshot';
import { labFixture, POLICY } from '../policy/policy';
import { userFor, type Role } from '../policy/roles';

// Arbitrary and mutated inputs for every procedure never crash the server (no
// INTERNAL_SERVER_ERROR) and never change the database when they are refused.
// CI runs a fixed seed; run longer with e.g. FUZZ_RUNS=2000 FUZZ_SEED=$RANDOM npx vitest run tests/integration/fuzz.test.ts

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
// Some procedures hash passwords (about 0.1 s each): a long run needs time in proportion.
const TIMEOUT_MS = 30_000 + RUNS * 500;
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

type Proc = { _def: { inputs: unknown[] } };
const procedureDefs = (appRouter as unknown as { _def: { procedures: Record<string, Proc> } })._def.procedures;
const procedures = Object.keys(procedureDefs);

/** Every field the procedure's input schemas name, optional ones included, so each gets fuzzed. */
function schemaKeys(path: string): string[] {
  return procedureDefs[path]!._def.inputs.flatMap((input) => {
    let schema = input as { shape?: object; unwrap?: () => unknown } | undefined;
    // Look through .optional() / .nullish() wrappers to the object inside.
    while (schema && !schema.shape && typeof schema.unwrap === 'function') schema = schema.unwrap() as typeof schema;
    return schema?.shape ? Object.keys(schema.shape) : [];
  });
}

const HUGE = 'x'.repeat(200_000);
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    -1,
    2 ** 31,
    -(2 ** 53),
    2 ** 53,
    Number.MAX_VALUE,
    Infinity,
    -Infinity,
    NaN,
    1e-300,
  ),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    HUGE,
    '\u0000',
    '\uD800',
    '😀🏳️‍🌈',
    '<script>alert(1)</script>',
    "'; drop table labs; --",
    '../../etc/passwd',
    '2026-02-30',
    '9999-99-99',
    ' ',
    '',
  ),
  fc.date(),
  fc.array(fc.integer(), { maxLength: 300 }),
  fc.object({ maxDepth: 2 }),
  fc.anything({ maxDepth: 2 }),
);

/** A valid input with one field replaced, or an unexpected field added, or replaced wholesale. */
function mutated(valid: unknown, fields: string[]): fc.Arbitrary<unknown> {
  if (!valid || typeof valid !== 'object' || Array.isArray(valid))
    return fields.length ? fc.oneof(nasty, fc.dictionary(fc.constantFrom(...fields), nasty)) : nasty;
  const keys = [...new Set([...Object.keys(valid), ...fields])];
  if (keys.length === 0) return nasty;
  return fc.oneof(
    nasty,
    fc.record({ key: fc.constantFrom(...keys), value: nasty }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.record({ key: fc.string({ maxLength: 12 }), value: nasty }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc.dictionary(fc.constantFrom(...keys), nasty).map((changes) => ({ ...valid, ...changes })),
  );
}

// A wrong current password is a guess at the account's password: the sign-in throttle records it
// (sign-in-guard.ts), which is the point of the throttle, and nothing else changes. Turning
// two-factor off asks for the password the same way.
const RECORDED_WHEN_REFUSED: Record<string, readonly string[]> = {
  'password.change': ['login_attempts'],
  'twoFactor.disable': ['login_attempts'],
};

async function attempt(path: string, role: Role, makeInput: (valid: unknown) => unknown) {
  const db = await freshDb();
  const user = userFor(db, role);
  const valid = POLICY[path]!.input(labFixture(db, role, user));
  const input = makeInput(valid);
  const before = databaseDigest(db, RECORDED_WHEN_REFUSED[path]);
  const caller = createCaller(createContext({ db, user }));
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    await fn(input);
  } catch (error) {
    if (!(error instanceof TRPCError))
      throw new Error(`${path} threw a non-tRPC error for ${JSON.stringify(input)?.slice(0, 200)}: ${String(error)}`);
    if (error.code === 'INTERNAL_SERVER_ERROR')
      throw new Error(`${path} crashed for ${JSON.stringify(input)?.slice(0, 200)}: ${String(error.cause ?? error)}`);
    expect(databaseDigest(db, RECORDED_WHEN_REFUSED[path]), `${path} refused the input but changed the database`).toBe(before);
  }
}

describe.each(procedures)('fuzzing %s', (path) => {
  it.each(['manager', 'anonymous'] as const)(
    'as %s',
    async (role) => {
      if (!POLICY[path]) return; // the authorization matrix reports the missing entry
      let valid: unknown;
      {
        const db = await freshDb();
        valid = POLICY[path]!.input(labFixture(db, role, userFor(db, role)));
      }
      await fc.assert(
        fc.asyncProperty(mutated(valid, schemaKeys(path)), async (input) => {
          await attempt(path, role, () => input);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    TIMEOUT_MS,
  );
});
