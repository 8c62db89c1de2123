'use client';

import { signIn } from 'next-auth/react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sameOriginPath } from '../../../../../server/domain/redirect-target';
import { FOCUS_HEADING_KEY } from '../../../../_components/FocusOnArrival';
import { Field, FormMessage, inputClass, invalidProps, SubmitButton } from '../../../../_components/Form';

/** `callbackPath` was checked by the page on the server; the browser checks it again against its own origin before going there. */
export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const t = useTranslations('auth');
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);

  function signInErrorMessage(error: string | null | undefined): string {
    if (error === 'CredentialsSignin') return t('wrongCredentials');
    // Thrown by the server when too many password checks are under way (server/password.ts).
    if (error === 'Busy') return t('busy');
    // Thrown by the server's throttle as `TooManyAttempts.<minutes>`.
    const throttled = /^TooManyAttempts\.(\d+)$/.exec(error ?? '');
    if (throttled) return t('tooManyAttempts', { minutes: Number(throttled[1]) });
    return t('failed');
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setError(null);
    // An empty field is said next to it, and the first one takes focus: no round trip for it.
    const empty = { ...(email ? {} : { email: t('emailMissing') }), ...(password ? {} : { password: t('passwordMissing') }) };
    setMissing(empty);
    if (empty.email || empty.password) {
      event.currentTarget.querySelector<HTMLInputElement>(empty.email ? '#email' : '#password')?.focus();
      return;
    }
    setPending(true);
    try {
      const result = await signIn('credentials', { email, password, redirect: false });
      if (!result || result.error) {
        setError(signInErrorMessage(result?.error));
        setPending(false);
        return;
      }
      // The page that opens puts focus on its main heading (FocusOnArrival), not on the body.
      sessionStorage.setItem(FOCUS_HEADING_KEY, '1');
      router.replace(sameOriginPath(callbackPath, window.location.origin) ?? `/${locale}/workspace`);
      router.refresh();
    } catch {
      setError(t('failed'));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" noValidate>
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
