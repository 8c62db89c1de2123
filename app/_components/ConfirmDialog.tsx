'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type ReactNode } from 'react';
import { formErrorOf } from '../_lib/trpc-errors';
import { Button, FormMessage, Spinner } from './Form';

/**
 * A button that asks before an action that is hard to undo. The question is a modal <dialog>
 * (focus moves into it, Escape cancels); the action's error is shown inside it.
 */
export function ConfirmButton({
  children,
  title,
  body,
  confirmLabel,
  onConfirm,
  variant = 'secondary',
  confirmVariant = 'danger',
  size = 'sm',
  disabled,
}: {
  children: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  confirmVariant?: 'primary' | 'danger';
  size?: 'sm' | 'md';
  disabled?: boolean;
}) {
  const t = useTranslations('forms');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      ref.current?.close();
    } catch (e) {
      setError(formErrorOf(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button variant={variant} size={size} disabled={disabled} onClick={() => ref.current?.showModal()}>
        {children}
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        onClose={() => setError(null)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-ink/40"
      >
        <div className="flex flex-col gap-3 p-5">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <div className="text-sm leading-relaxed text-ink-soft">{body}</div>
          {error ? <FormMessage>{error}</FormMessage> : null}
          <div className="mt-2 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => ref.current?.close()} autoFocus>
              {t('cancel')}
            </Button>
            <Button variant={confirmVariant} onClick={confirm} disabled={pending} aria-busy={pending}>
              {pending ? <Spinner /> : null}
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
