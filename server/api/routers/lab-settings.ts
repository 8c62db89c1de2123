import { getLabSettings, labProfileUpdateInput, labVisibilityInput, setLabVisibility, updateLabProfile } from '@/server/services/lab-profile';
import { previewPublicFactSheet } from '@/server/services/publication-preview';
import { awaitingPublication } from '@/server/services/publication-review';
import { setLabTechnologies, technologiesInput } from '@/server/services/technologies';
import { labRequirementInput, setLabTwoFactorRequirement } from '@/server/services/two-factor';
import { labManagerProcedure, router } from '../trpc';

/** A lab's profile, stuck-neck technologies and visibility: managers of the lab and admins. */
export const labSettingsRouter = router({
  get: labManagerProcedure.query(({ ctx }) => getLabSettings(ctx.db, ctx.lab)),
  /** The public fact sheet as it is, or as it would be once the lab is public: only items flagged public. */
  previewPublic: labManagerProcedure.query(({ ctx }) => previewPublicFactSheet(ctx.db, ctx.lab, ctx.now())),
  /** Edits of public items that wait for a manager before the public sees them (decision 017). */
  awaitingPublication: labManagerProcedure.query(({ ctx }) => awaitingPublication(ctx.db, ctx.lab.id)),
  updateProfile: labManagerProcedure
    .input(labProfileUpdateInput)
    .mutation(({ ctx, input }) => updateLabProfile(ctx.db, ctx.user, ctx.lab, input)),
  setTechnologies: labManagerProcedure
    .input(technologiesInput)
    .mutation(({ ctx, input }) => setLabTechnologies(ctx.db, ctx.user, ctx.lab, input)),
  setVisibility: labManagerProcedure
    .input(labVisibilityInput)
    .mutation(({ ctx, input }) => setLabVisibility(ctx.db, ctx.user, ctx.lab, input)),
  /** Who in the lab must use two-factor authentication (decision 026). */
  setTwoFactorRequirement: labManagerProcedure
    .input(labRequirementInput)
    .mutation(({ ctx, input }) => setLabTwoFactorRequirement(ctx.db, ctx.user, ctx.lab, input)),
});
