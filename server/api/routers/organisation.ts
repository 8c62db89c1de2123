import { z } from 'zod';
import { idField, searchField } from '@/server/domain/fields';
import { mergeOrganisations, mergeOrganisationsInput } from '@/server/services/organisation-merge';
import {
  createOrganisation,
  listOrganisations,
  organisationDetail,
  organisationInput,
  organisationUpdateInput,
  updateOrganisation,
} from '@/server/services/organisations';
import { adminProcedure, router } from '../trpc';

/** The shared register of partner organisations: platform admins. */
export const organisationRouter = router({
  list: adminProcedure
    .input(z.object({ query: searchField }).optional())
    .query(({ ctx, input }) => listOrganisations(ctx.db, input?.query)),
  get: adminProcedure.input(z.object({ id: idField })).query(({ ctx, input }) => organisationDetail(ctx.db, input.id)),
  create: adminProcedure.input(organisationInput).mutation(({ ctx, input }) => createOrganisation(ctx.db, ctx.user, input)),
  update: adminProcedure.input(organisationUpdateInput).mutation(({ ctx, input }) => updateOrganisation(ctx.db, ctx.user, input)),
  merge: adminProcedure.input(mergeOrganisationsInput).mutation(({ ctx, input }) => mergeOrganisations(ctx.db, ctx.user, input)),
});
