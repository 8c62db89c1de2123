import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '../../server/api/root';
import { createContext } from '../../server/api/trpc';
import { freshDb } from '../helpers/db';
import { databaseDigest } from '../helpers/snapshot';
import { labFixture, POLICY } from '../policy/policy';
import { expectedOutcome, ROLES, userFor, type Outcome } from '../policy/roles';

// Every procedure of the app router × every role: allowed or denied exactly as the policy says,
// and a denial changes nothing in the database.

const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures,
).map(([path, proc]) => ({ path, type: proc._def.type }));

describe('the policy table', () => {
  it('has an entry for every procedure, and none for a procedure that no longer exists', () => {
    const paths = procedures.map((p) => p.path).sort();
    expect(paths.filter((p) => !POLICY[p])).toEqual([]);
    expect(Object.keys(POLICY).filter((p) => !paths.includes(p))).toEqual([]);
  });
});

async function call(path: string, caller: ReturnType<typeof createCaller>, input: unknown): Promise<Outcome | string> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    await fn(input);
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe.each(procedures)('$path', ({ path }) => {
  const entry = POLICY[path];
  it.each([...ROLES])('as %s', async (role) => {
    if (!entry) return; // reported by the policy-table test above
    const db = await freshDb();
    const user = userFor(db, role);
    const input = entry.input(labFixture(db, role, user));
    const expected = entry.overrides?.[role] ?? expectedOutcome(entry.access, role);
    const before = databaseDigest(db);
    const outcome = await call(path, createCaller(createContext({ db, user })), input);
    expect(outcome, `${path} as ${role}`).toBe(expected);
    if (expected !== 'OK') expect(databaseDigest(db), `${path} as ${role} changed the database`).toBe(before);
  });
});
