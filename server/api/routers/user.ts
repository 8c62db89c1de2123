import { z } from 'zod';
import { searchField } from '../../domain/fields';
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
} from '../../services/user-admin';
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
});
