'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button, Field, FormMessage, inputClass, invalidProps, SubmitButton, textareaClass } from '@/app/_components/Form';
import { fieldErrorsOf, formErrorOf, isConflict } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { focusFirstError } from '@/app/[locale]/(workspace)/_forms/inputs';

export type MeasurementDraft = { value: string; asOf: string; source: string; sourceUrl: string; comment: string };

type Props = {
  labId: number;
  goalId: number;
  unitSuffix: string;
  rangeText: string;
  baselineDate: string;
  today: string;
  /** The measurement being edited and the version the edit starts from; null to record a new one. */
  editing: { id: number; version: number } | null;
  initial: MeasurementDraft | null;
  /** The goal is public and the person may not publish: their source waits for a manager (decision 017). */
  sourceNeedsApproval?: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
};

/**
 * Records a measurement, or edits one. The value goes to the server as typed, so "12,5" or "abc"
 * gets the server's message next to the field, in the page's language; nothing is checked only here.
 */
export function MeasurementForm({
  labId,
  goalId,
  unitSuffix,
  rangeText,
  baselineDate,
  today,
  editing,
  initial,
  sourceNeedsApproval = false,
  onDone,
  onCancel,
}: Props) {
  const t = useTranslations('goals');
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState<MeasurementDraft>(initial ?? { value: '', asOf: today, source: '', sourceUrl: '', comment: '' });
  const record = useMutation(trpc.measurement.record.mutationOptions());
  const update = useMutation(trpc.measurement.update.mutationOptions());
  const mutation = editing ? update : record;
  const errors = fieldErrorsOf(mutation.error);
  const formError = mutation.error && Object.keys(errors).length === 0 ? formErrorOf(mutation.error) : null;
  const id = (name: string) => `measurement-${name}`;
  const set = (name: keyof MeasurementDraft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = {
      value: draft.value,
      asOf: draft.asOf,
      source: draft.source || null,
      sourceUrl: draft.sourceUrl || null,
      comment: draft.comment || null,
    };
    if (editing) {
      update.mutate(
        { labId, measurementId: editing.id, version: editing.version, ...fields },
        {
          onSuccess: (saved) => onDone(t(saved.sourceAwaitingApproval ? 'record.savedAwaiting' : 'record.saved')),
          onError: () => focusFirstError(form),
        },
      );
    } else {
      record.mutate(
        { labId, goalId, ...fields },
        {
          onSuccess: (saved) => {
            setDraft({ value: '', asOf: today, source: draft.source, sourceUrl: '', comment: '' });
            onDone(t(saved.sourceAwaitingApproval ? 'record.recordedAwaiting' : 'record.recorded'));
          },
          onError: () => focusFirstError(form),
        },
      );
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-4">
      {formError ? (
        <FormMessage>
          {isConflict(mutation.error) ? t('record.conflict') : formError}
          {isConflict(mutation.error) ? (
            <button
              type="button"
              className="ml-1 font-medium underline"
              onClick={() => {
                onCancel();
                router.refresh();
              }}
            >
              {t('record.reload')}
            </button>
          ) : null}
        </FormMessage>
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-1">
        <Field label={t('record.value')} htmlFor={id('value')} error={errors.value} hint={t('record.valueHint', { range: rangeText })}>
          <div className="relative">
            <input
              id={id('value')}
              name="value"
              inputMode="decimal"
              autoComplete="off"
              value={draft.value}
              onChange={set('value')}
              className={`${inputClass} num`}
              // Room for the unit shown inside the field, however long it is.
              style={unitSuffix ? { paddingRight: `${1.25 + unitSuffix.length * 0.5}rem` } : undefined}
              aria-describedby={errors.value ? `${id('value')}-error` : `${id('value')}-hint`}
              aria-invalid={errors.value ? true : undefined}
            />
            {unitSuffix ? (
              <span aria-hidden className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted">
                {unitSuffix}
              </span>
            ) : null}
          </div>
        </Field>
        <Field label={t('record.asOf')} htmlFor={id('asOf')} error={errors.asOf}>
          <input
            id={id('asOf')}
            name="asOf"
            type="date"
            min={baselineDate}
            max={today}
            value={draft.asOf}
            onChange={set('asOf')}
            className={inputClass}
            {...invalidProps(id('asOf'), errors.asOf)}
          />
        </Field>
      </div>
      <p className="-mt-2 text-xs text-muted">{t('record.asOfHint', { date: baselineDate })}</p>
      <Field label={t('record.source')} htmlFor={id('source')} error={errors.source} hint={t('record.sourceHint')}>
        <input
          id={id('source')}
          name="source"
          value={draft.source}
          onChange={set('source')}
          maxLength={500}
          className={inputClass}
          aria-describedby={errors.source ? `${id('source')}-error` : `${id('source')}-hint`}
          aria-invalid={errors.source ? true : undefined}
        />
      </Field>
      <Field label={t('record.sourceUrl')} htmlFor={id('sourceUrl')} error={errors.sourceUrl} hint={t('record.sourceUrlHint')}>
        <input
          id={id('sourceUrl')}
          name="sourceUrl"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={draft.sourceUrl}
          onChange={set('sourceUrl')}
          className={inputClass}
          aria-describedby={errors.sourceUrl ? `${id('sourceUrl')}-error` : `${id('sourceUrl')}-hint`}
          aria-invalid={errors.sourceUrl ? true : undefined}
        />
      </Field>
      <Field label={t('record.comment')} htmlFor={id('comment')} error={errors.comment}>
        <textarea
          id={id('comment')}
          name="comment"
          rows={2}
          maxLength={2000}
          value={draft.comment}
          onChange={set('comment')}
          className={`${textareaClass} min-h-16`}
          {...invalidProps(id('comment'), errors.comment)}
        />
      </Field>
      {sourceNeedsApproval ? (
        <p className="rounded-lg border border-line bg-canvas px-3 py-2 text-xs text-ink-soft">{t('record.publicNote')}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={mutation.isPending} pendingLabel={t('record.saving')}>
          {editing ? t('record.save') : t('record.submit')}
        </SubmitButton>
        {editing ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('record.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
