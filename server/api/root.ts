import { activityRouter, auditRouter } from './routers/activity';
import { directoryRouter } from './routers/directory';
import { labRouter } from './routers/lab';
import { meRouter } from './routers/me';
import { updateRouter } from './routers/update';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  activity: activityRouter,
  audit: auditRouter,
  directory: directoryRouter,
  lab: labRouter,
  me: meRouter,
  update: updateRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (server components, scripts, tests) with a given context. */
export const createCaller = createCallerFactory(appRouter);
