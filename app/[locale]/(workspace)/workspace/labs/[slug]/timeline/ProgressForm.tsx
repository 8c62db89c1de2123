'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import type { MilestoneStatus } from '@/common/enums';
import { Field, FormMessage, inputClass, invalidProps, selectClass, StatusMessage, SubmitButton } from '@/app/_components/Form';
import { postedValue } from '@/app/_lib/form-state';
import { fieldErrorsOf } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { saveProgressAction } from '../actions';
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
  // Without JavaScript the form posts to a server action that calls the same procedure (decision 022);
  // after a refused post the page shows what was typed, with the messages.
  const [posted, postAction] = useActionState(saveProgressAction, null);
  const [status, setStatus] = useState(postedValue(posted, 'status', milestone.status) as MilestoneStatus);
  const [percent, setPercent] = useState(postedValue(posted, 'percentComplete', String(milestone.percentComplete)));
  const [actualStart, setActualStart] = useState(postedValue(posted, 'actualStart', milestone.actualStart ?? ''));
  const [actualFinish, setActualFinish] = useState(postedValue(posted, 'actualFinish', milestone.actualFinish ?? ''));
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
  const errors = save.error ? fieldErrorsOf(save.error) : posted && !posted.ok ? posted.fieldErrors : {};
  const saved = (save.isSuccess && !save.isPending) || (!save.error && !save.isPending && posted?.ok === true);
  const savedRef = useRef<HTMLDivElement>(null);
  // After a save, focus goes to the message that says so (the button had it; issue 24).
  useEffect(() => {
    if (save.isSuccess) savedRef.current?.focus();
  }, [save.isSuccess, save.submittedAt]);
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
    <form action={postAction} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label={t('progress.title')}>
      <input type="hidden" name="labId" value={labId} />
      <input type="hidden" name="id" value={milestone.id} />
      <input type="hidden" name="version" value={milestone.version} />
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('fields.status')} htmlFor={id('status')} error={errors.status}>
          <select
            id={id('status')}
            name="status"
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
              name="percentComplete"
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
            name="actualStart"
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
            name="actualFinish"
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
      <StatusMessage ref={savedRef}>{saved ? t('progress.saved') : null}</StatusMessage>
      <SaveError error={save.error} onReload={save.reset} />
      {posted && !posted.ok && !save.error ? <FormMessage tone={posted.conflict ? 'warn' : 'bad'}>{posted.message}</FormMessage> : null}
      <div>
        <SubmitButton pending={save.isPending} pendingLabel={t('saving')}>
          {t('progress.save')}
        </SubmitButton>
      </div>
    </form>
  );
}
