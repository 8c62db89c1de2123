'use client';

import { useMutation } from '@tanstack/react-query';
import { KeyRound, ShieldCheck, ShieldOff, Smartphone, UserCheck, UserX } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmButton } from '@/app/_components/ConfirmDialog';
import { DeliveredLink } from '@/app/_components/DeliveredLink';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';

type Account = { id: number; version: number; name: string; email: string; isAdmin: boolean; disabled: boolean; twoFactor: boolean };

/** Disable or re-enable, grant or remove admin, and issue a reset link; each asks first. */
export function UserActions({ user, isSelf }: { user: Account; isSelf: boolean }) {
  const t = useTranslations('admin.users');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const router = useRouter();
  const setDisabled = useMutation(trpc.user.setDisabled.mutationOptions());
  const setAdmin = useMutation(trpc.user.setAdmin.mutationOptions());
  const issueReset = useMutation(trpc.user.issuePasswordReset.mutationOptions());
  const resetTwoFactor = useMutation(trpc.user.resetTwoFactor.mutationOptions());
  const [reset, setReset] = useState<{ token: string | null; mailed: boolean; mailDelayed: boolean } | null>(null);

  return (
    <div className="flex flex-col gap-2 lg:items-end">
      <div className="flex flex-wrap gap-2">
        {user.twoFactor ? (
          <ConfirmButton
            title={t('resetTwoFactorTitle', { name: user.name })}
            body={t('resetTwoFactorBody')}
            confirmLabel={t('resetTwoFactorConfirm')}
            onConfirm={async () => {
              await resetTwoFactor.mutateAsync({ userId: user.id });
              router.refresh();
            }}
          >
            <Smartphone aria-hidden className="size-4" />
            {t('resetTwoFactor')}
          </ConfirmButton>
        ) : null}
        {!user.disabled ? (
          <ConfirmButton
            title={t('resetTitle', { name: user.name })}
            body={t('resetBody', { email: user.email })}
            confirmLabel={t('resetConfirm')}
            confirmVariant="primary"
            onConfirm={async () => setReset(await issueReset.mutateAsync({ userId: user.id }))}
          >
            <KeyRound aria-hidden className="size-4" />
            {t('reset')}
          </ConfirmButton>
        ) : null}
        {isSelf ? null : user.isAdmin ? (
          <ConfirmButton
            title={t('unadminTitle', { name: user.name })}
            body={t('unadminBody')}
            confirmLabel={t('unadminConfirm')}
            onConfirm={async () => {
              await setAdmin.mutateAsync({ userId: user.id, version: user.version, isAdmin: false });
              router.refresh();
            }}
          >
            <ShieldOff aria-hidden className="size-4" />
            {t('unadmin')}
          </ConfirmButton>
        ) : (
          <ConfirmButton
            title={t('makeAdminTitle', { name: user.name })}
            body={t('makeAdminBody')}
            confirmLabel={t('makeAdminConfirm')}
            confirmVariant="primary"
            onConfirm={async () => {
              await setAdmin.mutateAsync({ userId: user.id, version: user.version, isAdmin: true });
              router.refresh();
            }}
          >
            <ShieldCheck aria-hidden className="size-4" />
            {t('makeAdmin')}
          </ConfirmButton>
        )}
        {isSelf ? null : user.disabled ? (
          <ConfirmButton
            title={t('enableTitle', { name: user.name })}
            body={t('enableBody')}
            confirmLabel={t('enableConfirm')}
            confirmVariant="primary"
            onConfirm={async () => {
              await setDisabled.mutateAsync({ userId: user.id, version: user.version, disabled: false });
              router.refresh();
            }}
          >
            <UserCheck aria-hidden className="size-4" />
            {t('enable')}
          </ConfirmButton>
        ) : (
          <ConfirmButton
            title={t('disableTitle', { name: user.name })}
            body={t('disableBody')}
            confirmLabel={t('disableConfirm')}
            onConfirm={async () => {
              await setDisabled.mutateAsync({ userId: user.id, version: user.version, disabled: true });
              router.refresh();
            }}
          >
            <UserX aria-hidden className="size-4" />
            {t('disable')}
          </ConfirmButton>
        )}
      </div>
      {reset ? (
        <div className="w-full max-w-xl rounded-lg border border-line bg-canvas p-3 lg:w-[32rem]">
          <DeliveredLink
            delivery={reset}
            email={user.email}
            path={(token) => `/reset/${token}`}
            label={t('resetLink', { name: user.name })}
            hint={tf('resetLinkHint')}
          />
        </div>
      ) : null}
    </div>
  );
}
