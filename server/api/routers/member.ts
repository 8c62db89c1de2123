import { changeMemberRole, changeRoleInput, leaveLab, listMembers, removeMember, removeMemberInput } from '@/server/services/members';
import { labManagerProcedure, labViewerProcedure, router } from '../trpc';

export const memberRouter = router({
  /** Everyone in the lab may see who else is in it. */
  list: labViewerProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.lab.id)),
  changeRole: labManagerProcedure.input(changeRoleInput).mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.user, ctx.lab, input)),
  remove: labManagerProcedure.input(removeMemberInput).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.user, ctx.lab, input)),
  /** Any member leaves on their own; an admin who is not a member has nothing to leave. */
  leave: labViewerProcedure.mutation(({ ctx }) => leaveLab(ctx.db, ctx.user, ctx.lab.id)),
});
