import { calendarTokenStatus, renewCalendarToken, revokeCalendarToken } from '@/server/services/calendar-tokens';
import { labViewerProcedure, router } from '../trpc';

/** The caller's own secret calendar (ICS) URL for a lab: anyone with a role in the lab may have one. */
export const calendarRouter = router({
  status: labViewerProcedure.query(({ ctx }) => calendarTokenStatus(ctx.db, ctx.user, { labId: ctx.lab.id })),
  renew: labViewerProcedure.mutation(({ ctx }) => renewCalendarToken(ctx.db, ctx.user, { labId: ctx.lab.id })),
  revoke: labViewerProcedure.mutation(({ ctx }) => revokeCalendarToken(ctx.db, ctx.user, { labId: ctx.lab.id })),
});
