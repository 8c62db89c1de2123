import { z } from 'zod';
import { searchField } from '@/server/domain/fields';
import {
  createUser,
  createUserInput,
  issuePasswordReset,
  issueResetInput,
  listUsers,
  setAdminInput,
  setDisabledInput,
  setUserAdmin,
  setUserDisabled,
} from '@/server/services/user-admin';
import { resetTwoFactor } from '@/server/services/two-factor';
import { adminProcedure, router } from '../trpc';

/** User accounts: platform admins. */
export const userRouter = router({
  list: adminProcedure.input(z.object({ query: searchField }).optional()).query(({ ctx, input }) => listUsers(ctx.db, input?.query)),
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input, ctx.locale)),
  setDisabled: adminProcedure.input(setDisabledInput).mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.user, input)),
  setAdmin: adminProcedure.input(setAdminInput).mutation(({ ctx, input }) => setUserAdmin(ctx.db, ctx.user, input)),
  issuePasswordReset: adminProcedure
    .input(issueResetInput)
    .mutation(({ ctx, input }) => issuePasswordReset(ctx.db, ctx.user, input, ctx.locale)),
  /** Removes a person's second factor (lost phone, no recovery codes); their sessions end. Audited. */
  resetTwoFactor: adminProcedure
    .input(z.object({ userId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => resetTwoFactor(ctx.db, ctx.user, input.userId)),
});
