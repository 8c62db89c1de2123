'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { LAB_ROLES } from '@/common/enums';
import { DeliveredLink } from '@/app/_components/DeliveredLink';
import { Button, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';
import { focusFirstError, formValues, SelectInput, TextInput } from '@/app/[locale]/(workspace)/_forms/inputs';

/** Invites an address with a role (and the partner they work for); says it was mailed, or shows the link once to pass on. */
export function InviteForm({ labId, partners }: { labId: number; partners: { value: number; label: string }[] }) {
  const t = useTranslations('members.invite');
  const te = useTranslations('enums');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.invitation.create.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [sent, setSent] = useState<{ email: string; token: string | null; mailed: boolean; mailDelayed: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    const values = formValues(event.currentTarget);
    try {
      const result = await create.mutateAsync({
        labId,
        email: values.email ?? '',
        role: values.role as (typeof LAB_ROLES)[number],
        organisationId: values.organisationId ? Number(values.organisationId) : null,
      });
      setSent({
        email: (values.email ?? '').trim().toLowerCase(),
        token: result.token,
        mailed: result.mailed,
        mailDelayed: result.mailDelayed,
      });
      setAttempt((n) => n + 1);
      router.refresh();
    } catch (error) {
      errors.set(error);
      focusFirstError(formRef.current);
    }
  }

  return (
    <div className="flex flex-col gap-5">
      {sent ? (
        <div className="flex flex-col gap-3 rounded-lg border border-ok/25 bg-ok-soft/50 p-4" role="status">
          <p className="text-sm font-medium text-ok">{t('created', { email: sent.email })}</p>
          <DeliveredLink
            delivery={sent}
            email={sent.email}
            path={(token) => `/invite/${token}`}
            label={tf('invitationLink')}
            hint={tf('invitationLinkHint')}
          />
          <div>
            <Button size="sm" variant="ghost" onClick={() => setSent(null)}>
              {tf('dismiss')}
            </Button>
          </div>
        </div>
      ) : null}
      <form
        key={attempt}
        ref={formRef}
        onSubmit={onSubmit}
        noValidate
        className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1.5fr)_auto] md:items-start"
      >
        <TextInput id="invite-email" name="email" type="email" autoComplete="off" label={t('email')} required error={errors.fields.email} />
        <SelectInput
          id="invite-role"
          name="role"
          label={t('role')}
          defaultValue="member"
          options={[...LAB_ROLES].reverse().map((r) => ({ value: r, label: te(`labRole.${r}`) }))}
          error={errors.fields.role}
        />
        <SelectInput
          id="invite-organisationId"
          name="organisationId"
          label={t('organisation')}
          empty={t('noOrganisation')}
          options={partners}
          error={errors.fields.organisationId}
        />
        <div className="md:pt-7">
          <SubmitButton pending={create.isPending} pendingLabel={tf('saving')} className="w-full md:w-auto">
            {t('submit')}
          </SubmitButton>
        </div>
        <div className="md:col-span-4">
          <FormErrorSummary errors={errors} />
        </div>
      </form>
    </div>
  );
}
