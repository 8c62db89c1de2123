import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { freshDb } from '../helpers/db';
import { databaseDigest } from '../helpers/snapshot';
import { labFixture, plantUnreadableTexts, POLICY } from '../policy/policy';
import { expectedOutcome, ROLES, userFor, type Outcome } from '../policy/roles';

// Every procedure of the app router × every role: allowed or denied exactly as the policy says,
// a denial changes nothing in the database, and what a query answers holds no text the caller may
// not read (hidden updates, invitations, audit-only values), even where the caller may call it.

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

async function call(
  path: string,
  caller: ReturnType<typeof createCaller>,
  input: unknown,
): Promise<{ outcome: Outcome | string; output?: unknown }> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    return { outcome: 'OK', output: await fn(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: error.code };
    throw error;
  }
}

describe.each(procedures)('$path', ({ path, type }) => {
  const entry = POLICY[path];
  it.each([...ROLES])('as %s', async (role) => {
    if (!entry) return; // reported by the policy-table test above
    const db = await freshDb();
    // Reads are asked with texts in the lab that only some roles may read.
    const unreadable = type === 'query' ? (await plantUnreadableTexts(db)).filter((t) => !t.readers.includes(role)) : [];
    const user = userFor(db, role);
    const input = entry.input(labFixture(db, role, user));
    const expected = entry.overrides?.[role] ?? expectedOutcome(entry.access, role);
    const before = databaseDigest(db);
    const { outcome, output } = await call(path, createCaller(createContext({ db, user })), input);
    expect(outcome, `${path} as ${role}`).toBe(expected);
    if (expected !== 'OK') expect(databaseDigest(db), `${path} as ${role} changed the database`).toBe(before);
    const answer = JSON.stringify(output ?? null);
    for (const { what, text } of unreadable) expect(answer.includes(text), `${path} shows ${what} to ${role}`).toBe(false);
  });
});

describe('what each role may read', () => {
  it('plants texts that the full audit log does show to a manager, so the checks above can fail', async () => {
    const db = await freshDb();
    const texts = await plantUnreadableTexts(db);
    const caller = createCaller(createContext({ db, user: userFor(db, 'manager') }));
    const labId = labFixture(db, 'manager', null).labId;
    const log = JSON.stringify([await caller.audit.list({ labId, limit: 200 }), await caller.activity.list({ labId, limit: 200 })]);
    for (const { what, text } of texts) expect(log.includes(text), what).toBe(true);
  });
});
