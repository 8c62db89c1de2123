import { activityRouter, auditRouter } from './routers/activity';
import { directoryRouter } from './routers/directory';
import { emailConfirmationRouter } from './routers/email-confirmation';
import { goalRouter } from './routers/goal';
import { labRouter } from './routers/lab';
import { measurementRouter } from './routers/measurement';
import { meRouter } from './routers/me';
import { updateRouter } from './routers/update';
import { baselineRouter } from './routers/baseline';
import { calendarRouter } from './routers/calendar';
import { dependencyRouter } from './routers/dependency';
import { milestoneRouter } from './routers/milestone';
import { portfolioRouter } from './routers/portfolio';
import { invitationRouter } from './routers/invitation';
import { jobRouter } from './routers/job';
import { labAdminRouter } from './routers/lab-admin';
import { labSettingsRouter } from './routers/lab-settings';
import { memberRouter } from './routers/member';
import { organisationRouter } from './routers/organisation';
import { partnerRouter } from './routers/partner';
import { passwordRouter } from './routers/password';
import { twoFactorRouter } from './routers/two-factor';
import { userRouter } from './routers/user';
import { workspaceRouter } from './routers/workspace';
import { reportRouter } from './routers/report';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  activity: activityRouter,
  audit: auditRouter,
  directory: directoryRouter,
  lab: labRouter,
  me: meRouter,
  update: updateRouter,
  milestone: milestoneRouter,
  dependency: dependencyRouter,
  baseline: baselineRouter,
  calendar: calendarRouter,
  portfolio: portfolioRouter,
  goal: goalRouter,
  measurement: measurementRouter,
  labAdmin: labAdminRouter,
  labSettings: labSettingsRouter,
  partner: partnerRouter,
  member: memberRouter,
  invitation: invitationRouter,
  job: jobRouter,
  organisation: organisationRouter,
  user: userRouter,
  password: passwordRouter,
  twoFactor: twoFactorRouter,
  emailConfirmation: emailConfirmationRouter,
  workspace: workspaceRouter,
  report: reportRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (server components, scripts, tests) with a given context. */
export const createCaller = createCallerFactory(appRouter);
