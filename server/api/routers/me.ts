import { z } from 'zod';
import { LOCALES } from '../../domain/enums';
import { setPreferredLocale, signOutEverywhere } from '../../services/users';
import { authenticatedProcedure, router } from '../trpc';

export const meRouter = router({
  get: authenticatedProcedure.query(({ ctx }) => ctx.user),

  /** Remembers the language the user chose, for sign-in on other devices. */
  setLocale: authenticatedProcedure
    .input(z.object({ locale: z.enum(LOCALES) }))
    .mutation(({ ctx, input }) => setPreferredLocale(ctx.db, ctx.user, input.locale)),

  /** Ends every session of the account on every device, this one included. */
  signOutEverywhere: authenticatedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.user)),
});
