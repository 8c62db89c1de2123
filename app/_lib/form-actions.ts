import { TRPCError } from '@trpc/server';
import type { createCaller } from '@/server/api/root';
import { issueMessage, type SchemaIssue } from '@/server/api/issues';
import type { Locale } from '@/common/enums';
import { AppError } from '@/server/errors';
import { translate } from '@/server/i18n';
import type { FormActionState } from './form-state';

export type { FormActionState };

// What the forms that also work without JavaScript (decision 022) do when a browser without it
// submits them: the server action turns the posted fields into the same input the form's tRPC
// call sends and calls the same procedure through the server-side caller, so authentication, the
// lab's access policy, validation, the service and its audit event are exactly those of the API.
// Only the answer differs: a state the form renders, with the messages in the page's language.

type Caller = ReturnType<typeof createCaller>;

const CODE_MESSAGES: Partial<Record<TRPCError['code'], string>> = {
  UNAUTHORIZED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
  BAD_REQUEST: 'errors.invalidInput',
};

function issuesOf(cause: unknown): SchemaIssue[] | null {
  return cause && typeof cause === 'object' && 'issues' in cause && Array.isArray(cause.issues) ? (cause.issues as SchemaIssue[]) : null;
}

/** The messages the tRPC error formatter would send for this error, as a form state. */
export function failedState(error: unknown, locale: Locale, values: Record<string, string[]> = {}): FormActionState {
  if (!(error instanceof TRPCError)) throw error;
  const fieldErrors: Record<string, string> = {};
  const issues = issuesOf(error.cause);
  if (issues) {
    for (const issue of issues) {
      const path = (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.');
      fieldErrors[path || '_form'] ??= issueMessage(locale, issue);
    }
    return { ok: false, message: translate(locale, 'errors.invalidInput'), fieldErrors, conflict: false, values };
  }
  if (error instanceof AppError) {
    const message = translate(locale, error.key, error.params);
    if (error.field) fieldErrors[error.field] = message;
    return { ok: false, message, fieldErrors, conflict: error.code === 'CONFLICT' && !error.field, values };
  }
  const key = CODE_MESSAGES[error.code] ?? 'errors.internal';
  return { ok: false, message: translate(locale, key), fieldErrors, conflict: false, values };
}

async function run(locale: Locale, form: FormData, call: () => Promise<unknown>): Promise<FormActionState> {
  try {
    await call();
    return { ok: true };
  } catch (error) {
    const values: Record<string, string[]> = {};
    for (const [name, value] of form.entries()) {
      // React's own fields ($ACTION_…) are not the person's input.
      if (typeof value === 'string' && !name.startsWith('$')) (values[name] ??= []).push(value);
    }
    return failedState(error, locale, values);
  }
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
/** A whole number from a field; anything else reaches the schema as NaN and is refused there. */
const int = (form: FormData, name: string) => (text(form, name).trim() === '' ? NaN : Number(text(form, name)));
const ids = (form: FormData, name: string) => form.getAll(name).map((v) => (typeof v === 'string' ? Number(v) : NaN));
const dateOrNull = (value: string) => (value === '' ? null : value);

/** ProgressForm's fields (timeline panel) → milestone.updateProgress. */
export function submitProgress(caller: Caller, locale: Locale, form: FormData): Promise<FormActionState> {
  const percent = text(form, 'percentComplete');
  return run(locale, form, () =>
    caller.milestone.updateProgress({
      labId: int(form, 'labId'),
      id: int(form, 'id'),
      version: int(form, 'version'),
      status: text(form, 'status') as never,
      // As the form does with JavaScript: an empty percent is 0.
      percentComplete: percent.trim() === '' ? 0 : Number(percent),
      actualStart: dateOrNull(text(form, 'actualStart')),
      actualFinish: dateOrNull(text(form, 'actualFinish')),
    }),
  );
}

/** UpdateComposer's fields (a new update) → update.post. */
export function submitUpdate(caller: Caller, locale: Locale, form: FormData): Promise<FormActionState> {
  return run(locale, form, () =>
    caller.update.post({
      labId: int(form, 'labId'),
      body: text(form, 'body'),
      health: text(form, 'health') as never,
      milestoneIds: ids(form, 'milestoneIds'),
      goalIds: ids(form, 'goalIds'),
      isPublic: text(form, 'isPublic') === '1',
    }),
  );
}
