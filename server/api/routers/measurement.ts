import { deleteMeasurementInput, measurementVersionInput, recordMeasurementInput, updateMeasurementInput } from '@/server/domain/goal-inputs';
import { labToday } from '@/server/domain/working-day';
import {
  deleteMeasurement,
  goalOfMeasurementInput,
  measurementProblems,
  publishMeasurementSource,
  recordMeasurement,
  updateMeasurement,
} from '@/server/services/measurements';
import { alsoChecking, labManagerProcedure, labMemberProcedure, router } from '../trpc';

/** The goal's rules (its unit's range, its baseline date, today in the lab), said with the schema's problems. */
const goalRulesToo = alsoChecking((ctx, raw) => {
  const goal = goalOfMeasurementInput(ctx.db, ctx.lab.id, raw);
  return goal ? measurementProblems(goal, raw, labToday(ctx.lab, ctx.now())) : [];
});

// Members record measurements; editing and deleting is for the person who recorded one, or a manager.
export const measurementRouter = router({
  record: labMemberProcedure
    .use(goalRulesToo)
    .input(recordMeasurementInput).mutation(({ ctx, input }) => recordMeasurement(ctx.db, ctx.user, input, ctx.now())),
  update: labMemberProcedure
    .use(goalRulesToo)
    .input(updateMeasurementInput).mutation(({ ctx, input }) => updateMeasurement(ctx.db, ctx.user, input, ctx.now())),
  delete: labMemberProcedure.input(deleteMeasurementInput).mutation(({ ctx, input }) => deleteMeasurement(ctx.db, ctx.user, input)),
  /** A manager approves the source a member named on a public goal, for the public to see (decision 017). */
  publishSource: labManagerProcedure
    .input(measurementVersionInput)
    .mutation(({ ctx, input }) => publishMeasurementSource(ctx.db, ctx.user, input)),
});
