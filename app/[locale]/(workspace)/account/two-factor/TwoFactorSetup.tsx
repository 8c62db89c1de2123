'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button, Field, FormMessage, inputClass, invalidProps, SubmitButton } from '@/app/_components/Form';
import { formErrorOf } from '@/app/_lib/trpc-errors';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';

/**
 * Setting up TOTP: a secret shown as a QR code and as text, a code to confirm it, then the ten
 * recovery codes, shown this once. Confirming ends every other session of the account.
 */
export function TwoFactorSetup() {
  const t = useTranslations('account.twoFactor');
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useFormErrors();
  const begin = useMutation(trpc.twoFactor.beginSetup.mutationOptions());
  const confirm = useMutation(trpc.twoFactor.confirmSetup.mutationOptions());
  const [codes, setCodes] = useState<string[] | null>(null);

  async function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    try {
      setCodes((await confirm.mutateAsync({ code })).recoveryCodes);
    } catch (error) {
      errors.set(error);
    }
  }

  if (codes) {
    return (
      <div className="flex flex-col gap-4">
        <h2 className="text-base font-semibold">{t('codesTitle')}</h2>
        <FormMessage tone="ok">{t('codesIntro')}</FormMessage>
        <ol aria-label={t('codesTitle')} className="grid grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code} className="rounded-md border border-line bg-neutral-soft px-2 py-1 text-center">
              {code}
            </li>
          ))}
        </ol>
        <div>
          <Button
            onClick={() => {
              router.replace('/account/two-factor');
              router.refresh();
            }}
          >
            {t('codesDone')}
          </Button>
        </div>
      </div>
    );
  }

  if (!begin.data) {
    return (
      <div className="flex flex-col gap-2">
        {begin.error ? <FormMessage>{formErrorOf(begin.error)}</FormMessage> : null}
        <div>
          <Button disabled={begin.isPending} onClick={() => begin.mutate()}>
            {begin.isPending ? t('starting') : t('start')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onConfirm} noValidate className="flex max-w-md flex-col gap-4">
      <p className="text-sm text-ink-soft">{t('scan')}</p>
      {/* A data: URL of an SVG made on the server: the secret never leaves for a third party. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={begin.data.qrDataUrl} alt={t('qrAlt')} width={192} height={192} className="rounded-md border border-line bg-white p-2" />
      <div className="text-sm">
        <p className="text-ink-soft">{t('manualKey')}</p>
        <code data-testid="totp-secret" className="mt-1 block break-all rounded-md bg-neutral-soft px-2 py-1 font-mono text-ink">
          {begin.data.secret}
        </code>
      </div>
      <p className="text-sm text-ink-soft">{t('confirm')}</p>
      <Field label={t('code')} htmlFor="code" error={errors.fields.code}>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={10}
          required
          className={inputClass}
          {...invalidProps('code', errors.fields.code)}
        />
      </Field>
      <FormErrorSummary errors={errors} />
      <div>
        <SubmitButton pending={confirm.isPending} pendingLabel={t('confirming')}>
          {t('confirmSubmit')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Turning two-factor off, with the password; every other session of the account ends. */
export function TwoFactorDisable() {
  const t = useTranslations('account.twoFactor');
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useFormErrors();
  const disable = useMutation(trpc.twoFactor.disable.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    try {
      await disable.mutateAsync({ password });
      router.refresh();
    } catch (error) {
      errors.set(error);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-3">
      <p className="text-sm text-ink-soft">{t('disableIntro')}</p>
      <Field label={t('password')} htmlFor="password" error={errors.fields.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
          {...invalidProps('password', errors.fields.password)}
        />
      </Field>
      <FormErrorSummary errors={errors} />
      <div>
        <SubmitButton pending={disable.isPending} pendingLabel={t('disabling')} variant="danger">
          {t('disableSubmit')}
        </SubmitButton>
      </div>
    </form>
  );
}
