'use client';

import { useTranslations } from 'next-intl';
import { CopyLink } from './CopyLink';
import { FormMessage } from './Form';

/**
 * How a secret link reached its person (decision 018): mailed to them and only to them, or — where
 * the installation sends no mail — shown here once to pass on by hand, or not at all when the mail failed
 * (or is still being retried).
 */
export function DeliveredLink({
  delivery,
  email,
  path,
  label,
  hint,
}: {
  delivery: { mailed: boolean; mailDelayed?: boolean; token: string | null };
  email: string;
  path: (token: string) => string;
  label: string;
  hint: string;
}) {
  const t = useTranslations('forms');
  if (delivery.token) return <CopyLink path={path(delivery.token)} label={label} hint={hint} />;
  // Not sent yet, not lost: the job runner tries it again (decision 028).
  if (delivery.mailDelayed) return <FormMessage tone="warn">{t('mailDelayed', { email })}</FormMessage>;
  return <FormMessage tone={delivery.mailed ? 'ok' : 'bad'}>{t(delivery.mailed ? 'mailed' : 'mailFailed', { email })}</FormMessage>;
}
