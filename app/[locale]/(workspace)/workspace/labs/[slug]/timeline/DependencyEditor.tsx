'use client';

import { useMutation } from '@tanstack/react-query';
import { AlertTriangle, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button, Field, inputClass, invalidProps, selectClass, SubmitButton } from '@/app/_components/Form';
import { fieldErrorsOf } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { SaveError, type Option } from './form-helpers';

export type DependencyRow = { id: number; version: number; otherId: number; otherTitle: string; lagDays: number; conflict: boolean };

function LagEditor({ labId, row }: { labId: number; row: DependencyRow }) {
  const t = useTranslations('timeline');
  const trpc = useTRPC();
  const router = useRouter();
  const [lag, setLag] = useState(String(row.lagDays));
  const update = useMutation(trpc.dependency.updateLag.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(trpc.dependency.remove.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = fieldErrorsOf(update.error);
  const id = `dep-${row.id}-lag`;
  return (
    <li className="py-2">
      <div className="flex items-start justify-between gap-2">
        <p className="min-w-0 text-sm text-ink">
          {row.conflict ? <AlertTriangle aria-hidden className="mr-1 inline size-3.5 text-bad" /> : null}
          {row.otherTitle}
          {row.conflict ? <span className="ml-1 text-xs font-medium text-bad">{t('conflict')}</span> : null}
        </p>
        <Button
          variant="ghost"
          size="sm"
          aria-label={t('dependencies.remove', { title: row.otherTitle })}
          disabled={remove.isPending}
          onClick={() => remove.mutate({ labId, id: row.id, version: row.version })}
        >
          <Trash2 aria-hidden className="size-4" />
        </Button>
      </div>
      <form
        className="mt-1 flex items-end gap-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ labId, id: row.id, version: row.version, lagDays: lag.trim() === '' ? 0 : Number(lag) });
        }}
      >
        <Field label={t('fields.lagDays')} htmlFor={id} error={errors.lagDays} className="w-32">
          <input
            id={id}
            type="number"
            step={1}
            className={inputClass}
            value={lag}
            onChange={(e) => setLag(e.target.value)}
            {...invalidProps(id, errors.lagDays)}
          />
        </Field>
        <Button type="submit" variant="secondary" size="sm" className="mb-1" disabled={update.isPending || lag === String(row.lagDays)}>
          {t('dependencies.saveLag')}
        </Button>
      </form>
      <SaveError error={update.error ?? remove.error} />
    </li>
  );
}

/** A manager's view of a milestone's predecessors and successors: change lags, remove, add. */
export function DependencyEditor({
  labId,
  milestoneId,
  predecessors,
  successors,
  candidates,
}: {
  labId: number;
  milestoneId: number;
  predecessors: DependencyRow[];
  successors: DependencyRow[];
  candidates: Option[];
}) {
  const t = useTranslations('timeline');
  const trpc = useTRPC();
  const router = useRouter();
  const [direction, setDirection] = useState<'predecessor' | 'successor'>('predecessor');
  const [other, setOther] = useState('');
  const [lag, setLag] = useState('0');
  const add = useMutation(
    trpc.dependency.add.mutationOptions({
      onSuccess: () => {
        setOther('');
        setLag('0');
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(add.error);
  const otherError = errors.predecessorId ?? errors.successorId;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const otherId = Number(other) || 0;
    const lagDays = lag.trim() === '' ? 0 : Number(lag);
    add.mutate(
      direction === 'predecessor'
        ? { labId, predecessorId: otherId, successorId: milestoneId, lagDays }
        : { labId, predecessorId: milestoneId, successorId: otherId, lagDays },
    );
  }

  const list = (title: string, rows: DependencyRow[]) => (
    <div>
      <h4 className="text-xs font-medium uppercase tracking-wide text-muted">{title}</h4>
      {rows.length === 0 ? (
        <p className="py-2 text-sm text-muted">{t('dependencies.none')}</p>
      ) : (
        <ul className="divide-y divide-line" aria-label={title}>
          {rows.map((row) => (
            <LagEditor key={`${row.id}-${row.version}`} labId={labId} row={row} />
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <div className="grid gap-4">
      {list(t('dependencies.predecessors'), predecessors)}
      {list(t('dependencies.successors'), successors)}
      <form
        onSubmit={onSubmit}
        noValidate
        className="grid gap-3 rounded-lg border border-line bg-canvas p-3"
        aria-label={t('dependencies.add')}
      >
        <fieldset>
          <legend className="text-sm font-medium text-ink">{t('dependencies.add')}</legend>
          <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {(['predecessor', 'successor'] as const).map((d) => (
              <label key={d} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name={`dep-direction-${milestoneId}`}
                  className="accent-brand"
                  checked={direction === d}
                  onChange={() => setDirection(d)}
                />
                {t(`dependencies.direction.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('dependencies.milestone')} htmlFor={`dep-other-${milestoneId}`} error={otherError}>
          <select
            id={`dep-other-${milestoneId}`}
            className={selectClass}
            value={other}
            onChange={(e) => setOther(e.target.value)}
            {...invalidProps(`dep-other-${milestoneId}`, otherError)}
          >
            <option value="">{t('dependencies.choose')}</option>
            {candidates.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fields.lagDays')} htmlFor={`dep-lag-${milestoneId}`} error={errors.lagDays} hint={t('dependencies.lagHint')}>
          <input
            id={`dep-lag-${milestoneId}`}
            type="number"
            step={1}
            className={inputClass}
            value={lag}
            onChange={(e) => setLag(e.target.value)}
            {...invalidProps(`dep-lag-${milestoneId}`, errors.lagDays)}
          />
        </Field>
        {!otherError ? <SaveError error={add.error} /> : null}
        <div>
          <SubmitButton pending={add.isPending} pendingLabel={t('saving')} variant="secondary">
            {t('dependencies.addButton')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
