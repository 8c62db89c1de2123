import { z } from 'zod';
import { idField } from '@/server/domain/fields';
import { jobOverview, retryFailedJob } from '@/server/services/jobs';
import { mailEnabled } from '@/server/services/mail';
import { adminProcedure, router } from '../trpc';

/** The background jobs (mails, scheduled work): platform admins see what is queued and what failed. */
export const jobRouter = router({
  overview: adminProcedure.query(({ ctx }) => ({ ...jobOverview(ctx.db), mailEnabled: mailEnabled() })),
  retry: adminProcedure.input(z.object({ jobId: idField })).mutation(({ ctx, input }) => retryFailedJob(ctx.db, ctx.user, input.jobId)),
});
