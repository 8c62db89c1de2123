'use client';

import { useMutation } from '@tanstack/react-query';
import clsx from 'clsx';
import { AlertTriangle, CheckCircle2, XCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useId, useRef, useState, type FormEvent } from 'react';
import type { Health } from '@/common/enums';
import { Button, FormMessage, invalidProps, StatusMessage, SubmitButton, textareaClass } from '@/app/_components/Form';
import { focusFirstError } from '@/app/[locale]/(workspace)/_forms/inputs';
import { postedValue } from '@/app/_lib/form-state';
import { fieldErrorsOf, formErrorOf, isConflict } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { postUpdateAction } from '../actions';

export type LinkOption = { id: number; label: string };

type Initial = {
  updateId: number;
  version: number;
  body: string;
  health: Health;
  milestoneIds: number[];
  goalIds: number[];
  isPublic: boolean;
};

const HEALTH_OPTIONS: { value: Health; icon: typeof CheckCircle2; tone: string }[] = [
  { value: 'on_track', icon: CheckCircle2, tone: 'peer-checked:border-ok peer-checked:bg-ok-soft peer-checked:text-ok' },
  { value: 'at_risk', icon: AlertTriangle, tone: 'peer-checked:border-warn peer-checked:bg-warn-soft peer-checked:text-warn' },
  { value: 'off_track', icon: XCircle, tone: 'peer-checked:border-bad peer-checked:bg-bad-soft peer-checked:text-bad' },
];

/** Writes a new update, or edits one (with the version it started from), with a sanitized preview. */
export function UpdateComposer({
  labId,
  milestones,
  goals,
  canPublish,
  initial,
  onDone,
}: {
  labId: number;
  milestones: LinkOption[];
  goals: LinkOption[];
  canPublish: boolean;
  initial?: Initial;
  onDone?: () => void;
}) {
  const t = useTranslations('updates');
  const te = useTranslations('enums');
  const router = useRouter();
  const trpc = useTRPC();
  const uid = useId();
  // A new update posts without JavaScript too, to a server action that calls the same procedure
  // (decision 022); after a refused post the page shows what was written, with the messages.
  const [posted, postAction] = useActionState(postUpdateAction, null);
  const postedIds = (name: string) => (posted && !posted.ok ? (posted.values[name] ?? []).map(Number) : []);
  const [body, setBody] = useState(initial?.body ?? postedValue(posted, 'body', ''));
  const [health, setHealth] = useState<Health>(initial?.health ?? (postedValue(posted, 'health', 'on_track') as Health));
  const [milestoneIds, setMilestoneIds] = useState<number[]>(initial?.milestoneIds ?? postedIds('milestoneIds'));
  const [goalIds, setGoalIds] = useState<number[]>(initial?.goalIds ?? postedIds('goalIds'));
  const [isPublic, setIsPublic] = useState(initial?.isPublic ?? postedValue(posted, 'isPublic', '') === '1');
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [done, setDone] = useState(false);

  const preview = useMutation(trpc.update.preview.mutationOptions());
  const post = useMutation(trpc.update.post.mutationOptions());
  const edit = useMutation(trpc.update.edit.mutationOptions());
  const saving = initial ? edit : post;
  const refused = !initial && !saving.error && posted && !posted.ok ? posted : null;
  const errors = refused ? refused.fieldErrors : fieldErrorsOf(saving.error);
  const conflict = isConflict(saving.error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const input = { labId, body, health, milestoneIds, goalIds, isPublic };
    try {
      if (initial) await edit.mutateAsync({ ...input, updateId: initial.updateId, version: initial.version });
      else await post.mutateAsync(input);
    } catch {
      focusFirstError(formRef.current); // the messages come from the mutation's error state
      return;
    }
    if (!initial) {
      setBody('');
      setMilestoneIds([]);
      setGoalIds([]);
      setIsPublic(false);
      setMode('write');
      setDone(true);
      // Focus follows the work: to the message that says the update is posted (issue 24).
      requestAnimationFrame(() => doneRef.current?.focus());
    }
    router.refresh();
    onDone?.();
  }

  const toggle = (list: number[], set: (v: number[]) => void, value: number) =>
    set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <form ref={formRef} action={initial ? undefined : postAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {initial ? null : <input type="hidden" name="labId" value={labId} />}
      {refused && !Object.keys(refused.fieldErrors).length ? <FormMessage>{refused.message}</FormMessage> : null}
      {saving.error && !Object.keys(errors).length ? (
        <FormMessage>
          <p>{formErrorOf(saving.error)}</p>
          {conflict ? (
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => (router.refresh(), onDone?.())}>
              {t('reload')}
            </Button>
          ) : null}
        </FormMessage>
      ) : null}
      {initial ? null : <StatusMessage ref={doneRef}>{done || (posted?.ok && !saving.error) ? t('posted') : null}</StatusMessage>}

      <div>
        <div className="mb-1.5 flex items-end justify-between gap-2">
          <label htmlFor={`${uid}-body`} className="text-sm font-medium text-ink">
            {t('bodyLabel')}
          </label>
          <div role="tablist" aria-label={t('preview')} className="flex rounded-lg border border-line p-0.5 text-xs">
            {(['write', 'preview'] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="tab"
                aria-selected={mode === m}
                onClick={() => {
                  setMode(m);
                  if (m === 'preview') preview.mutate({ labId, body });
                }}
                className={clsx('rounded-md px-2 py-1', mode === m ? 'bg-ink text-white' : 'text-ink-soft hover:bg-neutral-soft')}
              >
                {t(m)}
              </button>
            ))}
          </div>
        </div>
        {mode === 'write' ? (
          <textarea
            id={`${uid}-body`}
            name="body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t('bodyPlaceholder')}
            rows={4}
            maxLength={10_000}
            className={textareaClass}
            {...invalidProps(`${uid}-body`, errors.body)}
          />
        ) : (
          <div
            aria-live="polite"
            className="prose-update min-h-24 rounded-lg border border-line bg-canvas px-3 py-2 text-[0.95rem]"
            // Rendered and sanitized on the server (server/domain/markdown.ts).
            dangerouslySetInnerHTML={{
              __html: body.trim() ? (preview.data?.html ?? '') : `<p class="text-muted">${t('previewEmpty')}</p>`,
            }}
          />
        )}
        {errors.body ? (
          <p id={`${uid}-body-error`} className="mt-1.5 text-sm text-bad">
            {errors.body}
          </p>
        ) : (
          <p className="mt-1.5 text-xs text-muted">{t('bodyHint')}</p>
        )}
      </div>

      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-ink">{t('healthLabel')}</legend>
        <div className="flex flex-wrap gap-2">
          {HEALTH_OPTIONS.map(({ value, icon: Icon, tone }) => (
            <label key={value} className="cursor-pointer">
              <input
                type="radio"
                name="health"
                value={value}
                checked={health === value}
                onChange={() => setHealth(value)}
                className="peer sr-only"
              />
              <span
                className={clsx(
                  'inline-flex items-center gap-1.5 rounded-lg border border-line-strong px-3 py-1.5 text-sm text-ink-soft peer-focus-visible:outline-2 peer-focus-visible:outline-brand',
                  tone,
                )}
              >
                <Icon aria-hidden className="size-4" />
                {te(`health.${value}`)}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {milestones.length || goals.length ? (
        <details
          open={Boolean(initial?.milestoneIds.length || initial?.goalIds.length || errors.milestoneIds || errors.goalIds)}
          className="group"
        >
          <summary className="cursor-pointer text-sm font-medium text-ink marker:text-muted">
            {t('linksSummary', { milestones: milestoneIds.length, goals: goalIds.length })}
          </summary>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <LinkPicker
              name="milestoneIds"
              legend={t('milestonesLabel')}
              options={milestones}
              selected={milestoneIds}
              onToggle={(id) => toggle(milestoneIds, setMilestoneIds, id)}
              error={errors.milestoneIds}
            />
            <LinkPicker
              name="goalIds"
              legend={t('goalsLabel')}
              options={goals}
              selected={goalIds}
              onToggle={(id) => toggle(goalIds, setGoalIds, id)}
              error={errors.goalIds}
            />
          </div>
        </details>
      ) : null}

      {initial?.isPublic && !canPublish ? (
        <p id={`${uid}-public-note`} className="rounded-lg border border-line bg-canvas px-3 py-2 text-sm text-ink-soft">
          {t('publicEditNote')}
        </p>
      ) : null}

      {canPublish ? (
        <div>
          <label htmlFor={`${uid}-public`} className="flex items-center gap-2 text-sm text-ink">
            <input
              id={`${uid}-public`}
              name="isPublic"
              value="1"
              type="checkbox"
              checked={isPublic}
              onChange={(e) => setIsPublic(e.target.checked)}
              className="size-4"
              {...invalidProps(`${uid}-public`, errors.isPublic)}
            />
            {t('publicLabel')}
          </label>
          {errors.isPublic ? (
            <p id={`${uid}-public-error`} className="mt-1 text-sm text-bad">
              {errors.isPublic}
            </p>
          ) : null}
        </div>
      ) : errors.isPublic ? (
        <FormMessage>{errors.isPublic}</FormMessage>
      ) : null}

      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={saving.isPending} pendingLabel={initial ? t('saving') : t('posting')}>
          {initial ? t('save') : t('post')}
        </SubmitButton>
        {initial ? (
          <Button variant="secondary" onClick={onDone}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function LinkPicker({
  name,
  legend,
  options,
  selected,
  onToggle,
  error,
}: {
  name: string;
  legend: string;
  options: LinkOption[];
  selected: number[];
  onToggle: (id: number) => void;
  error?: string;
}) {
  const t = useTranslations('updates');
  if (options.length === 0) return null;
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-ink">
        {legend} <span className="font-normal text-muted">({selected.length})</span>
      </legend>
      <div className={clsx('max-h-40 overflow-y-auto rounded-lg border bg-surface p-1', error ? 'border-bad' : 'border-line-strong')}>
        {options.map((o) => (
          <label key={o.id} className="flex cursor-pointer items-start gap-2 rounded-md px-2 py-1 text-sm hover:bg-neutral-soft">
            <input
              type="checkbox"
              name={name}
              value={o.id}
              checked={selected.includes(o.id)}
              onChange={() => onToggle(o.id)}
              className="mt-0.5 size-4 shrink-0"
            />
            <span className="text-ink-soft">{o.label}</span>
          </label>
        ))}
      </div>
      {error ? <p className="mt-1.5 text-sm text-bad">{error}</p> : <p className="mt-1 text-xs text-muted">{t('linkHint')}</p>}
    </fieldset>
  );
}
