import { z } from 'zod';
import { getPublicFactSheet } from '../../services/public-fact-sheet';
import { directoryFacets, directorySearchSchema, searchPublicLabs } from '../../services/public-search';
import { listPublicLabs } from '../../services/publication';
import { publicProcedure, router } from '../trpc';

// Everything here is open to anyone and answers only through the allow-lists of server/services/publication.ts.
export const directoryRouter = router({
  /** Every public lab with its public profile and partners. */
  list: publicProcedure.query(({ ctx }) => listPublicLabs(ctx.db)),

  /** Public labs matching a text query (both languages) and filters, best match first. */
  search: publicProcedure.input(directorySearchSchema).query(({ ctx, input }) => searchPublicLabs(ctx.db, input)),

  /** The values the directory filters can take, with how many public labs have each. */
  facets: publicProcedure.query(({ ctx }) => directoryFacets(ctx.db)),

  /** A public lab's fact sheet; NOT_FOUND for a private lab exactly as for a missing one. */
  factSheet: publicProcedure
    .input(z.object({ slug: z.string().trim().min(1).max(64) }))
    .query(({ ctx, input }) => getPublicFactSheet(ctx.db, input.slug)),
});
