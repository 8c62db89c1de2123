import { z } from 'zod';
import { LOCALES } from '@/common/enums';
import { isTimeZone } from '@/server/domain/working-day';
import { setPreferredLocale, setTimeZone, signOutEverywhere } from '@/server/services/users';
import { authenticatedProcedure, router } from '../trpc';

export const meRouter = router({
  get: authenticatedProcedure.query(({ ctx }) => ctx.user),

  /** Remembers the language the user chose, for sign-in on other devices. */
  setLocale: authenticatedProcedure
    .input(z.object({ locale: z.enum(LOCALES) }))
    .mutation(({ ctx, input }) => setPreferredLocale(ctx.db, ctx.user, input.locale)),

  /** The time zone the person reads times in; null follows their browser (decision 024). */
  setTimeZone: authenticatedProcedure
    .input(z.object({ timeZone: z.string().trim().refine(isTimeZone, 'validation.timeZone').nullable() }))
    .mutation(({ ctx, input }) => setTimeZone(ctx.db, ctx.user, input.timeZone)),

  /** Ends every session of the account on every device, this one included. */
  signOutEverywhere: authenticatedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.user)),
});
