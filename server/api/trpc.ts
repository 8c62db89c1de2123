import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { getDb, type DB } from '../db';
import type { SessionUser } from '../auth';
import type { LabRole, Locale } from '@/common/enums';
import { AppError, tooManyRequests, type FieldProblem } from '../errors';
import { DEFAULT_LOCALE, translate } from '../i18n';
import { requireLabAccess, type Lab, type LabStanding } from '../services/access';
import { needsTwoFactorSetup } from '../services/two-factor';
import { spendAnonymousBudget } from '../services/request-budget';
import { issueMessage, type SchemaIssue } from './issues';
import { transformer } from './transformer';

export type Context = {
  db: DB;
  user: SessionUser | null;
  locale: Locale;
  /** Where the request came from (server/http/client-address.ts); null for server components and scripts. */
  clientAddress: string | null;
  /** The clock: what "now" is for lateness and "today" in a lab (tests set it; decision 024). */
  now: () => Date;
  /**
   * Set-Cookie headers for the answer (server/api/http.ts sends them): a fresh session token when a
   * procedure ended the caller's sessions on purpose (two-factor on or off). Absent without HTTP.
   */
  responseCookies?: string[];
};

/** Builds a context; tests and scripts pass their own database and user. */
export function createContext(options: Partial<Context> = {}): Context {
  return {
    db: options.db ?? getDb(),
    user: options.user ?? null,
    locale: options.locale ?? DEFAULT_LOCALE,
    clientAddress: options.clientAddress ?? null,
    now: options.now ?? (() => new Date()),
    responseCookies: options.responseCookies,
  };
}

export type FieldErrors = Record<string, string[]>;

/** The schema refused the input, and the service's own checks found these problems in it besides. */
class ProblemsBesides extends TRPCError {
  constructor(
    refused: TRPCError,
    readonly problems: readonly FieldProblem[],
  ) {
    super({ code: 'BAD_REQUEST', message: refused.message, cause: refused.cause });
  }
}

function schemaIssues(cause: unknown): SchemaIssue[] | null {
  if (cause && typeof cause === 'object' && 'issues' in cause && Array.isArray(cause.issues)) return cause.issues as SchemaIssue[];
  return null;
}

const t = initTRPC.context<Context>().create({
  // Dates, Maps and undefined survive the trip to the browser (transformer.ts).
  transformer,
  // Every error reaches the client translated for the caller's locale, with messages per field,
  // and never with internals: an unexpected error says only that something went wrong.
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? DEFAULT_LOCALE;
    const fieldErrors: FieldErrors = {};
    let message = shape.message;
    const issues = schemaIssues(error.cause);
    if (issues) {
      for (const issue of issues) {
        const path = (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.');
        (fieldErrors[path || '_form'] ??= []).push(issueMessage(locale, issue));
      }
      // What only the service could see (today in the lab, a goal's unit), for the fields the schema let through.
      if (error instanceof ProblemsBesides)
        for (const p of error.problems) if (!fieldErrors[p.field]) fieldErrors[p.field] = [translate(locale, p.key, p.params)];
      message = translate(locale, 'errors.invalidInput');
    } else if (error instanceof AppError) {
      message = translate(locale, error.key, error.params);
      for (const p of error.problems) (fieldErrors[p.field] ??= []).push(translate(locale, p.key, p.params));
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      message = translate(locale, 'errors.internal');
    } else if (error.code in CODE_MESSAGES) {
      message = translate(locale, CODE_MESSAGES[error.code as keyof typeof CODE_MESSAGES]);
    }
    return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors } };
  },
});

const CODE_MESSAGES = {
  UNAUTHORIZED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
  METHOD_NOT_SUPPORTED: 'errors.invalidInput',
  PARSE_ERROR: 'errors.invalidInput',
} as const;

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. Returns only what the public may see. */
export const publicProcedure = t.procedure;

/**
 * Public reads that cost the server real work (search, the directory): a signed-out caller
 * spends one unit of their address's per-minute budget on each, counted in the database so every
 * server process draws on the same budget; past it the answer is 429 with Retry-After.
 */
export const budgetedPublicProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const answer = await spendAnonymousBudget(ctx.db, ctx.user, ctx.clientAddress);
  if (answer && !answer.allowed) throw tooManyRequests(answer.retryAfterSeconds);
  return next();
});

/**
 * A signed-in, enabled user who may be setting up a second factor that a setting requires of them:
 * only the procedures of that set-up (the session is re-checked against the database on every request).
 */
export const enrollingProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * A signed-in, enabled user. Someone a setting requires to use two-factor authentication, who has
 * not set it up, gets nothing but the set-up (decision 026): FORBIDDEN with a message saying so.
 */
export const authenticatedProcedure = enrollingProcedure.use(({ ctx, next }) => {
  if (needsTwoFactorSetup(ctx.db, ctx.user)) throw new AppError('FORBIDDEN', 'errors.twoFactorSetupRequired');
  return next({ ctx });
});

/** Platform administrators only. */
export const adminProcedure = authenticatedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isAdmin) throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx });
});

export const labIdInput = z.object({ labId: z.number().int().positive() });

function labProcedure(minimum: LabRole) {
  return authenticatedProcedure.input(labIdInput).use(({ ctx, input, next }) => {
    const access = requireLabAccess(ctx.db, ctx.user, input.labId, minimum);
    return next({ ctx: { ...ctx, lab: access.lab, role: access.role } });
  });
}

/** Anyone with a role in the lab named by `labId` (viewer, member, manager) or an admin. */
export const labViewerProcedure = labProcedure('viewer');
/** Members and managers of the lab, and admins. */
export const labMemberProcedure = labProcedure('member');
/** Managers of the lab, and admins. */
export const labManagerProcedure = labProcedure('manager');

type LabContext = Context & { user: SessionUser; lab: Lab; role: LabStanding };

/**
 * Checks that need the lab or the database (which day it is in the lab, a goal's unit) run on the
 * raw input also when the schema refused some other field, so a form hears of every problem at
 * once rather than one per round trip (issue 23.5). Put it after a lab procedure, before `.input`;
 * the service runs the same checks on a valid input. A check must tolerate any raw input.
 */
export function alsoChecking(check: (ctx: LabContext, raw: Record<string, unknown>) => FieldProblem[]) {
  return t.middleware(async ({ ctx, next, getRawInput }) => {
    const result = await next();
    if (result.ok || !schemaIssues(result.error.cause)) return result;
    const raw = await getRawInput();
    if (!raw || typeof raw !== 'object' || !('lab' in ctx)) return result;
    const problems = check(ctx as LabContext, raw as Record<string, unknown>);
    if (problems.length === 0) return result;
    throw new ProblemsBesides(result.error, problems);
  });
}
