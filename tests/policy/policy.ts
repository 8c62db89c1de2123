import { and, eq } from 'drizzle-orm';
import type { DB } from '../../db/client';
import { progressUpdates } from '../../db/schema';
import type { SessionUser } from '../../server/auth';
import { labIdOf, sessionUser } from '../helpers/db';
import type { Access, Outcome, Role } from './roles';

// The declared access policy of every tRPC procedure. The authorization matrix test fails when a
// procedure of the app router has no entry here, so a new procedure cannot ship without one.

export type Fixture = {
  db: DB;
  /** new-display-lab, the lab every lab-scoped call is made in. */
  labId: number;
  role: Role;
  user: SessionUser | null;
};

export type PolicyEntry = {
  access: Access;
  /** Builds a valid input for this caller (it may create records the call needs, e.g. the caller's own update). */
  input: (f: Fixture) => unknown;
  /** Exceptions to the access level, with the reason in the comment next to them. */
  overrides?: Partial<Record<Role, Outcome>>;
};

export function labFixture(db: DB, role: Role, user: SessionUser | null): Fixture {
  return { db, labId: labIdOf(db, 'new-display-lab'), role, user };
}

/** An update in the lab written by the caller (or by the member when the caller has no account). */
function ownUpdate(f: Fixture) {
  const authorId = f.user?.id ?? sessionUser(f.db, 'member@demo.local').id;
  return f.db
    .insert(progressUpdates)
    .values({ labId: f.labId, authorId, body: 'Policy fixture update', health: 'on_track' })
    .returning({ id: progressUpdates.id, version: progressUpdates.version })
    .get();
}

function anyUpdate(f: Fixture) {
  return f.db
    .select()
    .from(progressUpdates)
    .where(and(eq(progressUpdates.labId, f.labId)))
    .get()!;
}

export const POLICY: Record<string, PolicyEntry> = {
  'directory.list': { access: 'public', input: () => undefined },

  'me.get': { access: 'authenticated', input: () => undefined },
  'me.setLocale': { access: 'authenticated', input: () => ({ locale: 'zh-CN' }) },

  'lab.mine': { access: 'authenticated', input: () => undefined },
  'lab.context': { access: 'viewer', input: () => ({ slug: 'new-display-lab' }) },
  'lab.overview': { access: 'viewer', input: () => ({ slug: 'new-display-lab' }) },
  'lab.byId': { access: 'viewer', input: (f) => ({ labId: f.labId }) },

  'update.list': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'update.options': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'update.history': { access: 'viewer', input: (f) => ({ labId: f.labId, updateId: anyUpdate(f).id }) },
  'update.preview': { access: 'member', input: (f) => ({ labId: f.labId, body: '**hello**' }) },
  'update.post': { access: 'member', input: (f) => ({ labId: f.labId, body: 'Policy check', health: 'on_track' }) },
  'update.edit': {
    access: 'member',
    input: (f) => {
      const u = ownUpdate(f);
      return { labId: f.labId, updateId: u.id, version: u.version, body: 'Edited by its author', health: 'at_risk' };
    },
  },
  'update.setPublic': {
    access: 'manager',
    input: (f) => {
      const u = anyUpdate(f);
      return { labId: f.labId, updateId: u.id, version: u.version, isPublic: !u.isPublic };
    },
  },
  'update.setHidden': {
    access: 'manager',
    input: (f) => {
      const u = anyUpdate(f);
      return { labId: f.labId, updateId: u.id, version: u.version, hidden: true, reason: 'Policy check' };
    },
  },

  'activity.list': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'activity.filters': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'audit.list': { access: 'manager', input: (f) => ({ labId: f.labId }) },
};
