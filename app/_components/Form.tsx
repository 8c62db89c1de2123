import clsx from 'clsx';
import type { ReactNode } from 'react';

export const inputClass =
  'block w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-[0.95rem] text-ink shadow-sm placeholder:text-muted focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/20 aria-[invalid=true]:border-bad';

/** A labelled field with its error right beneath it, linked for screen readers. */
export function Field({ label, htmlFor, error, hint, children }: { label: ReactNode; htmlFor: string; error?: string | undefined; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={htmlFor} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-muted">{hint}</p> : null}
      {error ? (
        <p id={`${htmlFor}-error`} className="text-sm text-bad">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ pending, pendingLabel, children, className }: { pending: boolean; pendingLabel: ReactNode; children: ReactNode; className?: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={clsx(
        'inline-flex items-center justify-center gap-2 rounded-lg bg-brand px-4 py-2.5 text-sm font-medium text-white hover:bg-brand-strong disabled:cursor-progress disabled:opacity-70',
        className,
      )}
    >
      {pending ? <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" /> : null}
      {pending ? pendingLabel : children}
    </button>
  );
}
