import {
  changeOwnPassword,
  changePasswordInput,
  describePasswordReset,
  requestPasswordReset,
  requestResetInput,
  resetPassword,
  resetPasswordInput,
  resetTokenInput,
} from '@/server/services/passwords';
import { authenticatedProcedure, publicProcedure, router } from '../trpc';

export const passwordRouter = router({
  /** One's own password; the other sessions of the account end. */
  change: authenticatedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.user, input, ctx.clientAddress)),
  /** What a reset link leads to; the token is the secret. */
  describeReset: publicProcedure.input(resetTokenInput).query(({ ctx, input }) => describePasswordReset(ctx.db, input.token)),
  reset: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx.db, input)),
  /** "Forgot password": only where mail is configured. */
  requestReset: publicProcedure.input(requestResetInput).mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input, ctx.locale)),
});
