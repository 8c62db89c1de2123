import clsx from 'clsx';
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

// The idle border is `field` (3:1 on white, WCAG 1.4.11); focus adds a 2 px brand outline outside it
// (6.7:1), for mouse and keyboard focus alike (WCAG 2.4.11/2.4.13).
export const inputClass =
  'block w-full rounded-lg border border-field bg-surface px-3 py-2 text-[0.95rem] text-ink shadow-sm placeholder:text-muted focus:border-brand focus:outline-2 focus:outline-offset-1 focus:outline-brand aria-[invalid=true]:border-bad disabled:bg-neutral-soft';
export const selectClass = `${inputClass} h-10 pr-8`;
export const textareaClass = `${inputClass} min-h-24 leading-relaxed`;
/** Single-line inputs share the select's height so rows of filters line up. */
export const lineInputClass = `${inputClass} h-10`;

/** A labelled field with its error right beneath it. Give the input `aria-describedby={errorId(id)}` and `aria-invalid`. */
export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
  className,
}: {
  label: ReactNode;
  htmlFor: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={clsx('flex flex-col gap-1.5', className)}>
      <label htmlFor={htmlFor} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${htmlFor}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId(htmlFor)} className="text-sm text-bad">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}

/** Props that tie an input to its error message for screen readers. */
export function invalidProps(fieldId: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': errorId(fieldId) } : {};
}

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const variantClass: Record<Variant, string> = {
  primary: 'bg-brand text-white hover:bg-brand-strong',
  secondary: 'border border-line-strong bg-surface text-ink hover:bg-neutral-soft',
  danger: 'bg-bad text-white hover:bg-bad/90',
  ghost: 'text-ink-soft hover:bg-neutral-soft hover:text-ink',
};

export function buttonClass(variant: Variant = 'primary', size: 'sm' | 'md' = 'md') {
  return clsx(
    'inline-flex items-center justify-center gap-2 rounded-lg font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-60',
    size === 'sm' ? 'px-2.5 py-1.5 text-sm' : 'px-4 py-2 text-sm',
    variantClass[variant],
  );
}

export function Button({
  variant = 'primary',
  size = 'md',
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'sm' | 'md' }) {
  return <button type="button" {...props} className={clsx(buttonClass(variant, size), className)} />;
}

export function Spinner() {
  return <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current/30 border-t-current" />;
}

export function SubmitButton({
  pending,
  pendingLabel,
  children,
  className,
  variant = 'primary',
}: {
  pending: boolean;
  pendingLabel: ReactNode;
  children: ReactNode;
  className?: string;
  variant?: Variant;
}) {
  // aria-disabled rather than disabled while saving: a disabled button loses keyboard focus to
  // <body>; this one keeps it, and a second press does nothing.
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      aria-busy={pending}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={clsx(buttonClass(variant), 'py-2.5 aria-disabled:cursor-progress aria-disabled:opacity-60', className)}
    >
      {pending ? <Spinner /> : null}
      {pending ? pendingLabel : children}
    </button>
  );
}

const toneClass = {
  ok: 'border-ok/25 bg-ok-soft text-ok',
  warn: 'border-warn/30 bg-warn-soft text-warn',
  bad: 'border-bad/25 bg-bad-soft text-bad',
} as const;

/** The message for the whole form (not tied to one field), announced to screen readers. */
export function FormMessage({ tone = 'bad', children }: { tone?: 'bad' | 'ok' | 'warn'; children: ReactNode }) {
  return (
    <div role={tone === 'ok' ? 'status' : 'alert'} className={clsx('rounded-lg border px-3 py-2 text-sm', toneClass[tone])}>
      {children}
    </div>
  );
}

/**
 * A form's "saved" message. The live region is always in the page and only its text changes:
 * screen readers announce a change of text, while some miss a region inserted with its text. It
 * takes focus (tabIndex -1) when a form moves focus to it after saving.
 */
export function StatusMessage({ children, ref }: { children: ReactNode; ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} role="status" tabIndex={-1} className={children ? clsx('rounded-lg border px-3 py-2 text-sm', toneClass.ok) : undefined}>
      {children}
    </div>
  );
}
