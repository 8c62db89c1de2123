'use client';

import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button, FormMessage } from '@/app/_components/Form';
import { formErrorOf } from '@/app/_lib/trpc-errors';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';

/** Ends the account's sessions on every device (a lost phone, a shared computer), then this one. */
export function SignOutEverywhere() {
  const t = useTranslations('account');
  const router = useRouter();
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation(
    trpc.me.signOutEverywhere.mutationOptions({
      onSuccess: async () => {
        await signOut({ redirect: false });
        router.replace('/signin');
        router.refresh();
      },
    }),
  );
  return (
    <div className="flex flex-col gap-2">
      {end.error ? <FormMessage>{formErrorOf(end.error)}</FormMessage> : null}
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="danger" size="sm" disabled={end.isPending} onClick={() => end.mutate()}>
            {t('signOutEverywhereConfirm')}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          {t('signOutEverywhere')}
        </Button>
      )}
    </div>
  );
}
