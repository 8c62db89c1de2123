import { z } from 'zod';
import { getPublicFactSheet } from '@/server/services/public-fact-sheet';
import { directoryFacets, directorySearchSchema, searchPublicLabsPage } from '@/server/services/public-search';
import { budgetedPublicProcedure, router } from '../trpc';

// Everything here is open to anyone and answers only through the allow-lists of server/services/publication.ts.
// Each call is bounded (a page of twenty labs at most) and, signed out, drawn from the caller's
// per-address budget (budgetedPublicProcedure), so no one request can make the server do much.

const page = z.number().int().min(1).max(10_000).default(1);

export const directoryRouter = router({
  /** The public labs A to Z, a page of twenty at a time, with their public profile and partners. */
  list: budgetedPublicProcedure
    .input(z.object({ page }).default({ page: 1 }))
    .query(({ ctx, input }) => searchPublicLabsPage(ctx.db, {}, input.page)),

  /** Public labs matching a text query (both languages) and filters, best match first, twenty a page. */
  search: budgetedPublicProcedure
    .input(directorySearchSchema.extend({ page }))
    .query(({ ctx, input: { page: pageNumber, ...search } }) => searchPublicLabsPage(ctx.db, search, pageNumber)),

  /** The values the directory filters can take, with how many public labs have each. */
  facets: budgetedPublicProcedure.query(({ ctx }) => directoryFacets(ctx.db)),

  /** A public lab's fact sheet; NOT_FOUND for a private lab exactly as for a missing one. */
  factSheet: budgetedPublicProcedure
    .input(z.object({ slug: z.string().trim().min(1).max(64) }))
    .query(({ ctx, input }) => getPublicFactSheet(ctx.db, input.slug, ctx.now())),
});
