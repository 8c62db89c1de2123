'use client';

import { useMutation } from '@tanstack/react-query';
import { LogOut, UserMinus, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { LAB_ROLES, type LabRole } from '@/common/enums';
import { ConfirmButton } from '@/app/_components/ConfirmDialog';
import { Button, selectClass } from '@/app/_components/Form';
import { useRouter } from '@/app/_i18n/navigation';
import { formErrorOf } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';

/** A member's role as a select; the change is saved with its own button, so arrow keys never save by accident. */
export function RoleEditor({
  labId,
  membershipId,
  version,
  role,
  name,
  lastManager,
}: {
  labId: number;
  membershipId: number;
  version: number;
  role: LabRole;
  name: string;
  lastManager: boolean;
}) {
  const t = useTranslations('members');
  const te = useTranslations('enums');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.member.changeRole.mutationOptions());
  const [value, setValue] = useState<LabRole>(role);
  const [error, setError] = useState<string | null>(null);
  const id = `role-${membershipId}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await change.mutateAsync({ labId, membershipId, version, role: value });
      router.refresh();
    } catch (e) {
      setError(formErrorOf(e));
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {t('roleOf', { name })}
        </label>
        <select
          id={id}
          value={value}
          onChange={(e) => setValue(e.target.value as LabRole)}
          className={`${selectClass} max-w-40 py-1.5 text-sm`}
          aria-describedby={error ? `${id}-error` : lastManager ? `${id}-hint` : undefined}
          aria-invalid={error ? true : undefined}
        >
          {[...LAB_ROLES].reverse().map((r) => (
            <option key={r} value={r}>
              {te(`labRole.${r}`)}
            </option>
          ))}
        </select>
        {value !== role ? (
          <Button type="submit" size="sm" disabled={change.isPending}>
            {tf('save')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-bad">
          {error}
        </p>
      ) : lastManager ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {t('lastManagerHint')}
        </p>
      ) : null}
    </form>
  );
}

export function RemoveMemberButton({
  labId,
  membershipId,
  version,
  name,
  lastManager,
}: {
  labId: number;
  membershipId: number;
  version: number;
  name: string;
  lastManager: boolean;
}) {
  const t = useTranslations('members');
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.member.remove.mutationOptions());
  return (
    <ConfirmButton
      disabled={lastManager}
      title={t('removeTitle', { name })}
      body={t('removeBody', { name })}
      confirmLabel={t('removeConfirm')}
      onConfirm={async () => {
        await remove.mutateAsync({ labId, membershipId, version });
        router.refresh();
      }}
    >
      <UserMinus aria-hidden className="size-4" />
      {t('remove')}
      <span className="sr-only">{name}</span>
    </ConfirmButton>
  );
}

export function LeaveButton({ labId, labName, lastManager }: { labId: number; labName: string; lastManager: boolean }) {
  const t = useTranslations('members');
  const trpc = useTRPC();
  const router = useRouter();
  const leave = useMutation(trpc.member.leave.mutationOptions());
  return (
    <ConfirmButton
      title={t('leaveTitle', { lab: labName })}
      body={lastManager ? t('lastManagerHint') : t('leaveBody')}
      confirmLabel={t('leaveConfirm')}
      onConfirm={async () => {
        await leave.mutateAsync({ labId });
        router.replace('/workspace');
        router.refresh();
      }}
    >
      <LogOut aria-hidden className="size-4" />
      {t('leave')}
    </ConfirmButton>
  );
}

export function RevokeInvitationButton({
  labId,
  invitationId,
  email,
  expired,
}: {
  labId: number;
  invitationId: number;
  email: string;
  expired: boolean;
}) {
  const t = useTranslations('members.invitations');
  const trpc = useTRPC();
  const router = useRouter();
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions());
  return (
    <ConfirmButton
      title={expired ? t('removeTitle', { email }) : t('revokeTitle', { email })}
      body={expired ? t('removeBody') : t('revokeBody')}
      confirmLabel={expired ? t('removeConfirm') : t('revokeConfirm')}
      onConfirm={async () => {
        await revoke.mutateAsync({ labId, invitationId });
        router.refresh();
      }}
    >
      <X aria-hidden className="size-4" />
      {expired ? t('remove') : t('revoke')}
      <span className="sr-only">{email}</span>
    </ConfirmButton>
  );
}
