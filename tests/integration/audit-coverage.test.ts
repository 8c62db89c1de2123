import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { appRouter, createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import type { SessionUser } from '@/server/auth';
import { renewCalendarToken } from '@/server/services/calendar-tokens';
import { freshDb } from '../helpers/db';
import { databaseDigest } from '../helpers/snapshot';
import { labFixture, POLICY } from '../policy/policy';
import { expectedOutcome, userFor, type Role } from '../policy/roles';

// Every mutation writes its audit event in the same transaction as the change it records: called
// by someone allowed, it adds at least one event; and when writing the event fails, the change is
// rolled back with it and the database is exactly as it was.

/** Mutations that change no record people edit, so they write no audit event (with the reason). */
const NOT_AUDITED: Record<string, string> = {
  // A page view is not a change; views would drown the log (decision 013).
  'workspace.recordVisit': 'page views',
  // A display preference of one's own account, not a record of a lab.
  'me.setLocale': 'preference',
  // Renders a draft; a mutation only so the draft travels in a POST body. Stores nothing.
  'update.preview': 'stores nothing',
  // Refused without SMTP (the tests have none); with mail it stores only a hashed one-hour token
  // and mails it, and the reset itself (password.reset) is audited.
  'password.requestReset': 'refused without mail',
  // Likewise: a verified account has nothing to confirm, an unverified one is refused without SMTP;
  // with mail it stores a hashed token with its audit event (tests/integration/invitations.test.ts).
  'emailConfirmation.request': 'refused without mail',
  // Stores a single-use five-minute challenge for a sign-in that has no user yet; the sign-in is what counts.
  'twoFactor.signInKeyOptions': 'a challenge, no record',
  // Refused for every caller here: there is no authenticator in these tests to make a credential.
  'twoFactor.addKey': 'needs an authenticator (two-factor.spec.ts)',
};

/** State a call needs before it has anything to change. */
const SETUP: Record<string, (db: DB, user: SessionUser, labId: number) => void> = {
  // Revoking is a change only when there is a calendar link to revoke.
  'calendar.revoke': (db, user, labId) => void renewCalendarToken(db, user, { labId }),
};

const mutations = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures,
)
  .filter(([, proc]) => proc._def.type === 'mutation')
  .map(([path]) => path)
  .sort();

/** The caller the policy allows, preferring the people who use the procedure day to day. */
const PREFERRED: Role[] = ['manager', 'member', 'viewer', 'admin', 'outsider', 'anonymous'];

function allowedRole(path: string): Role {
  const entry = POLICY[path]!;
  const role = PREFERRED.find((r) => (entry.overrides?.[r] ?? expectedOutcome(entry.access, r)) === 'OK');
  if (!role) throw new Error(`${path}: no role may call it`);
  return role;
}

/** Builds the fixture and input of an allowed call (fixtures may insert rows the call needs). */
function prepare(db: DB, path: string) {
  const role = allowedRole(path);
  const user = userFor(db, role);
  const fixture = labFixture(db, role, user);
  if (SETUP[path] && user) SETUP[path](db, user, fixture.labId);
  const input = POLICY[path]!.input(fixture);
  const caller = createCaller(createContext({ db, user }));
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  return () => fn(input);
}

const auditCount = (db: DB) => db.select({ n: count() }).from(auditEvents).get()!.n;

it('lists only mutations that exist as exempt', () => {
  expect(Object.keys(NOT_AUDITED).filter((path) => !mutations.includes(path))).toEqual([]);
});

describe.each(mutations.filter((path) => !NOT_AUDITED[path]))('%s', (path) => {
  it('writes an audit event with its change', async () => {
    const db = await freshDb();
    const invoke = prepare(db, path);
    const before = auditCount(db);
    await expect(invoke()).resolves.not.toThrow();
    expect(auditCount(db), `${path} wrote no audit event`).toBeGreaterThan(before);
  });

  it('changes nothing when its audit event cannot be written', async () => {
    const db = await freshDb();
    const invoke = prepare(db, path);
    db.$client.exec(`create temp trigger refuse_audit before insert on audit_events begin select raise(abort, 'audit refused'); end`);
    const before = databaseDigest(db);
    await expect(invoke(), `${path} succeeded without its audit event`).rejects.toThrow();
    expect(databaseDigest(db), `${path} kept its change without the audit event`).toBe(before);
  });
});
