'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useMutation } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { signIn } from 'next-auth/react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sameOriginPath } from '@/server/domain/redirect-target';
import { FOCUS_HEADING_KEY } from '@/app/_components/FocusOnArrival';
import { Button, Field, FormMessage, inputClass, invalidProps, SubmitButton } from '@/app/_components/Form';
import { useTRPC } from '@/app/_trpc/client';

/** `callbackPath` was checked by the page on the server; the browser checks it again against its own origin before going there. */
export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const t = useTranslations('auth');
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);
  // After a right password on an account with two-factor on: the same credentials again, with a code.
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);
  const keyOptions = useMutation(trpc.twoFactor.signInKeyOptions.mutationOptions());

  function signInErrorMessage(error: string | null | undefined): string {
    if (error === 'CredentialsSignin') return t('wrongCredentials');
    // Thrown by the server when too many password checks are under way (server/password.ts).
    if (error === 'Busy') return t('busy');
    if (error === 'WrongCode') return t('wrongCode');
    // Thrown by the server's throttle as `TooManyAttempts.<minutes>`.
    const throttled = /^TooManyAttempts\.(\d+)$/.exec(error ?? '');
    if (throttled) return t('tooManyAttempts', { minutes: Number(throttled[1]) });
    return t('failed');
  }

  /** Signed in: to the page asked for (checked again against this origin), focus on its main heading (FocusOnArrival). */
  function enter() {
    sessionStorage.setItem(FOCUS_HEADING_KEY, '1');
    router.replace(sameOriginPath(callbackPath, window.location.origin) ?? `/${locale}/workspace`);
    router.refresh();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setError(null);
    if (!credentials) {
      // An empty field is said next to it, and the first one takes focus: no round trip for it.
      const empty = { ...(email ? {} : { email: t('emailMissing') }), ...(password ? {} : { password: t('passwordMissing') }) };
      setMissing(empty);
      if (empty.email || empty.password) {
        event.currentTarget.querySelector<HTMLInputElement>(empty.email ? '#email' : '#password')?.focus();
        return;
      }
    }
    setPending(true);
    const asked = credentials ?? { email, password };
    try {
      const result = await signIn('credentials', {
        ...asked,
        ...(credentials ? { code: String(form.get('code') ?? '') } : {}),
        redirect: false,
      });
      if (result?.error === 'SecondFactorRequired') {
        setCredentials(asked);
        setPending(false);
        return;
      }
      if (!result || result.error) {
        setError(signInErrorMessage(result?.error));
        setPending(false);
        return;
      }
      enter();
    } catch {
      setError(t('failed'));
      setPending(false);
    }
  }

  /** The second step with a passkey: a challenge from the server, the browser's prompt, then the same sign-in with its answer. */
  async function signInWithKey() {
    if (!credentials) return;
    setPending(true);
    setError(null);
    try {
      const optionsJSON = await keyOptions.mutateAsync();
      const answer = await startAuthentication({ optionsJSON });
      const result = await signIn('credentials', { ...credentials, key: JSON.stringify(answer), redirect: false });
      if (!result || result.error) {
        setError(result?.error === 'WrongCode' ? t('keyFailed') : signInErrorMessage(result?.error));
        setPending(false);
        return;
      }
      enter();
    } catch {
      setError(t('keyFailed'));
      setPending(false);
    }
  }

  if (credentials) {
    return (
      // A form of its own (key): reusing the first form's elements left the typed password in the code field, readable.
      <form key="second-step" onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" noValidate aria-labelledby="second-step-title">
        <div>
          <h2 id="second-step-title" className="text-base font-semibold">
            {t('codeTitle')}
          </h2>
          <p className="mt-1 text-sm text-ink-soft">{t('codeIntro')}</p>
        </div>
        {error ? <FormMessage>{error}</FormMessage> : null}
        <Field label={t('code')} htmlFor="code">
          <input
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoFocus
            required
            maxLength={40}
            className={inputClass}
          />
        </Field>
        <SubmitButton pending={pending} pendingLabel={t('submitting')}>
          {t('codeSubmit')}
        </SubmitButton>
        <Button type="button" variant="secondary" disabled={pending} onClick={signInWithKey}>
          <KeyRound aria-hidden className="size-4" />
          {t('useKey')}
        </Button>
        <button
          type="button"
          className="self-start text-sm text-ink-soft underline-offset-2 hover:text-ink hover:underline"
          onClick={() => {
            setCredentials(null);
            setError(null);
          }}
        >
          {t('back')}
        </button>
      </form>
    );
  }

  return (
    <form key="password-step" onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" noValidate>
      {error ? <FormMessage>{error}</FormMessage> : null}
      <Field label={t('email')} htmlFor="email" error={missing.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className={inputClass}
          {...invalidProps('email', missing.email)}
        />
      </Field>
      <Field label={t('password')} htmlFor="password" error={missing.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
          {...invalidProps('password', missing.password)}
        />
      </Field>
      <SubmitButton pending={pending} pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
