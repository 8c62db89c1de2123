import { z } from 'zod';
import { auditFilterOptions, listAuditEvents, toActivity } from '@/server/services/activity';
import { labManagerProcedure, labViewerProcedure, router } from '../trpc';

const isoDate = z.iso.date();

export const auditFiltersInput = z.object({
  actorId: z.number().int().positive().optional(),
  entityType: z.string().trim().min(1).max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  cursor: z.string().max(20).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

export const activityRouter = router({
  /** What happened in the lab, who did it and to what (field names, a few values), newest first. */
  list: labViewerProcedure.input(auditFiltersInput).query(({ ctx, input }) => {
    const page = listAuditEvents(ctx.db, ctx.lab, { userId: ctx.user.id, role: ctx.role }, input, ctx.locale);
    return { entries: page.entries.map(toActivity), nextCursor: page.nextCursor };
  }),
  /** The people and kinds of record to filter by. */
  filters: labViewerProcedure.query(({ ctx }) => auditFilterOptions(ctx.db, ctx.lab.id, { userId: ctx.user.id, role: ctx.role })),
});

export const auditRouter = router({
  /** The full audit log with every before/after value; managers only. */
  list: labManagerProcedure
    .input(auditFiltersInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.lab, 'audit', input, ctx.locale)),
});
