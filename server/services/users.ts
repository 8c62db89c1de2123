import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import type { SessionUser } from '../auth';
import type { Locale } from '../domain/enums';

export function setPreferredLocale(db: DbOrTx, user: SessionUser, locale: Locale): { locale: Locale } {
  db.update(users).set({ locale }).where(eq(users.id, user.id)).run();
  return { locale };
}
