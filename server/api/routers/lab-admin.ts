import { z } from 'zod';
import { searchField } from '@/server/domain/fields';
import { createLab, createLabInput, listAllLabs } from '@/server/services/lab-admin';
import { adminProcedure, router } from '../trpc';

/** Platform admins: every lab, and creating one with its first manager. */
export const labAdminRouter = router({
  list: adminProcedure.input(z.object({ query: searchField }).optional()).query(({ ctx, input }) => listAllLabs(ctx.db, input?.query)),
  create: adminProcedure.input(createLabInput).mutation(({ ctx, input }) => createLab(ctx.db, ctx.user, input, ctx.locale)),
});
