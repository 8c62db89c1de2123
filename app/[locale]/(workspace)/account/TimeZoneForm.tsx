'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Field, FormMessage, invalidProps, selectClass, SubmitButton } from '@/app/_components/Form';
import { useRouter } from '@/app/_i18n/navigation';
import { fieldErrorsOf, formErrorOf } from '@/app/_lib/trpc-errors';
import type { TimeZoneOption } from '@/app/_lib/time-zones';
import { useTRPC } from '@/app/_trpc/client';

const noChanges = () => () => undefined;

/** The time zone times are shown in: the browser's (the default) or one the person picks. */
export function TimeZoneForm({ chosen, options }: { chosen: string | null; options: TimeZoneOption[] }) {
  const t = useTranslations('account');
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(chosen ?? '');
  // The browser's zone is known only in the browser: none while the server draws the page.
  const browser = useSyncExternalStore(
    noChanges,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
    () => null,
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.me.setTimeZone.mutationOptions());
  const errors = fieldErrorsOf(save.error);
  const formError = save.error && !errors.timeZone ? formErrorOf(save.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      { timeZone: value || null },
      {
        onSuccess: () => {
          setSaved(true);
          router.refresh();
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {formError ? <FormMessage>{formError}</FormMessage> : null}
      <Field
        label={t('timeZone')}
        htmlFor="account-timeZone"
        error={errors.timeZone}
        hint={browser ? t('timeZoneBrowserIs', { zone: browser }) : undefined}
      >
        <select
          id="account-timeZone"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className={selectClass}
          {...invalidProps('account-timeZone', errors.timeZone)}
        >
          <option value="">{t('timeZoneBrowser')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <div role="status">{saved ? <FormMessage tone="ok">{t('timeZoneSaved')}</FormMessage> : null}</div>
      <div>
        <SubmitButton pending={save.isPending} pendingLabel={t('timeZoneSaving')}>
          {t('timeZoneSave')}
        </SubmitButton>
      </div>
    </form>
  );
}
