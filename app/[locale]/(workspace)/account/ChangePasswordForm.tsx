'use client';

import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { Field, inputClass, invalidProps, StatusMessage, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { PasswordPair } from '@/app/_components/PasswordPair';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';

/**
 * Changing the password ends every session of the account (decision 004); this browser then signs
 * in again with the new password, so the person stays signed in here and only here.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations('account');
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.password.change.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    setDone(false);
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('newPasswordConfirm') ?? '')) {
      errors.setLocal('newPasswordConfirm', t('passwordsDiffer'));
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('#newPasswordConfirm')?.focus());
      return;
    }
    setPending(true);
    try {
      await change.mutateAsync({ currentPassword: String(form.get('currentPassword') ?? ''), newPassword });
      const result = await signIn('credentials', { email, password: newPassword, redirect: false });
      if (!result || result.error) {
        router.replace('/signin');
        return;
      }
      setDone(true);
      setAttempt((n) => n + 1);
      router.refresh();
    } catch (error) {
      errors.set(error);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setPending(false);
    }
  }

  return (
    <form key={attempt} ref={formRef} onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      <StatusMessage>{done ? t('changed') : null}</StatusMessage>
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <Field label={t('currentPassword')} htmlFor="currentPassword" error={errors.fields.currentPassword}>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
          {...invalidProps('currentPassword', errors.fields.currentPassword)}
        />
      </Field>
      <PasswordPair errors={errors.fields} name="newPassword" />
      <FormErrorSummary errors={errors} />
      <div>
        <SubmitButton pending={pending} pendingLabel={t('saving')}>
          {t('changeSubmit')}
        </SubmitButton>
      </div>
    </form>
  );
}
