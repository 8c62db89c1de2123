'use client';

import { useMutation } from '@tanstack/react-query';
import { Flag } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button, Field, inputClass, invalidProps, SubmitButton } from '@/app/_components/Form';
import { fieldErrorsOf } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { Dialog } from './Dialog';
import { SaveError } from './form-helpers';

/** "Set baseline": names and stores a snapshot of today's plan; the timeline then compares against it. */
export function BaselineDialog({ labId, suggestedName, afterHref }: { labId: number; suggestedName: string; afterHref: string }) {
  const t = useTranslations('timeline');
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(suggestedName);
  const set = useMutation(
    trpc.baseline.set.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.push(afterHref, { scroll: false });
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(set.error);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    set.mutate({ labId, name });
  }
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          set.reset();
          setOpen(true);
        }}
      >
        <Flag aria-hidden className="size-4" />
        {t('baseline.set')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('baseline.setTitle')} closeLabel={t('close')}>
        <form onSubmit={onSubmit} noValidate className="grid gap-3">
          <p className="text-sm text-ink-soft">{t('baseline.explain')}</p>
          <Field label={t('baseline.name')} htmlFor="baseline-name" error={errors.name}>
            <input
              id="baseline-name"
              className={inputClass}
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
              {...invalidProps('baseline-name', errors.name)}
            />
          </Field>
          {!errors.name ? <SaveError error={set.error} /> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
            <SubmitButton pending={set.isPending} pendingLabel={t('saving')}>
              {t('baseline.save')}
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
