import { directoryRouter } from './routers/directory';
import { goalRouter } from './routers/goal';
import { labRouter } from './routers/lab';
import { measurementRouter } from './routers/measurement';
import { meRouter } from './routers/me';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  directory: directoryRouter,
  lab: labRouter,
  me: meRouter,
  goal: goalRouter,
  measurement: measurementRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (server components, scripts, tests) with a given context. */
export const createCaller = createCallerFactory(appRouter);
