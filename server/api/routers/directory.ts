import { listPublicLabs } from '../../services/publication';
import { publicProcedure, router } from '../trpc';

export const directoryRouter = router({
  /** Every public lab with its public profile and partners. */
  list: publicProcedure.query(({ ctx }) => listPublicLabs(ctx.db)),
});
