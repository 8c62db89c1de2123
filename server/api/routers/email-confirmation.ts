import {
  confirmationTokenInput,
  confirmEmail,
  describeEmailConfirmation,
  emailConfirmationStatus,
  requestEmailConfirmation,
} from '@/server/services/email-confirmations';
import { authenticatedProcedure, publicProcedure, router } from '../trpc';

// Confirming that an account's owner reads mail at its address (decision 018).
export const emailConfirmationRouter = router({
  /** Whether the caller's address is verified, and whether a link can be mailed to confirm it. */
  status: authenticatedProcedure.query(({ ctx }) => emailConfirmationStatus(ctx.db, ctx.user)),
  /** Mails the caller a confirmation link. */
  request: authenticatedProcedure.mutation(({ ctx }) => requestEmailConfirmation(ctx.db, ctx.user, ctx.locale)),
  /** What a confirmation link is for; the token is the secret, mailed to the address. */
  describe: publicProcedure.input(confirmationTokenInput).query(({ ctx, input }) => describeEmailConfirmation(ctx.db, input.token)),
  /** Confirms the address with the mailed link (a button on its page: a mail scanner's visit confirms nothing). */
  confirm: publicProcedure.input(confirmationTokenInput).mutation(({ ctx, input }) => confirmEmail(ctx.db, input.token)),
});
