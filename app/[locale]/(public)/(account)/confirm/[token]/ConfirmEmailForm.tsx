'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { buttonClass, FormMessage, SubmitButton } from '@/app/_components/Form';
import { Link } from '@/app/_i18n/navigation';
import { formErrorOf } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';

/** The button that confirms the address: only a person's click does, never the visit of a mail scanner. */
export function ConfirmEmailForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('account.confirm');
  const trpc = useTRPC();
  const confirm = useMutation(trpc.emailConfirmation.confirm.mutationOptions());
  if (confirm.isSuccess) {
    return (
      <div className="mt-6 flex flex-col gap-4">
        <FormMessage tone="ok">{t('done', { email })}</FormMessage>
        <p>
          <Link href="/workspace" className={buttonClass('secondary')}>
            {t('toWorkspace')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form
      className="mt-6 flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        confirm.mutate({ token });
      }}
    >
      {confirm.error ? <FormMessage>{formErrorOf(confirm.error)}</FormMessage> : null}
      <SubmitButton pending={confirm.isPending} pendingLabel={t('confirming')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
