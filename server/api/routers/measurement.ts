import { deleteMeasurementInput, measurementVersionInput, recordMeasurementInput, updateMeasurementInput } from '../../domain/goal-inputs';
import { deleteMeasurement, publishMeasurementSource, recordMeasurement, updateMeasurement } from '../../services/measurements';
import { labManagerProcedure, labMemberProcedure, router } from '../trpc';

// Members record measurements; editing and deleting is for the person who recorded one, or a manager.
export const measurementRouter = router({
  record: labMemberProcedure.input(recordMeasurementInput).mutation(({ ctx, input }) => recordMeasurement(ctx.db, ctx.user, input, ctx.now())),
  update: labMemberProcedure.input(updateMeasurementInput).mutation(({ ctx, input }) => updateMeasurement(ctx.db, ctx.user, input, ctx.now())),
  delete: labMemberProcedure.input(deleteMeasurementInput).mutation(({ ctx, input }) => deleteMeasurement(ctx.db, ctx.user, input)),
  /** A manager approves the source a member named on a public goal, for the public to see (decision 017). */
  publishSource: labManagerProcedure
    .input(measurementVersionInput)
    .mutation(({ ctx, input }) => publishMeasurementSource(ctx.db, ctx.user, input)),
});
