import { eq } from 'drizzle-orm';
import type { DB } from '@/db/client';
import { users } from '@/db/schema';
import type { SessionUser } from '@/server/auth';
import { sessionUser } from '../helpers/db';

/** The callers every procedure is tried with. "this lab" is new-display-lab. */
export const ROLES = ['anonymous', 'outsider', 'viewer', 'member', 'manager', 'otherManager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const EMAIL: Record<Exclude<Role, 'anonymous' | 'outsider'>, string> = {
  viewer: 'viewer@demo.local',
  member: 'member@demo.local',
  manager: 'manager@demo.local',
  otherManager: 'steel@demo.local',
  admin: 'admin@demo.local',
};

export const OUTSIDER_EMAIL = 'outsider@demo.local';

/** The session user for a role; the outsider is a signed-in account with no lab at all. */
export function userFor(db: DB, role: Role): SessionUser | null {
  if (role === 'anonymous') return null;
  if (role === 'outsider') {
    if (!db.select().from(users).where(eq(users.email, OUTSIDER_EMAIL)).get()) {
      // Same password as the demo accounts (copied hash: no slow hashing per test).
      const { passwordHash } = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, EMAIL.member)).get()!;
      db.insert(users).values({ email: OUTSIDER_EMAIL, name: 'Outside Person', passwordHash }).run();
    }
    return sessionUser(db, OUTSIDER_EMAIL);
  }
  return sessionUser(db, EMAIL[role]);
}

/** Who may call a procedure, in the words of PRODUCT.md's "Who may do what". */
export type Access = 'public' | 'authenticated' | 'viewer' | 'member' | 'manager' | 'admin';

/** OK, or the tRPC error code the caller gets. */
export type Outcome = 'OK' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT' | 'PRECONDITION_FAILED';

/** The answer a role gets for an access level: no role in the lab reads as NOT_FOUND, too low a role as FORBIDDEN. */
export function expectedOutcome(access: Access, role: Role): Outcome {
  if (access === 'public') return 'OK';
  if (role === 'anonymous') return 'UNAUTHORIZED';
  if (access === 'authenticated') return 'OK';
  if (access === 'admin') return role === 'admin' ? 'OK' : 'FORBIDDEN';
  if (role === 'admin') return 'OK';
  if (role === 'outsider' || role === 'otherManager') return 'NOT_FOUND';
  const rank = { viewer: 0, member: 1, manager: 2 } as const;
  return rank[role as keyof typeof rank] >= rank[access] ? 'OK' : 'FORBIDDEN';
}
