import { TRPCClientError } from '@trpc/client';

type ErrorData = { code?: string; httpStatus?: number; fieldErrors?: Record<string, string[]> };

function dataOf(error: unknown): ErrorData | undefined {
  return error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;
}

/** The first message for each field, as the server sent it (already in the page's language). */
export function fieldErrorsOf(error: unknown): Record<string, string | undefined> {
  const fields = dataOf(error)?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0]]));
}

/** The message for the whole form: the server's (translated) message. */
export function formErrorOf(error: unknown): string | null {
  if (!error) return null;
  return error instanceof Error ? error.message : String(error);
}

/**
 * True when someone else saved the record since this edit started (the form should offer a reload).
 * A CONFLICT that names a field (a taken slug or email) is bad input, not a stale edit.
 */
export function isConflict(error: unknown): boolean {
  const data = dataOf(error);
  return data?.code === 'CONFLICT' && Object.keys(data.fieldErrors ?? {}).length === 0;
}

export function isNotFound(error: unknown): boolean {
  return dataOf(error)?.code === 'NOT_FOUND';
}
