'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { MilestoneStatus } from '../../../../../../../server/domain/enums';
import { Field, FormMessage, inputClass, invalidProps, selectClass, SubmitButton } from '../../../../../../_components/Form';
import { fieldErrorsOf } from '../../../../../../_lib/trpc-errors';
import { useTRPC } from '../../../../../../_trpc/client';
import { dateOrNull, SaveError, type Option } from './form-helpers';

type Progress = {
  id: number;
  version: number;
  /** A public milestone's progress is on the public page as soon as it is saved (decision 017). */
  isPublic: boolean;
  status: MilestoneStatus;
  percentComplete: number;
  actualStart: string | null;
  actualFinish: string | null;
};

/** A member's update of a milestone: status, percent complete and actual dates. */
export function ProgressForm({
  labId,
  milestone,
  statuses,
  today,
}: {
  labId: number;
  milestone: Progress;
  statuses: Option[];
  today: string;
}) {
  const t = useTranslations('timeline');
  const trpc = useTRPC();
  const router = useRouter();
  const [status, setStatus] = useState<MilestoneStatus>(milestone.status);
  const [percent, setPercent] = useState(String(milestone.percentComplete));
  const [actualStart, setActualStart] = useState(milestone.actualStart ?? '');
  const [actualFinish, setActualFinish] = useState(milestone.actualFinish ?? '');
  const save = useMutation(trpc.milestone.updateProgress.mutationOptions({ onSuccess: () => router.refresh() }));
  // When the page reloads with a newer version (after our save, or a reload after a conflict), the
  // form takes the saved values but stays mounted, so "Progress saved." remains visible.
  const [shownVersion, setShownVersion] = useState(milestone.version);
  if (milestone.version !== shownVersion) {
    setShownVersion(milestone.version);
    setStatus(milestone.status);
    setPercent(String(milestone.percentComplete));
    setActualStart(milestone.actualStart ?? '');
    setActualFinish(milestone.actualFinish ?? '');
  }
  const errors = fieldErrorsOf(save.error);
  const id = (name: string) => `progress-${milestone.id}-${name}`;

  function onStatus(next: MilestoneStatus) {
    setStatus(next);
    // Done means finished: offer the obvious values, which the person can still change.
    if (next === 'done') {
      setPercent('100');
      if (!actualFinish) setActualFinish(today);
      if (!actualStart) setActualStart(today);
    }
    if (next === 'in_progress' && !actualStart) setActualStart(today);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      labId,
      id: milestone.id,
      version: milestone.version,
      status,
      percentComplete: percent.trim() === '' ? 0 : Number(percent),
      actualStart: dateOrNull(actualStart),
      actualFinish: dateOrNull(actualFinish),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('progress.title')}>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('fields.status')} htmlFor={id('status')} error={errors.status}>
          <select
            id={id('status')}
            className={selectClass}
            value={status}
            onChange={(e) => onStatus(e.target.value as MilestoneStatus)}
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
          <div className="flex items-center gap-2">
            <input
              id={id('percent')}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={5}
              className={inputClass}
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
              {...invalidProps(id('percent'), errors.percentComplete)}
            />
            <span aria-hidden className="text-sm text-muted">
              %
            </span>
          </div>
        </Field>
      </div>
      <input
        type="range"
        min={0}
        max={100}
        step={5}
        value={Number(percent) || 0}
        onChange={(e) => setPercent(e.target.value)}
        aria-label={t('fields.percentComplete')}
        className="w-full accent-brand"
      />
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('fields.actualStart')} htmlFor={id('actualStart')} error={errors.actualStart}>
          <input
            id={id('actualStart')}
            type="date"
            max={today}
            className={inputClass}
            value={actualStart}
            onChange={(e) => setActualStart(e.target.value)}
            {...invalidProps(id('actualStart'), errors.actualStart)}
          />
        </Field>
        <Field label={t('fields.actualFinish')} htmlFor={id('actualFinish')} error={errors.actualFinish}>
          <input
            id={id('actualFinish')}
            type="date"
            max={today}
            className={inputClass}
            value={actualFinish}
            onChange={(e) => setActualFinish(e.target.value)}
            {...invalidProps(id('actualFinish'), errors.actualFinish)}
          />
        </Field>
      </div>
      {milestone.isPublic ? <p className="text-xs text-muted">{t('progress.publicNote')}</p> : null}
      {save.isSuccess && !save.isPending ? <FormMessage tone="ok">{t('progress.saved')}</FormMessage> : null}
      <SaveError error={save.error} onReload={save.reset} />
      <div>
        <SubmitButton pending={save.isPending} pendingLabel={t('saving')}>
          {t('progress.save')}
        </SubmitButton>
      </div>
    </form>
  );
}
