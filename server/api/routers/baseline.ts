import { z } from 'zod';
import { baselinesOfLab, setBaseline } from '@/server/services/baselines';
import { labManagerProcedure, labViewerProcedure, router } from '../trpc';

export const baselineRouter = router({
  /** A lab's baselines, newest first. */
  list: labViewerProcedure.query(({ ctx }) => baselinesOfLab(ctx.db, ctx.lab.id)),

  /** "Set baseline": a named, dated snapshot of every milestone's forecast dates. */
  set: labManagerProcedure
    .input(z.object({ name: z.string().trim().min(1).max(120) }))
    .mutation(({ ctx, input }) => setBaseline(ctx.db, ctx.user, { labId: ctx.lab.id, name: input.name })),
});
