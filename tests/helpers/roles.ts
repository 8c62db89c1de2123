import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { DB } from '@/db/client';
import { users } from '@/db/schema';
import { databaseDigest } from './snapshot';
import { callerAs, errorCode } from './db';

/** Everyone whose access to new-display-lab differs, by the demo account that plays them. */
export const ACTORS = {
  anonymous: null,
  /** Signed in, in no lab at all. */
  outsider: 'outsider@test.local',
  viewer: 'viewer@demo.local',
  member: 'member@demo.local',
  manager: 'manager@demo.local',
  /** Manager of green-auto-steel, not of new-display-lab. */
  otherManager: 'steel@demo.local',
  admin: 'admin@demo.local',
} as const;
export type Actor = keyof typeof ACTORS;

export const LAB_MANAGER_RULE: Record<Actor, string> = {
  anonymous: 'UNAUTHORIZED',
  outsider: 'NOT_FOUND',
  otherManager: 'NOT_FOUND',
  viewer: 'FORBIDDEN',
  member: 'FORBIDDEN',
  manager: 'OK',
  admin: 'OK',
};

export const ADMIN_RULE: Record<Actor, string> = {
  anonymous: 'UNAUTHORIZED',
  outsider: 'FORBIDDEN',
  otherManager: 'FORBIDDEN',
  viewer: 'FORBIDDEN',
  member: 'FORBIDDEN',
  manager: 'FORBIDDEN',
  admin: 'OK',
};

/** Adds the signed-in outsider (a user with no lab) to a test database. */
export function addOutsider(db: DB) {
  db.insert(users).values({ email: ACTORS.outsider, name: 'Olga Outsider', passwordHash: 'x' }).run();
}

export { errorCode };

export async function errorOf(promise: Promise<unknown>): Promise<TRPCError & { key?: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Every row of every table, so a refused call can be shown to have changed nothing at all. */
export const databaseSnapshot = databaseDigest;

type Caller = ReturnType<typeof callerAs>;

/**
 * Runs `call` as every actor the rule refuses and checks the error code and that the database is
 * exactly as before. Returns the actors the rule allows, for the test to check on fresh databases.
 */
export async function expectRefusals(db: DB, rule: Record<Actor, string>, call: (caller: Caller) => Promise<unknown>): Promise<Actor[]> {
  const before = databaseSnapshot(db);
  for (const [actor, expected] of Object.entries(rule) as [Actor, string][]) {
    if (expected === 'OK') continue;
    const code = await errorCode(call(callerAs(db, ACTORS[actor])));
    expect(code, `${actor} should get ${expected}`).toBe(expected);
    expect(databaseSnapshot(db), `${actor}'s refused call changed the database`).toBe(before);
  }
  return (Object.entries(rule) as [Actor, string][]).filter(([, v]) => v === 'OK').map(([k]) => k);
}
