'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { MilestoneStatus, Stage } from '@/common/enums';
import { Field, inputClass, invalidProps, selectClass, SubmitButton, textareaClass } from '@/app/_components/Form';
import { fieldErrorsOf } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { dateOrNull, SaveError, type Option } from './form-helpers';

export type MilestoneDraft = {
  id?: number;
  version?: number;
  title: string;
  description: string;
  phase: Stage;
  ownerOrganisationId: number | null;
  forecastStart: string;
  forecastFinish: string;
  actualStart: string | null;
  actualFinish: string | null;
  status: MilestoneStatus;
  percentComplete: number;
  isPublic: boolean;
};

/**
 * A manager's form for every field of a milestone, to create one or edit one. An edit sends the
 * version it started from; if someone saved in between, the form says so and offers a reload.
 */
export function MilestoneForm({
  labId,
  initial,
  phases,
  statuses,
  owners,
  doneHref,
}: {
  labId: number;
  initial: MilestoneDraft;
  phases: Option[];
  statuses: Option[];
  owners: Option[];
  /** Where to go after saving; `{id}` is replaced by the milestone's id. */
  doneHref: string;
}) {
  const t = useTranslations('timeline');
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const editing = initial.id !== undefined;
  const onSuccess = (saved: { id: number }) => {
    router.push(doneHref.replace('{id}', String(saved.id)), { scroll: false });
    router.refresh();
  };
  const create = useMutation(trpc.milestone.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.milestone.update.mutationOptions({ onSuccess }));
  const save = editing ? update : create;
  const errors = fieldErrorsOf(save.error);
  const set = <K extends keyof MilestoneDraft>(key: K, value: MilestoneDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const id = (name: string) => `milestone-${initial.id ?? 'new'}-${name}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields = {
      labId,
      title: draft.title,
      description: draft.description,
      phase: draft.phase,
      ownerOrganisationId: draft.ownerOrganisationId,
      forecastStart: draft.forecastStart,
      forecastFinish: draft.forecastFinish,
      actualStart: draft.actualStart,
      actualFinish: draft.actualFinish,
      status: draft.status,
      percentComplete: draft.percentComplete,
      isPublic: draft.isPublic,
    };
    if (editing) update.mutate({ ...fields, id: initial.id!, version: initial.version! });
    else create.mutate(fields);
  }

  const dateField = (key: 'forecastStart' | 'forecastFinish' | 'actualStart' | 'actualFinish', required: boolean) => (
    <Field label={t(`fields.${key}`)} htmlFor={id(key)} error={errors[key]}>
      <input
        id={id(key)}
        type="date"
        required={required}
        className={inputClass}
        value={draft[key] ?? ''}
        onChange={(e) => set(key, required ? e.target.value : dateOrNull(e.target.value))}
        {...invalidProps(id(key), errors[key])}
      />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={editing ? t('form.editTitle') : t('form.createTitle')}>
      <Field label={t('fields.title')} htmlFor={id('title')} error={errors.title}>
        <input
          id={id('title')}
          className={inputClass}
          value={draft.title}
          maxLength={200}
          required
          onChange={(e) => set('title', e.target.value)}
          {...invalidProps(id('title'), errors.title)}
        />
      </Field>
      <Field label={t('fields.description')} htmlFor={id('description')} error={errors.description}>
        <textarea
          id={id('description')}
          className={textareaClass}
          rows={3}
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          {...invalidProps(id('description'), errors.description)}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('fields.phase')} htmlFor={id('phase')} error={errors.phase}>
          <select
            id={id('phase')}
            className={selectClass}
            value={draft.phase}
            onChange={(e) => set('phase', e.target.value as Stage)}
            {...invalidProps(id('phase'), errors.phase)}
          >
            {phases.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fields.owner')} htmlFor={id('owner')} error={errors.ownerOrganisationId}>
          <select
            id={id('owner')}
            className={selectClass}
            value={draft.ownerOrganisationId ?? ''}
            onChange={(e) => set('ownerOrganisationId', e.target.value === '' ? null : Number(e.target.value))}
            {...invalidProps(id('owner'), errors.ownerOrganisationId)}
          >
            <option value="">{t('form.noOwner')}</option>
            {owners.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        {dateField('forecastStart', true)}
        {dateField('forecastFinish', true)}
        <Field label={t('fields.status')} htmlFor={id('status')} error={errors.status}>
          <select
            id={id('status')}
            className={selectClass}
            value={draft.status}
            onChange={(e) => set('status', e.target.value as MilestoneStatus)}
            {...invalidProps(id('status'), errors.status)}
          >
            {statuses.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fields.percentComplete')} htmlFor={id('percent')} error={errors.percentComplete}>
          <input
            id={id('percent')}
            type="number"
            min={0}
            max={100}
            className={inputClass}
            value={draft.percentComplete}
            onChange={(e) => set('percentComplete', e.target.value === '' ? 0 : Number(e.target.value))}
            {...invalidProps(id('percent'), errors.percentComplete)}
          />
        </Field>
        {dateField('actualStart', false)}
        {dateField('actualFinish', false)}
      </div>
      <label className="flex items-start gap-2 text-sm text-ink">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-brand"
          checked={draft.isPublic}
          onChange={(e) => set('isPublic', e.target.checked)}
        />
        <span>
          {t('fields.isPublic')}
          <span className="block text-xs text-muted">{t('form.publicHint')}</span>
        </span>
      </label>
      <SaveError error={save.error} />
      <div>
        <SubmitButton pending={save.isPending} pendingLabel={t('saving')}>
          {editing ? t('form.saveChanges') : t('form.create')}
        </SubmitButton>
      </div>
    </form>
  );
}
