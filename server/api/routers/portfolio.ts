import { z } from 'zod';
import { LAB_STATUSES, SECTORS, STAGES } from '@/common/enums';
import { getPortfolioTimeline } from '@/server/services/portfolio';
import { authenticatedProcedure, router } from '../trpc';

export const portfolioRouter = router({
  /** Every lab the caller can see (memberships; admins: all), one row each, with filters. */
  timeline: authenticatedProcedure
    .input(
      z
        .object({
          sector: z.enum(SECTORS).nullish(),
          chain: z.string().trim().max(200).nullish(),
          stage: z.enum(STAGES).nullish(),
          status: z.enum(LAB_STATUSES).nullish(),
        })
        .default({}),
    )
    .query(({ ctx, input }) => getPortfolioTimeline(ctx.db, ctx.user, input, ctx.now())),
});
