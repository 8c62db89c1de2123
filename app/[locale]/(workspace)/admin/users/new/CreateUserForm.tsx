'use client';

import { useMutation } from '@tanstack/react-query';
import { CheckCircle2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { DeliveredLink } from '@/app/_components/DeliveredLink';
import { Button, buttonClass, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { Link } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';
import { focusFirstError, formValues, SelectInput, TextInput } from '@/app/[locale]/(workspace)/_forms/inputs';

export function CreateUserForm({ organisations }: { organisations: { value: number; label: string }[] }) {
  const t = useTranslations('admin.users');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const create = useMutation(trpc.user.create.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<{ email: string; token: string | null; mailed: boolean; mailDelayed: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    const values = formValues(event.currentTarget);
    try {
      const result = await create.mutateAsync({
        email: values.email ?? '',
        name: values.name ?? '',
        organisationId: values.organisationId ? Number(values.organisationId) : null,
        isAdmin: values.isAdmin === 'on',
      });
      setCreated({
        email: values.email?.trim().toLowerCase() ?? '',
        token: result.token,
        mailed: result.mailed,
        mailDelayed: result.mailDelayed,
      });
    } catch (error) {
      errors.set(error);
      focusFirstError(formRef.current);
    }
  }

  if (created) {
    return (
      <div className="mt-5 flex flex-col gap-4" role="status">
        <p className="flex items-center gap-2 font-medium text-ok">
          <CheckCircle2 aria-hidden className="size-5" />
          {t('created', { email: created.email })}
        </p>
        <DeliveredLink
          delivery={created}
          email={created.email}
          path={(token) => `/reset/${token}`}
          label={t('setupLink')}
          hint={t('setupLinkHint')}
        />
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/users" className={buttonClass('secondary')}>
            {t('backToList')}
          </Link>
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(null);
              setAttempt((n) => n + 1);
            }}
          >
            {t('createAnother')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form key={attempt} ref={formRef} onSubmit={onSubmit} noValidate className="mt-5 flex max-w-xl flex-col gap-4">
      <TextInput
        id="user-email"
        name="email"
        type="email"
        autoComplete="off"
        label={t('fields.email')}
        required
        error={errors.fields.email}
      />
      <TextInput id="user-name" name="name" autoComplete="off" label={t('fields.name')} required error={errors.fields.name} />
      <SelectInput
        id="user-organisationId"
        name="organisationId"
        label={t('fields.organisation')}
        empty={t('noOrganisation')}
        options={organisations}
        error={errors.fields.organisationId}
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="isAdmin" className="mt-0.5 size-4 accent-brand" />
        <span>
          <span className="font-medium text-ink">{t('fields.isAdmin')}</span>
          <span className="block text-xs text-muted">{t('fields.isAdminHint')}</span>
        </span>
      </label>
      <FormErrorSummary errors={errors} />
      <div>
        <SubmitButton pending={create.isPending} pendingLabel={tf('saving')}>
          {t('create')}
        </SubmitButton>
      </div>
    </form>
  );
}
