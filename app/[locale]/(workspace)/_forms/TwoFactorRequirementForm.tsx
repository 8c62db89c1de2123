'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { TwoFactorRequirement } from '@/common/enums';
import { Field, FormMessage, selectClass, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';

type Props = { requirement: TwoFactorRequirement; version: number } & ({ scope: 'platform' } | { scope: 'lab'; labId: number });

/** Who must use two-factor authentication: on the platform (admins) or in one lab (its managers). */
export function TwoFactorRequirementForm(props: Props) {
  const t = useTranslations('forms.twoFactorRequirement');
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useFormErrors();
  const setLab = useMutation(trpc.labSettings.setTwoFactorRequirement.mutationOptions());
  const setPlatform = useMutation(trpc.twoFactor.setPlatformRequirement.mutationOptions());
  const [saved, setSaved] = useState(false);
  const pending = setLab.isPending || setPlatform.isPending;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    setSaved(false);
    const requirement = String(new FormData(event.currentTarget).get('requirement')) as TwoFactorRequirement;
    try {
      if (props.scope === 'lab') await setLab.mutateAsync({ labId: props.labId, version: props.version, requirement });
      else await setPlatform.mutateAsync({ version: props.version, requirement });
      setSaved(true);
      router.refresh();
    } catch (error) {
      errors.set(error);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-3">
      {saved ? <FormMessage tone="ok">{t('saved')}</FormMessage> : null}
      <Field label={t('label')} htmlFor="two-factor-requirement" error={errors.fields.requirement}>
        <select id="two-factor-requirement" name="requirement" defaultValue={props.requirement} className={selectClass}>
          <option value="none">{t('none')}</option>
          <option value="managers">{props.scope === 'platform' ? t('platformManagers') : t('managers')}</option>
          <option value="everyone">{t('everyone')}</option>
        </select>
      </Field>
      <FormErrorSummary errors={errors} />
      <div>
        <SubmitButton pending={pending} pendingLabel={t('saving')}>
          {t('save')}
        </SubmitButton>
      </div>
    </form>
  );
}
