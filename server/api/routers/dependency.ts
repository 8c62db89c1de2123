import { z } from 'zod';
import { addDependency, removeDependency, updateDependencyLag } from '@/server/services/dependencies';
import { labManagerProcedure, router } from '../trpc';

const id = z.number().int().positive();
const lagDays = z.number().int().min(-3650).max(3650);

export const dependencyRouter = router({
  /** Finish-to-start with a lag in days; refuses self-dependencies, duplicates and cycles (naming the cycle). */
  add: labManagerProcedure
    .input(z.object({ predecessorId: id, successorId: id, lagDays }))
    .mutation(({ ctx, input }) => addDependency(ctx.db, ctx.user, { ...input, labId: ctx.lab.id })),

  updateLag: labManagerProcedure
    .input(z.object({ id, version: z.number().int().positive(), lagDays }))
    .mutation(({ ctx, input }) => updateDependencyLag(ctx.db, ctx.user, { ...input, labId: ctx.lab.id })),

  remove: labManagerProcedure.input(z.object({ id, version: z.number().int().positive() })).mutation(({ ctx, input }) => {
    removeDependency(ctx.db, ctx.user, { ...input, labId: ctx.lab.id });
    return { removed: true };
  }),
});
