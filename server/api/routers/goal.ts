import { z } from 'zod';
import { createGoalInput, deleteGoalInput, updateGoalInput } from '@/server/domain/goal-inputs';
import { goalPortfolio } from '@/server/services/goal-portfolio';
import { getGoalDetail, listLabGoals } from '@/server/services/goal-views';
import { createGoal, deleteGoal, goalEditor, updateGoal } from '@/server/services/goals';
import { authenticatedProcedure, labManagerProcedure, labViewerProcedure, router } from '../trpc';

const goalId = z.number().int().positive();

export const goalRouter = router({
  /** Every goal of the lab with its status today (anyone with a role in the lab). */
  list: labViewerProcedure.query(({ ctx }) => listLabGoals(ctx.db, ctx.user, ctx.lab.id, ctx.now())),

  /** One goal with its measurements, linked milestones and the updates that mention it. */
  detail: labViewerProcedure
    .input(z.object({ goalId }))
    .query(({ ctx, input }) => getGoalDetail(ctx.db, ctx.user, ctx.lab.id, input.goalId, ctx.now())),

  /** What the goal form needs (managers): owners, milestones to link, and the goal being edited. */
  editor: labManagerProcedure
    .input(z.object({ goalId: goalId.optional() }))
    .query(({ ctx, input }) => goalEditor(ctx.db, ctx.user, ctx.lab.id, input.goalId)),

  create: labManagerProcedure.input(createGoalInput).mutation(({ ctx, input }) => createGoal(ctx.db, ctx.user, input)),
  update: labManagerProcedure.input(updateGoalInput).mutation(({ ctx, input }) => updateGoal(ctx.db, ctx.user, input)),
  delete: labManagerProcedure.input(deleteGoalInput).mutation(({ ctx, input }) => deleteGoal(ctx.db, ctx.user, input)),

  /** Goals across every lab the caller can see, with status (the portfolio roll-up). */
  portfolio: authenticatedProcedure.query(({ ctx }) => goalPortfolio(ctx.db, ctx.user, ctx.now())),
});
