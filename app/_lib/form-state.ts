// The state a form's server action answers (app/_lib/form-actions.ts); safe to import in the browser.

/** The first posted value of a field after a refused post, else `fallback`. */
export function postedValue(state: FormActionState, name: string, fallback: string): string {
  return state && !state.ok ? (state.values[name]?.[0] ?? fallback) : fallback;
}

export type FormActionState =
  | { ok: true }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string>;
      conflict: boolean;
      /** What was posted, so the form shows it again with the messages (nothing is lost). */
      values: Record<string, string[]>;
    }
  | null;
