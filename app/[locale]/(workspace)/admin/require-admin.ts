import 'server-only';
import { notFound } from 'next/navigation';
import { requireUser } from '@/app/_trpc/server';

/** Admin pages are "not found" to everyone else; the procedures behind them refuse on their own. */
export async function requireAdmin() {
  const user = await requireUser();
  if (!user.isAdmin) notFound();
  return user;
}
