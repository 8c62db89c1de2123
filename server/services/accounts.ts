import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DB, DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { normaliseEmail } from './actor';
import { passwordProblem } from '../domain/password-policy';
import { AppError, invalidField } from '../errors';
import { hashPassword } from '../password';
import { recordAudit } from './audit';

export const emailSchema = z.email().max(320);

export function findUserByEmail(db: DbOrTx, email: string) {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normaliseEmail(email)}`)
    .get();
}

/** Creates a platform administrator (used by `npm run admin:create` for a real deployment). */
export async function createAdminAccount(db: DB, input: { email: string; password: string; name?: string }, actorId: number | null = null) {
  const email = normaliseEmail(input.email);
  if (!emailSchema.safeParse(email).success) throw invalidField('email', 'validation.email');
  const problem = passwordProblem(input.password, email);
  if (problem) throw invalidField('password', problem);
  if (findUserByEmail(db, email)) throw new AppError('CONFLICT', 'errors.emailTaken', { field: 'email' });
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const user = tx
      .insert(users)
      // Set up by whoever runs the server, for their own address (decision 018).
      .values({ email, name: input.name?.trim() || email.split('@')[0] || email, passwordHash, isAdmin: true, emailVerifiedAt: new Date() })
      .returning({ id: users.id, email: users.email })
      .get();
    recordAudit(tx, { labId: null, actorId, action: 'created', entityType: 'user', entityId: user.id, after: { email, isAdmin: true } });
    return user;
  });
}
