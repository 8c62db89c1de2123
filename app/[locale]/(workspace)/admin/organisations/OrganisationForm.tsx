'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { StatusMessage, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';
import { focusFirstError, formValues } from '@/app/[locale]/(workspace)/_forms/inputs';
import { OrganisationFields, type OrganisationValues } from '@/app/[locale]/(workspace)/_forms/OrganisationFields';

/** Creates an organisation (then opens it), or edits one from the version it was loaded at. */
export function OrganisationForm({ existing }: { existing?: OrganisationValues & { id: number; version: number } }) {
  const t = useTranslations('admin.organisations');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.organisation.create.mutationOptions());
  const update = useMutation(trpc.organisation.update.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    setSaved(false);
    const values = formValues(event.currentTarget);
    try {
      if (existing) {
        await update.mutateAsync({ ...values, id: existing.id, version: existing.version } as never);
        setSaved(true);
        router.refresh();
      } else {
        const created = await create.mutateAsync(values as never);
        router.push(`/admin/organisations/${created.id}`);
      }
    } catch (error) {
      errors.set(error);
      focusFirstError(formRef.current);
    }
  }

  return (
    <form key={existing?.version} ref={formRef} onSubmit={onSubmit} noValidate className="mt-5 flex flex-col gap-5">
      <OrganisationFields prefix="org" defaults={existing} errors={errors.fields} />
      <FormErrorSummary errors={errors} />
      <StatusMessage>{saved ? tf('saved') : null}</StatusMessage>
      <div>
        <SubmitButton pending={create.isPending || update.isPending} pendingLabel={tf('saving')}>
          {existing ? tf('save') : t('create')}
        </SubmitButton>
      </div>
    </form>
  );
}
