import { TRPCError } from '@trpc/server';
import { translate } from './i18n';

/** A problem with one field of the input: the field and the message key (with its values). */
export type FieldProblem = { field: string; key: string; params?: Record<string, string | number> };

type Code = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'PRECONDITION_FAILED';

/**
 * The one error type services throw. It names a message key (translated for the caller's locale
 * by the tRPC error formatter) and, for bad input, the field the message belongs next to.
 * Its code is the HTTP-level meaning; tRPC maps it to the status.
 */
export class AppError extends TRPCError {
  readonly key: string;
  readonly params: Record<string, string | number>;
  readonly field: string | undefined;
  /** Every field with a problem, when there are several: the form shows them all at once. */
  readonly problems: readonly FieldProblem[];
  /** For TOO_MANY_REQUESTS: when to ask again, sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: Code,
    key: string,
    options: { params?: Record<string, string | number>; field?: string; retryAfterSeconds?: number; problems?: FieldProblem[] } = {},
  ) {
    super({ code, message: translate('en', key, options.params) });
    this.key = key;
    this.params = options.params ?? {};
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.problems = options.problems ?? (options.field ? [{ field: options.field, key, params: options.params }] : []);
  }
}

/** The caller's request budget is spent; `seconds` until it opens again. */
export function tooManyRequests(seconds: number): AppError {
  return new AppError('TOO_MANY_REQUESTS', 'errors.tooManyRequests', { params: { seconds }, retryAfterSeconds: seconds });
}

/** Not visible to this caller: the same answer whether the record exists or not. */
export function notFound(): AppError {
  return new AppError('NOT_FOUND', 'errors.notFound');
}

export function forbidden(): AppError {
  return new AppError('FORBIDDEN', 'errors.forbidden');
}

export function invalidField(field: string, key: string, params?: Record<string, string | number>): AppError {
  return new AppError('BAD_REQUEST', key, { field, params });
}

/** Several fields at once (at least one); the first gives the error its message. */
export function invalidFields(problems: readonly [FieldProblem, ...FieldProblem[]]): AppError {
  const [first] = problems;
  return new AppError('BAD_REQUEST', first.key, { field: first.field, params: first.params, problems: [...problems] });
}

/** Throws the problems found, if any: every one at once. */
export function refuseProblems(problems: readonly FieldProblem[]): void {
  if (problems.length) throw invalidFields(problems as [FieldProblem, ...FieldProblem[]]);
}

/** Someone else saved the record since this edit began; the caller should reload. */
export function staleVersion(): AppError {
  return new AppError('CONFLICT', 'errors.staleVersion');
}
