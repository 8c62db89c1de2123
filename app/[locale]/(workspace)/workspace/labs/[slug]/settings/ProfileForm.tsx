'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { StatusMessage, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';
import { focusFirstError, formValues } from '@/app/[locale]/(workspace)/_forms/inputs';
import { LabProfileFields, type LabProfileValues } from '@/app/[locale]/(workspace)/_forms/LabProfileFields';
import type { TimeZoneOption } from '@/app/_lib/time-zones';

/** Every profile field; a save that started from an older version is refused with a way to reload. */
export function ProfileForm({ lab, timeZones }: { lab: LabProfileValues & { id: number; version: number }; timeZones: TimeZoneOption[] }) {
  const t = useTranslations('labSettings');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.labSettings.updateProfile.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    setSaved(false);
    try {
      const { slug } = await update.mutateAsync({ ...formValues(event.currentTarget), labId: lab.id, version: lab.version } as never);
      setSaved(true);
      // A new slug is a new address: go there, so the next save and every link use it.
      if (slug !== lab.slug) router.replace(`/workspace/labs/${slug}/settings`);
      router.refresh();
    } catch (error) {
      errors.set(error);
      focusFirstError(formRef.current);
    }
  }

  return (
    <form key={lab.version} ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <p className="text-xs text-muted">{tf('requiredNote')}</p>
      <LabProfileFields defaults={lab} errors={errors.fields} timeZones={timeZones} />
      <FormErrorSummary errors={errors} />
      <StatusMessage>{saved ? t('profileSaved') : null}</StatusMessage>
      <div>
        <SubmitButton pending={update.isPending} pendingLabel={tf('saving')}>
          {tf('save')}
        </SubmitButton>
      </div>
    </form>
  );
}
