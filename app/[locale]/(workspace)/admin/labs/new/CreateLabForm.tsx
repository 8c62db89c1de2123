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
import { focusFirstError, formValues, TextInput } from '@/app/[locale]/(workspace)/_forms/inputs';
import { LabProfileFields } from '@/app/[locale]/(workspace)/_forms/LabProfileFields';
import type { TimeZoneOption } from '@/app/_lib/time-zones';
import { VisibilityChoice } from '@/app/[locale]/(workspace)/_forms/VisibilityChoice';

type Created = {
  slug: string;
  manager:
    | { kind: 'member'; name: string; email: string }
    | { kind: 'invited'; email: string; token: string | null; mailed: boolean; mailDelayed: boolean };
};

export function CreateLabForm({ timeZones }: { timeZones: TimeZoneOption[] }) {
  const t = useTranslations('admin.labs');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const create = useMutation(trpc.labAdmin.create.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    try {
      setCreated(await create.mutateAsync(formValues(event.currentTarget) as never));
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
          {t('created')}
        </p>
        {created.manager.kind === 'member' ? (
          <p className="text-sm text-ink-soft">{t('managerJoined', { name: created.manager.name, email: created.manager.email })}</p>
        ) : (
          <>
            <p className="text-sm text-ink-soft">{t('managerInvited', { email: created.manager.email })}</p>
            <DeliveredLink
              delivery={created.manager}
              email={created.manager.email}
              path={(token) => `/invite/${token}`}
              label={tf('invitationLink')}
              hint={tf('invitationLinkHint')}
            />
          </>
        )}
        <div className="flex flex-wrap gap-2">
          <Link href={`/workspace/labs/${created.slug}`} className={buttonClass('primary')}>
            {t('openLab')}
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
    <form key={attempt} ref={formRef} onSubmit={onSubmit} noValidate className="mt-5 flex flex-col gap-6">
      <p className="text-xs text-muted">{tf('requiredNote')}</p>
      <LabProfileFields errors={errors.fields} timeZones={timeZones} suggestSlug />
      <VisibilityChoice defaultValue="private" error={errors.fields.visibility} />
      <fieldset className="flex flex-col gap-3 border-t border-line pt-5">
        <legend className="text-sm font-semibold">{t('managerLegend')}</legend>
        <TextInput
          id="lab-managerEmail"
          name="managerEmail"
          type="email"
          autoComplete="off"
          label={t('managerEmail')}
          hint={t('managerEmailHint')}
          required
          error={errors.fields.managerEmail}
          className="max-w-md"
        />
      </fieldset>
      <FormErrorSummary errors={errors} />
      <div>
        <SubmitButton pending={create.isPending} pendingLabel={tf('saving')}>
          {t('create')}
        </SubmitButton>
      </div>
    </form>
  );
}
