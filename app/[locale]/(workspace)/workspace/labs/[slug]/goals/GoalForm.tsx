'use client';

import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  GOAL_DIRECTIONS,
  GOAL_UNITS,
  ITEM_KINDS,
  type GoalDirection,
  type GoalUnit,
  type ItemKind,
} from '@/common/enums';
import { buttonClass, Field, FormMessage, inputClass, invalidProps, selectClass, SubmitButton } from '@/app/_components/Form';
import { Link, useRouter } from '@/app/_i18n/navigation';
import { localized } from '@/app/_lib/localized';
import { fieldErrorsOf, formErrorOf, isConflict } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { focusFirstError } from '@/app/[locale]/(workspace)/_forms/inputs';

export type GoalFormValues = {
  titleEn: string;
  titleZh: string;
  itemKind: ItemKind;
  itemNameEn: string;
  itemNameZh: string;
  metricEn: string;
  metricZh: string;
  unit: GoalUnit;
  unitLabel: string;
  direction: GoalDirection;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  tolerance: string;
  ownerOrganisationId: string;
  isPublic: boolean;
  milestoneIds: number[];
};

type Props = {
  labId: number;
  slug: string;
  owners: { id: number; nameEn: string; nameZh: string | null }[];
  milestones: { id: number; title: string; statusLabel: string; finishLabel: string }[];
  initial: GoalFormValues;
  /** The goal being edited and the version the edit starts from; absent when creating. */
  editing?: { goalId: number; version: number };
};

/** Creates or edits a goal (managers). Every rule is checked on the server; its messages appear next to the fields. */
export function GoalForm({ labId, slug, owners, milestones, initial, editing }: Props) {
  const t = useTranslations('goals');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState(initial);
  const create = useMutation(trpc.goal.create.mutationOptions());
  const update = useMutation(trpc.goal.update.mutationOptions());
  const mutation = editing ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const conflict = isConflict(mutation.error);
  const formError = mutation.error && Object.keys(errors).length === 0 && !conflict ? formErrorOf(mutation.error) : null;
  const base = `/workspace/labs/${slug}/goals`;

  const set =
    <K extends keyof GoalFormValues>(name: K) =>
    (e: { target: { value: string } }) =>
      setV((old) => ({ ...old, [name]: e.target.value as GoalFormValues[K] }));
  const toggleMilestone = (id: number) =>
    setV((old) => ({
      ...old,
      milestoneIds: old.milestoneIds.includes(id) ? old.milestoneIds.filter((m) => m !== id) : [...old.milestoneIds, id],
    }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = {
      ...v,
      titleZh: v.titleZh || null,
      itemNameZh: v.itemNameZh || null,
      metricZh: v.metricZh || null,
      unitLabel: v.unit === 'other' ? v.unitLabel || null : null,
      tolerance: v.tolerance.trim() === '' ? null : v.tolerance,
      ownerOrganisationId: v.ownerOrganisationId ? Number(v.ownerOrganisationId) : null,
    };
    const goTo = (goalId: number) => {
      router.push(`${base}/${goalId}`);
      router.refresh();
    };
    // A refused save moves focus to the first field that says why, as the other forms do.
    const onError = () => focusFirstError(form);
    if (editing) update.mutate({ ...fields, labId, ...editing }, { onSuccess: () => goTo(editing.goalId), onError });
    else create.mutate({ ...fields, labId }, { onSuccess: ({ id }) => goTo(id), onError });
  }

  const id = (name: string) => `goal-${name}`;
  const text = (name: keyof GoalFormValues, label: ReactNode, options: { hint?: string; optional?: boolean; numeric?: boolean } = {}) => (
    <Field
      label={
        <>
          {label}
          {options.optional ? <span className="ml-1 font-normal text-muted">({t('form.optional')})</span> : null}
        </>
      }
      htmlFor={id(name)}
      error={errors[name]}
      hint={options.hint}
    >
      <input
        id={id(name)}
        name={name}
        value={v[name] as string}
        onChange={set(name)}
        inputMode={options.numeric ? 'decimal' : undefined}
        autoComplete="off"
        className={`${inputClass} ${options.numeric ? 'num' : ''}`}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id(name)}-error` : options.hint ? `${id(name)}-hint` : undefined}
      />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {conflict ? (
        <FormMessage tone="warn">
          {t('form.conflict')}{' '}
          <button type="button" className="font-medium underline" onClick={() => router.refresh()}>
            {t('form.reload')}
          </button>
        </FormMessage>
      ) : null}
      {formError ? <FormMessage>{formError}</FormMessage> : null}

      <Section title={t('form.sectionWhat')}>
        <div className="grid gap-4 sm:grid-cols-2">
          {text('titleEn', t('form.titleEn'))}
          {text('titleZh', t('form.titleZh'), { optional: true })}
          <Field label={t('form.itemKind')} htmlFor={id('itemKind')} error={errors.itemKind}>
            <select
              id={id('itemKind')}
              value={v.itemKind}
              onChange={set('itemKind')}
              className={selectClass}
              {...invalidProps(id('itemKind'), errors.itemKind)}
            >
              {ITEM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`itemKind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <div className="hidden sm:block" />
          {text('itemNameEn', t('form.itemNameEn'), { hint: t('form.itemHint') })}
          {text('itemNameZh', t('form.itemNameZh'), { optional: true })}
          {text('metricEn', t('form.metricEn'), { hint: t('form.metricHint') })}
          {text('metricZh', t('form.metricZh'), { optional: true })}
        </div>
      </Section>

      <Section title={t('form.sectionMeasure')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('form.unit')} htmlFor={id('unit')} error={errors.unit}>
            <select
              id={id('unit')}
              value={v.unit}
              onChange={set('unit')}
              className={selectClass}
              {...invalidProps(id('unit'), errors.unit)}
            >
              {GOAL_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`unit.${u}`)}
                </option>
              ))}
            </select>
          </Field>
          {v.unit === 'other' ? (
            text('unitLabel', t('form.unitLabel'), { hint: t('form.unitLabelHint') })
          ) : (
            <div className="hidden sm:block" />
          )}
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium text-ink">{t('form.direction')}</legend>
            <div className="mt-1.5 flex flex-wrap gap-x-6 gap-y-2">
              {GOAL_DIRECTIONS.map((d) => (
                <label key={d} className="inline-flex items-center gap-2 text-sm text-ink">
                  <input
                    type="radio"
                    name="direction"
                    value={d}
                    checked={v.direction === d}
                    onChange={set('direction')}
                    className="size-4 accent-brand"
                  />
                  {t(`directionLong.${d}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {text('baselineValue', t('form.baselineValue'), { numeric: true })}
          <DateField
            id={id('baselineDate')}
            label={t('form.baselineDate')}
            value={v.baselineDate}
            onChange={set('baselineDate')}
            error={errors.baselineDate}
          />
          {text('targetValue', t('form.targetValue'), { numeric: true })}
          <DateField
            id={id('targetDate')}
            label={t('form.targetDate')}
            value={v.targetDate}
            onChange={set('targetDate')}
            error={errors.targetDate}
          />
          {text('tolerance', t('form.tolerance'), { hint: t('form.toleranceHint'), optional: true, numeric: true })}
        </div>
      </Section>

      <Section title={t('form.sectionOwner')}>
        <div className="grid gap-4">
          <Field label={t('form.owner')} htmlFor={id('owner')} error={errors.ownerOrganisationId} className="sm:max-w-sm">
            <select
              id={id('owner')}
              value={v.ownerOrganisationId}
              onChange={set('ownerOrganisationId')}
              className={selectClass}
              {...invalidProps(id('owner'), errors.ownerOrganisationId)}
            >
              <option value="">{t('form.noOwner')}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {localized(locale, o.nameEn, o.nameZh)}
                </option>
              ))}
            </select>
          </Field>
          <fieldset aria-describedby={errors.milestoneIds ? `${id('milestones')}-error` : `${id('milestones')}-hint`}>
            <legend className="text-sm font-medium text-ink">{t('form.milestones')}</legend>
            <p id={`${id('milestones')}-hint`} className="mt-0.5 text-xs text-muted">
              {milestones.length === 0 ? t('form.noMilestones') : t('form.milestonesHint')}
            </p>
            {milestones.length > 0 ? (
              <ul className="mt-2 max-h-72 divide-y divide-line overflow-y-auto rounded-lg border border-line">
                {milestones.map((m) => (
                  <li key={m.id}>
                    <label className="flex cursor-pointer items-start gap-3 px-3 py-2 text-sm hover:bg-canvas">
                      <input
                        type="checkbox"
                        checked={v.milestoneIds.includes(m.id)}
                        onChange={() => toggleMilestone(m.id)}
                        className="mt-0.5 size-4 shrink-0 accent-brand"
                      />
                      <span className="min-w-0">
                        <span className="block text-ink">{m.title}</span>
                        <span className="block text-xs text-muted">
                          {m.statusLabel} · {m.finishLabel}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            ) : null}
            {errors.milestoneIds ? (
              <p id={`${id('milestones')}-error`} className="mt-1.5 text-sm text-bad">
                {errors.milestoneIds}
              </p>
            ) : null}
          </fieldset>
        </div>
      </Section>

      <Section title={t('form.sectionVisibility')}>
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            checked={v.isPublic}
            onChange={(e) => setV((old) => ({ ...old, isPublic: e.target.checked }))}
            className="mt-0.5 size-4 shrink-0 accent-brand"
            aria-describedby={id('isPublic-hint')}
          />
          <span>
            <span className="block font-medium text-ink">{t('form.isPublic')}</span>
            <span id={id('isPublic-hint')} className="block text-xs text-muted">
              {t('form.isPublicHint')}
            </span>
          </span>
        </label>
      </Section>

      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={mutation.isPending} pendingLabel={editing ? t('form.saving') : t('form.creating')}>
          {editing ? t('form.save') : t('form.create')}
        </SubmitButton>
        <Link href={editing ? `${base}/${editing.goalId}` : base} className={buttonClass('secondary')}>
          {t('form.cancel')}
        </Link>
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-xl border border-line bg-surface p-4 sm:p-5">
      <legend className="px-1 text-[0.95rem] font-semibold text-ink">{title}</legend>
      {children}
    </fieldset>
  );
}

function DateField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  error: string | undefined;
}) {
  return (
    <Field label={label} htmlFor={id} error={error}>
      <input id={id} type="date" value={value} onChange={onChange} className={inputClass} {...invalidProps(id, error)} />
    </Field>
  );
}
