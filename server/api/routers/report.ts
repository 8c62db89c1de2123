import { z } from 'zod';
import { getStatusReport } from '@/server/services/status-report';
import { labViewerProcedure, router } from '../trpc';

export const reportRouter = router({
  /** A lab's status report for a period (default: the last month); anyone with a role in the lab (decision 013). */
  status: labViewerProcedure
    .input(z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }))
    .query(({ ctx, input }) => getStatusReport(ctx.db, ctx.lab, input, ctx.now())),
});
