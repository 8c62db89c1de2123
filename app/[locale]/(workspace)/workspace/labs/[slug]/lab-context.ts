import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireUser, serverApi } from '@/app/_trpc/server';

/**
 * The lab a workspace page is about and the caller's role in it, once per request. A lab the
 * caller has no role in shows the not-found page, exactly like a lab that does not exist.
 */
export const loadLab = cache(async (slug: string) => {
  await requireUser();
  try {
    return await (await serverApi()).lab.context({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
});

/** Runs a server-side procedure call for a lab page, turning NOT_FOUND into the not-found page. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}

/**
 * For generateMetadata: the call's result, or null where the page itself answers not-found. A
 * notFound() thrown from generateMetadata renders the 404 outside the locale's layout, without
 * <html lang> (issue 22); the page's own notFound() renders it inside.
 */
export async function orNull<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) return null;
    throw error;
  }
}
