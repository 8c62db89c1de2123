'use client';

import { useTranslations } from 'next-intl';
import { Field, inputClass, invalidProps } from './Form';

/** A new password typed twice; the first field is `password`, the second `passwordConfirm`. */
export function PasswordPair({ errors, name = 'password' }: { errors: Record<string, string | undefined>; name?: string }) {
  const t = useTranslations('account');
  const confirm = `${name}Confirm`;
  return (
    <>
      <Field label={t('newPassword')} htmlFor={name} error={errors[name]} hint={t('passwordHint')}>
        <input
          id={name}
          name={name}
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
          {...(errors[name] ? invalidProps(name, errors[name]) : { 'aria-describedby': `${name}-hint` })}
        />
      </Field>
      <Field label={t('confirmPassword')} htmlFor={confirm} error={errors[confirm]}>
        <input
          id={confirm}
          name={confirm}
          type="password"
          autoComplete="new-password"
          required
          className={inputClass}
          {...invalidProps(confirm, errors[confirm])}
        />
      </Field>
    </>
  );
}
