import { directoryRouter } from './routers/directory';
import { labRouter } from './routers/lab';
import { meRouter } from './routers/me';
import { invitationRouter } from './routers/invitation';
import { labAdminRouter } from './routers/lab-admin';
import { labSettingsRouter } from './routers/lab-settings';
import { memberRouter } from './routers/member';
import { organisationRouter } from './routers/organisation';
import { partnerRouter } from './routers/partner';
import { passwordRouter } from './routers/password';
import { userRouter } from './routers/user';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  directory: directoryRouter,
  lab: labRouter,
  me: meRouter,
  labAdmin: labAdminRouter,
  labSettings: labSettingsRouter,
  partner: partnerRouter,
  member: memberRouter,
  invitation: invitationRouter,
  organisation: organisationRouter,
  user: userRouter,
  password: passwordRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (server components, scripts, tests) with a given context. */
export const createCaller = createCallerFactory(appRouter);
