import type { JobHandlers, JobSchedule } from './jobs';
import { pruneFinishedJobs } from './jobs';
import { emailConfirmationMail } from './email-confirmations';
import { invitationMail } from './invitations';
import { linkMailHandler } from './mail';
import { passwordResetMail } from './passwords';

// Every kind of background job and the schedules that enqueue recurring ones. Each server process
// runs the same runner over these (server/http/worker.ts); the database decides who runs what.

export const JOB_HANDLERS: JobHandlers = {
  [invitationMail.kind]: linkMailHandler(invitationMail),
  [passwordResetMail.kind]: linkMailHandler(passwordResetMail),
  [emailConfirmationMail.kind]: linkMailHandler(emailConfirmationMail),
  'jobs.prune': {
    maxAttempts: 3,
    run(_payload, { db, now }) {
      pruneFinishedJobs(db, now);
    },
  },
};

export const JOB_SCHEDULES: JobSchedule[] = [
  // Finished jobs are kept for 30 days, for the admin page; cleared at night in the working time zone.
  { name: 'jobs.prune', pattern: '0 3 * * *', timezone: 'Asia/Shanghai', kind: 'jobs.prune' },
];
