'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Button, FormMessage } from '@/app/_components/Form';
import { formErrorOf } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';

/** Mails the person a link that confirms their address (decision 018). */
export function ConfirmEmailButton({ email }: { email: string }) {
  const t = useTranslations('account');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const send = useMutation(trpc.emailConfirmation.request.mutationOptions());
  return (
    <div className="flex flex-col items-start gap-2">
      {send.data?.mailDelayed ? (
        <FormMessage tone="warn">{tf('mailDelayed', { email })}</FormMessage>
      ) : send.isSuccess ? (
        <FormMessage tone="ok">{t('confirmationSent', { email })}</FormMessage>
      ) : (
        <Button size="sm" variant="secondary" disabled={send.isPending} onClick={() => send.mutate()}>
          {send.isPending ? t('sendingConfirmation') : t('sendConfirmation')}
        </Button>
      )}
      {send.error ? <FormMessage>{formErrorOf(send.error)}</FormMessage> : null}
    </div>
  );
}
