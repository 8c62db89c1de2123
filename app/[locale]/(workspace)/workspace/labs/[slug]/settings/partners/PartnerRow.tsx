'use client';

import { useMutation } from '@tanstack/react-query';
import { Pencil, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { Badge } from '@/app/_components/Badge';
import { ConfirmButton } from '@/app/_components/ConfirmDialog';
import { Button, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useRouter } from '@/app/_i18n/navigation';
import { useTRPC } from '@/app/_trpc/client';
import { focusFirstError, formValues } from '@/app/[locale]/(workspace)/_forms/inputs';
import { ParticipationFields, type ParticipationValues } from './ParticipationFields';

type Partner = ParticipationValues & {
  id: number;
  version: number;
  name: string;
  otherName: string | null;
  joinedOnLabel: string | null;
  budgetLabel: string | null;
};

/** One partner: what it brings, and (for managers) editing or removing it in place. */
export function PartnerRow({ labId, partner }: { labId: number; partner: Partner }) {
  const t = useTranslations('labSettings.partners');
  const te = useTranslations('enums');
  const tf = useTranslations('forms');
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.partner.update.mutationOptions());
  const remove = useMutation(trpc.partner.remove.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [editing, setEditing] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    try {
      await update.mutateAsync({
        ...formValues(event.currentTarget),
        labId,
        participationId: partner.id,
        version: partner.version,
      } as never);
      setEditing(false);
      router.refresh();
    } catch (error) {
      errors.set(error);
      focusFirstError(formRef.current);
    }
  }

  return (
    <li className="px-4 py-3 sm:px-5">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-ink">{partner.name}</span>
            <Badge tone={partner.role === 'lead' ? 'brand' : 'neutral'}>{te(`participationRole.${partner.role as 'lead'}`)}</Badge>
          </p>
          {partner.otherName ? <p className="text-xs text-muted">{partner.otherName}</p> : null}
          <p className="num mt-1 text-xs text-ink-soft">
            {[partner.joinedOnLabel ? t('joined', { date: partner.joinedOnLabel }) : null, partner.budgetLabel].filter(Boolean).join(' · ')}
          </p>
          {partner.contribution ? <p className="mt-1 whitespace-pre-line text-sm text-ink-soft">{partner.contribution}</p> : null}
        </div>
        {!editing ? (
          <div className="flex shrink-0 gap-2">
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
              <Pencil aria-hidden className="size-4" />
              {tf('edit')}
              <span className="sr-only">{partner.name}</span>
            </Button>
            <ConfirmButton
              title={t('removeTitle', { name: partner.name })}
              body={t('removeBody', { name: partner.name })}
              confirmLabel={t('removeConfirm')}
              onConfirm={async () => {
                await remove.mutateAsync({ labId, participationId: partner.id, version: partner.version });
                router.refresh();
              }}
            >
              <Trash2 aria-hidden className="size-4" />
              {t('remove')}
              <span className="sr-only">{partner.name}</span>
            </ConfirmButton>
          </div>
        ) : null}
      </div>
      {editing ? (
        <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-3 flex flex-col gap-4 rounded-lg border border-line bg-canvas p-4">
          <ParticipationFields prefix={`partner-${partner.id}`} defaults={partner} errors={errors.fields} />
          <FormErrorSummary errors={errors} />
          <div className="flex gap-2">
            <SubmitButton pending={update.isPending} pendingLabel={tf('saving')}>
              {tf('save')}
            </SubmitButton>
            <Button
              variant="secondary"
              onClick={() => {
                errors.clear();
                setEditing(false);
              }}
            >
              {tf('cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
