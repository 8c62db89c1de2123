import {
  acceptAsNewUserInput,
  acceptInvitation,
  acceptInvitationAsNewUser,
  createInvitation,
  createInvitationInput,
  describeInvitation,
  invitationTokenInput,
  listOpenInvitations,
  revokeInvitation,
  revokeInvitationInput,
} from '@/server/services/invitations';
import { authenticatedProcedure, labManagerProcedure, publicProcedure, router } from '../trpc';

export const invitationRouter = router({
  /** Pending and expired invitations of a lab: managers only. */
  list: labManagerProcedure.query(({ ctx }) => listOpenInvitations(ctx.db, ctx.lab.id)),
  create: labManagerProcedure
    .input(createInvitationInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.user, ctx.lab, input, ctx.locale)),
  revoke: labManagerProcedure.input(revokeInvitationInput).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.user, ctx.lab, input)),
  /** What an invitation link leads to; the token is the secret, so no sign-in is needed. */
  describe: publicProcedure.input(invitationTokenInput).query(({ ctx, input }) => describeInvitation(ctx.db, input.token, ctx.user)),
  /** A signed-in person joins with an invitation sent to their address. */
  accept: authenticatedProcedure.input(invitationTokenInput).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.user, input.token)),
  /** A new person creates their account from the invitation and joins. */
  acceptAsNewUser: publicProcedure.input(acceptAsNewUserInput).mutation(({ ctx, input }) => acceptInvitationAsNewUser(ctx.db, input)),
});
