'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { fieldErrorsOf, formErrorOf, isConflict } from '../_lib/trpc-errors';
import { Button, FormMessage } from './Form';

/** The errors of one form's last submission: per field, for the whole form, and whether it was a stale edit. */
export function useFormErrors() {
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const server = fieldErrorsOf(error);
  return {
    /** Messages by field name: the server's, or ones the form found itself before sending. */
    fields: { ...server, ...local } as Record<string, string | undefined>,
    // A CONFLICT about a field (a slug or email already taken) is bad input, not a stale edit.
    conflict: isConflict(error) && Object.keys(server).length === 0,
    message: error ? formErrorOf(error) : null,
    set(next: unknown) {
      setLocal({});
      setError(next);
    },
    setLocal(field: string, message: string) {
      setError(null);
      setLocal({ [field]: message });
    },
    clear() {
      setLocal({});
      setError(null);
    },
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;

/** Above the submit button: what went wrong, and for a stale edit a way to load the newer version. */
export function FormErrorSummary({ errors }: { errors: FormErrors }) {
  const t = useTranslations('errors');
  if (errors.conflict) return <ConflictMessage message={errors.message} />;
  if (!errors.message) return null;
  // A message already shown beside its field is not repeated: the summary points to the fields.
  const shownAtField = Object.values(errors.fields).includes(errors.message);
  return <FormMessage>{shownAtField ? t('invalidInput') : errors.message}</FormMessage>;
}

export function ConflictMessage({ message }: { message: string | null }) {
  const t = useTranslations('forms');
  const router = useRouter();
  return (
    <FormMessage tone="warn">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>{message ?? t('conflict')}</span>
        <Button size="sm" variant="secondary" onClick={() => router.refresh()}>
          {t('reload')}
        </Button>
      </div>
    </FormMessage>
  );
}
