'use client';

import { useMutation } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button, FormMessage } from '@/app/_components/Form';
import { useRouter } from '@/app/_i18n/navigation';
import { formErrorOf, isConflict } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';

/** Deleting a goal takes a second, explicit confirmation: its measurements go with it. */
export function DeleteGoal({
  labId,
  slug,
  goalId,
  version,
  measurementCount,
}: {
  labId: number;
  slug: string;
  goalId: number;
  version: number;
  measurementCount: number;
}) {
  const t = useTranslations('goals');
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trpc.goal.delete.mutationOptions());
  return (
    <section className="mt-10 rounded-xl border border-bad/25 bg-bad-soft/40 p-4 sm:p-5" aria-labelledby="delete-goal-heading">
      <h3 id="delete-goal-heading" className="text-sm font-semibold text-ink">
        {t('delete.button')}
      </h3>
      {confirming ? (
        <div className="mt-2 flex flex-col gap-3">
          <p className="text-sm text-ink" role="alert">
            {t('delete.confirm', { count: measurementCount })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { labId, goalId, version },
                  {
                    onSuccess: () => {
                      router.push(`/workspace/labs/${slug}/goals`);
                      router.refresh();
                    },
                  },
                )
              }
            >
              <Trash2 aria-hidden className="size-4" />
              {remove.isPending ? t('delete.deleting') : t('delete.yes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={remove.isPending}>
              {t('delete.no')}
            </Button>
          </div>
          {remove.error ? (
            <FormMessage>
              {isConflict(remove.error) ? t('form.conflict') : formErrorOf(remove.error)}
              {isConflict(remove.error) ? (
                <button type="button" className="ml-1 font-medium underline" onClick={() => router.refresh()}>
                  {t('form.reload')}
                </button>
              ) : null}
            </FormMessage>
          ) : null}
        </div>
      ) : (
        <Button variant="secondary" className="mt-2" onClick={() => setConfirming(true)}>
          <Trash2 aria-hidden className="size-4" />
          {t('delete.button')}
        </Button>
      )}
    </section>
  );
}
