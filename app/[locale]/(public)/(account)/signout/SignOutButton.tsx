'use client';

import { signOut } from 'next-auth/react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { SubmitButton } from '@/app/_components/Form';

export function SignOutButton() {
  const t = useTranslations('auth');
  const locale = useLocale();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <form
      className="mt-6"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        await signOut({ redirect: false });
        router.replace(`/${locale}/labs`);
        router.refresh();
      }}
    >
      <SubmitButton pending={pending} pendingLabel={t('signingOut')} className="w-full">
        {t('signOutSubmit')}
      </SubmitButton>
    </form>
  );
}
