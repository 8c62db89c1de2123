'use client';

import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { Button, Field, inputClass, invalidProps, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useRouter } from '@/app/_i18n/navigation';
import { isConflict } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { PasswordPair } from '@/app/_components/PasswordPair';

/**
 * Accepting: a new person names themselves and sets a password; someone with an account signs in;
 * someone already signed in as the invited address just joins. Everyone lands in the lab. The page
 * does not know whether the address has an account (it is not told, decision 018): the person says
 * so, and creating a second account for an address is answered with the way to sign in instead.
 */
export function AcceptInvitation({
  token,
  email,
  mode: initialMode,
  labName,
}: {
  token: string;
  email: string;
  mode: 'join' | 'create';
  labName: string;
}) {
  const [mode, setMode] = useState<'join' | 'signIn' | 'create'>(initialMode);
  const t = useTranslations('invitations');
  const ta = useTranslations('auth');
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.invitation.accept.mutationOptions());
  const acceptAsNewUser = useMutation(trpc.invitation.acceptAsNewUser.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);

  function openLab(slug: string) {
    router.replace(`/workspace/labs/${slug}`);
    router.refresh();
  }

  /** Signs this browser in; the error next-auth reported, or null. */
  async function signInAs(password: string): Promise<string | null> {
    const result = await signIn('credentials', { email, password, redirect: false });
    return result ? (result.error ?? null) : 'failed';
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    setPending(true);
    try {
      if (mode === 'create') {
        if (password !== String(form.get('passwordConfirm') ?? '')) {
          errors.setLocal('passwordConfirm', t('passwordsDiffer'));
          return;
        }
        const created = await acceptAsNewUser
          .mutateAsync({ token, name: String(form.get('name') ?? ''), password })
          .catch((error: unknown) => {
            // The address has an account already: its owner signs in with it instead.
            if (isConflict(error)) setMode('signIn');
            throw error;
          });
        const { slug } = created;
        // The account exists now; signing in with what was just typed gives this browser its session.
        if (await signInAs(password)) return router.replace('/signin');
        return openLab(slug);
      }
      const refused = mode === 'signIn' ? await signInAs(password) : null;
      // Two-factor on: the sign-in page asks for the code, then brings the person back here to join.
      if (refused === 'SecondFactorRequired') return router.replace(`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
      if (refused) {
        // Too many password checks under way (server/password.ts) is not a wrong password.
        errors.setLocal('password', ta(refused === 'Busy' ? 'busy' : 'wrongCredentials'));
        return;
      }
      openLab((await accept.mutateAsync({ token })).slug);
    } catch (error) {
      errors.set(error);
    } finally {
      setPending(false);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }

  const other = mode === 'create' ? 'signIn' : 'create';
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      {mode !== 'join' ? (
        <>
          <p className="text-sm text-ink-soft">{t(mode === 'create' ? 'createIntro' : 'signInIntro')}</p>
          <Field label={ta('email')} htmlFor="invite-email">
            <input
              id="invite-email"
              value={email}
              readOnly
              autoComplete="username"
              className={`${inputClass} bg-neutral-soft text-ink-soft`}
            />
          </Field>
        </>
      ) : null}
      {mode === 'create' ? (
        <>
          <Field label={t('name')} htmlFor="invite-name" error={errors.fields.name}>
            <input
              id="invite-name"
              name="name"
              autoComplete="name"
              required
              className={inputClass}
              {...invalidProps('invite-name', errors.fields.name)}
            />
          </Field>
          <PasswordPair errors={errors.fields} />
        </>
      ) : mode === 'signIn' ? (
        <>
          <Field label={ta('password')} htmlFor="password" error={errors.fields.password}>
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
        </>
      ) : null}
      <FormErrorSummary errors={errors} />
      {mode === 'join' ? (
        <Button type="submit" disabled={pending}>
          {t('join', { lab: labName })}
        </Button>
      ) : (
        <>
          <SubmitButton pending={pending} pendingLabel={t('joining')}>
            {mode === 'create' ? t('createSubmit') : t('signInSubmit')}
          </SubmitButton>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              errors.clear();
              setMode(other);
            }}
          >
            {t(other === 'signIn' ? 'toSignIn' : 'toCreate')}
          </Button>
        </>
      )}
    </form>
  );
}
