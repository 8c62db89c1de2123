'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Button, FormMessage } from '@/app/_components/Form';
import { formErrorOf, isConflict } from '@/app/_lib/trpc-errors';

export type Option = { value: string; label: string };

/** The message for a whole form after a failed save; a stale edit offers to reload. */
export function SaveError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const t = useTranslations('timeline');
  const router = useRouter();
  if (!error) return null;
  if (isConflict(error)) {
    return (
      <FormMessage tone="warn">
        <p>{formErrorOf(error)}</p>
        <Button
          variant="secondary"
          size="sm"
          className="mt-2"
          onClick={() => {
            onReload?.();
            router.refresh();
          }}
        >
          {t('reload')}
        </Button>
      </FormMessage>
    );
  }
  return <FormMessage>{formErrorOf(error)}</FormMessage>;
}

/** '' from an empty date input means "no date". */
export const dateOrNull = (value: string) => (value === '' ? null : value);
