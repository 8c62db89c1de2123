import { recordLabVisit } from '@/server/services/visits';
import { getWorkspace, workspaceLogChoices } from '@/server/services/workspace';
import { authenticatedProcedure, labMemberProcedure, labViewerProcedure, router } from '../trpc';

export const workspaceRouter = router({
  /** The page after sign-in: the caller's labs, what needs attention across them, and what the quick-progress forms may log. */
  overview: authenticatedProcedure.query(({ ctx }) => getWorkspace(ctx.db, ctx.user, { locale: ctx.locale, now: ctx.now() })),

  /** The open milestones and the link choices of one lab, when a quick-progress form opens (members and managers). */
  logChoices: labMemberProcedure.query(({ ctx }) => workspaceLogChoices(ctx.db, ctx.lab.id)),

  /** The caller opened a page of the lab: remembered for "what changed since my last visit". */
  recordVisit: labViewerProcedure.mutation(({ ctx }) => recordLabVisit(ctx.db, ctx.user, ctx.lab.id)),
});
