import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../../../../../db/client';
import { getPublicFactSheet } from '../../../../../server/services/public-fact-sheet';

/** The fact sheet of a public lab for this render, or the not-found page (private and missing labs alike). */
export const loadFactSheet = cache((slug: string) => {
  try {
    return getPublicFactSheet(getDb(), slug);
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});
