import { z } from 'zod';
import { getLabContext, getLabOverview, listMyLabs } from '@/server/services/labs';
import { authenticatedProcedure, labViewerProcedure, router } from '../trpc';

export const labRouter = router({
  /** The labs the caller works in, with their role. */
  mine: authenticatedProcedure.query(({ ctx }) => listMyLabs(ctx.db, ctx.user, ctx.now())),

  /** A lab's profile and the caller's role in it, by slug; NOT_FOUND unless the caller has a role there. */
  context: authenticatedProcedure
    .input(z.object({ slug: z.string().trim().min(1).max(64) }))
    .query(({ ctx, input }) => getLabContext(ctx.db, ctx.user, input.slug)),

  /** A lab's profile, partners and counts, by slug; NOT_FOUND unless the caller has a role there. */
  overview: authenticatedProcedure
    .input(z.object({ slug: z.string().trim().min(1).max(64) }))
    .query(({ ctx, input }) => getLabOverview(ctx.db, ctx.user, input.slug, ctx.now())),

  /** The same, by id (the form every lab-scoped procedure takes). */
  byId: labViewerProcedure.query(({ ctx }) => getLabOverview(ctx.db, ctx.user, ctx.lab.slug, ctx.now())),
});
