'use client';

import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { PasswordPair } from '@/app/_components/PasswordPair';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';

/** Sets the new password (every session of the account ends), then signs this browser in with it. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('account');
  const trpc = useTRPC();
  const router = useRouter();
  const reset = useMutation(trpc.password.reset.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('passwordConfirm') ?? '')) {
      errors.setLocal('passwordConfirm', t('passwordsDiffer'));
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('#passwordConfirm')?.focus());
      return;
    }
    setPending(true);
    try {
      await reset.mutateAsync({ token, password });
      const result = await signIn('credentials', { email, password, redirect: false });
      router.replace(result && !result.error ? '/workspace' : '/signin');
      router.refresh();
    } catch (error) {
      errors.set(error);
      setPending(false);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <PasswordPair errors={errors.fields} />
      <FormErrorSummary errors={errors} />
      <p className="text-xs text-muted">{t('reset.endsSessions')}</p>
      <SubmitButton pending={pending} pendingLabel={t('saving')}>
        {t('reset.submit')}
      </SubmitButton>
    </form>
  );
}
