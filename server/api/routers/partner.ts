import { z } from 'zod';
import { searchField } from '@/server/domain/fields';
import { searchOrganisations } from '@/server/services/organisations';
import {
  addPartner,
  addPartnerInput,
  listPartnersForEditing,
  removePartner,
  removePartnerInput,
  updatePartner,
  updatePartnerInput,
} from '@/server/services/partners';
import { labManagerProcedure, router } from '../trpc';

/** A lab's partner organisations: managers of the lab and admins. */
export const partnerRouter = router({
  list: labManagerProcedure.query(({ ctx }) => listPartnersForEditing(ctx.db, ctx.lab.id)),
  /** Organisations to pick from when adding a partner. */
  searchOrganisations: labManagerProcedure
    .input(z.object({ query: searchField }))
    .query(({ ctx, input }) => searchOrganisations(ctx.db, input.query ?? '', ctx.lab.id)),
  add: labManagerProcedure.input(addPartnerInput).mutation(({ ctx, input }) => addPartner(ctx.db, ctx.user, ctx.lab, input)),
  update: labManagerProcedure.input(updatePartnerInput).mutation(({ ctx, input }) => updatePartner(ctx.db, ctx.user, ctx.lab, input)),
  remove: labManagerProcedure.input(removePartnerInput).mutation(({ ctx, input }) => removePartner(ctx.db, ctx.user, ctx.lab, input)),
});
