'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Field, FormMessage, inputClass, invalidProps, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useTRPC } from '@/app/_trpc/client';

export function ForgotPasswordForm() {
  const t = useTranslations('account.forgot');
  const ta = useTranslations('auth');
  const trpc = useTRPC();
  const request = useMutation(trpc.password.requestReset.mutationOptions());
  const errors = useFormErrors();
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    try {
      await request.mutateAsync({ email });
      setSentTo(email.trim());
    } catch (error) {
      errors.set(error);
    }
  }

  if (sentTo)
    return (
      <div className="mt-6">
        <FormMessage tone="ok">{t('sent', { email: sentTo })}</FormMessage>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      <Field label={ta('email')} htmlFor="email" error={errors.fields.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className={inputClass}
          {...invalidProps('email', errors.fields.email)}
        />
      </Field>
      <FormErrorSummary errors={errors} />
      <SubmitButton pending={request.isPending} pendingLabel={t('sending')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
