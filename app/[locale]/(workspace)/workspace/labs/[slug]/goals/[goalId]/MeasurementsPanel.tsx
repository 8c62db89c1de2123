'use client';

import { useMutation } from '@tanstack/react-query';
import { Clock, ExternalLink, Pencil, Trash2 } from 'lucide-react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { GoalUnit } from '@/common/enums';
import { UNIT_RANGES } from '@/server/domain/goal-units';
import { Badge } from '@/app/_components/Badge';
import { Button, StatusMessage } from '@/app/_components/Form';
import { formatMeasure } from '@/app/_components/goal-chart/format';
import { formatIsoDate } from '@/app/_lib/dates';
import { isConflict } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { MeasurementForm, type MeasurementDraft } from './MeasurementForm';

export type MeasurementRow = {
  id: number;
  value: number;
  asOf: string;
  source: string | null;
  sourceUrl: string | null;
  comment: string | null;
  version: number;
  recordedById: number | null;
  recordedByName: string | null;
  recordedByOrg: string | null;
  canEdit: boolean;
  /** A source written by someone who may not publish, on a public goal: the public sees `publishedSource` until a manager approves it. */
  sourceAwaitingApproval: boolean;
  publishedSource: string | null;
};

type Props = {
  labId: number;
  goalId: number;
  unit: GoalUnit;
  unitSuffix: string;
  baselineDate: string;
  /** Today where the consortia work: the form's default and latest as-of date. */
  today: string;
  canRecord: boolean;
  /** Managers approve sources; on a public goal everyone else's source waits for them (decision 017). */
  canManage: boolean;
  goalIsPublic: boolean;
  measurements: MeasurementRow[];
};

/**
 * The goal's measurements (newest first) with the form to record one, or to edit one's own.
 * After every change the page is refreshed from the server, so status, figures and chart follow.
 */
export function MeasurementsPanel(props: Props) {
  const { labId, measurements, canRecord } = props;
  const t = useTranslations('goals');
  const format = useFormatter();
  const router = useRouter();
  const [editing, setEditing] = useState<MeasurementRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const startEditing = (row: MeasurementRow) => {
    setEditing(row);
    setNotice(null);
    // Keyboard and screen-reader users land on the form they just opened.
    requestAnimationFrame(() => formHeading.current?.focus());
  };

  const range = UNIT_RANGES[props.unit];
  const rangeText =
    range.max !== undefined ? t('record.rangePercent') : range.min !== undefined ? t('record.rangeNonNegative') : t('record.rangeAny');
  const draft: MeasurementDraft | null = editing
    ? {
        value: String(editing.value),
        asOf: editing.asOf,
        source: editing.source ?? '',
        sourceUrl: editing.sourceUrl ?? '',
        comment: editing.comment ?? '',
      }
    : null;

  return (
    <section aria-labelledby="measurements-heading" className={canRecord ? 'mt-6 grid items-start gap-6 lg:grid-cols-3' : 'mt-6'}>
      <div className="min-w-0 rounded-xl border border-line bg-surface shadow-[0_1px_2px_rgba(15,23,42,0.04)] lg:col-span-2">
        <div className="flex items-baseline justify-between gap-4 border-b border-line px-5 py-3.5">
          <h2 id="measurements-heading" className="text-[0.95rem] font-semibold text-ink">
            {t('measurements.title')}
          </h2>
          <span className="text-sm text-muted">{t('measurements.count', { count: measurements.length })}</span>
        </div>
        {/* Always in the page, so screen readers announce its text when a save sets it. */}
        <div className={notice ? 'px-5 pt-3' : undefined}>
          <StatusMessage>{notice}</StatusMessage>
        </div>
        {measurements.length === 0 ? (
          <div className="px-5 py-6 text-sm">
            <p className="font-medium text-ink">{t('measurements.empty')}</p>
            <p className="mt-1 text-ink-soft">{canRecord ? t('measurements.emptyRecord') : t('measurements.emptyView')}</p>
          </div>
        ) : (
          <MeasurementTable {...props} onEdit={startEditing} onDeleted={() => setNotice(t('measurements.deleted'))} labId={labId} />
        )}
        <p className="border-t border-line px-5 py-2.5 text-xs text-muted">{t('measurements.history')}</p>
      </div>
      {canRecord ? (
        <div className="no-print rounded-xl border border-line bg-surface p-5 shadow-[0_1px_2px_rgba(15,23,42,0.04)]">
          <h2 ref={formHeading} tabIndex={-1} className="text-[0.95rem] font-semibold text-ink focus:outline-none">
            {editing ? t('record.editTitle', { date: formatIsoDate(format, editing.asOf) }) : t('record.title')}
          </h2>
          <MeasurementForm
            key={editing ? `edit-${editing.id}-${editing.version}` : 'record'}
            labId={labId}
            goalId={props.goalId}
            unitSuffix={props.unitSuffix}
            rangeText={rangeText}
            baselineDate={props.baselineDate}
            today={props.today}
            editing={editing ? { id: editing.id, version: editing.version } : null}
            initial={draft}
            sourceNeedsApproval={props.goalIsPublic && !props.canManage}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
              router.refresh();
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : null}
    </section>
  );
}

function MeasurementTable({
  labId,
  measurements,
  unitSuffix,
  canManage,
  onEdit,
  onDeleted,
}: Props & { onEdit: (row: MeasurementRow) => void; onDeleted: () => void }) {
  const t = useTranslations('goals');
  const locale = useLocale();
  const format = useFormatter();
  const anyEditable = measurements.some((m) => m.canEdit);
  const who = (m: MeasurementRow) => {
    const name = m.recordedByName ?? t('measurements.unknownUser');
    return m.recordedByOrg ? `${name} · ${m.recordedByOrg}` : name;
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-labelledby="measurements-heading">
        <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="py-2 pl-4 pr-2 font-medium sm:pl-5">
              {t('measurements.asOf')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t('measurements.value')}
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
              {t('measurements.source')} · {t('measurements.recordedBy')}
            </th>
            {anyEditable ? (
              <th scope="col" className="no-print py-2 pl-1 pr-3 text-right font-medium sm:pr-5">
                <span className="sr-only">{t('measurements.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {measurements.map((m) => (
            <tr key={m.id} className="align-top" data-testid="measurement-row">
              <th scope="row" className="num whitespace-nowrap py-2.5 pl-4 pr-2 font-normal text-ink sm:pl-5">
                {formatIsoDate(format, m.asOf)}
                {/* On phones the source and author fold under the date. */}
                <span className="mt-0.5 block max-w-48 whitespace-normal text-xs text-muted sm:hidden">{m.source ?? ''}</span>
                {m.sourceAwaitingApproval ? (
                  <span className="block max-w-56 whitespace-normal font-normal sm:hidden">
                    <SourceAwaiting labId={labId} row={m} canManage={canManage} />
                  </span>
                ) : null}
              </th>
              <td className="num whitespace-nowrap px-2 py-2.5 text-right font-semibold text-ink sm:px-3">
                {formatMeasure(locale, m.value, unitSuffix)}
              </td>
              <td className="hidden px-3 py-2.5 text-ink-soft sm:table-cell">
                {m.source ? <span>{m.source}</span> : null}
                {m.sourceUrl ? (
                  <a
                    href={m.sourceUrl}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    className="ml-1 inline-flex items-center gap-0.5 text-brand hover:underline"
                  >
                    {m.source ? <span className="sr-only">{t('record.sourceUrl')}</span> : hostOf(m.sourceUrl)}
                    <ExternalLink aria-hidden className="size-3.5" />
                  </a>
                ) : null}
                {m.comment ? <span className="mt-0.5 block text-xs text-muted">{m.comment}</span> : null}
                <span className="mt-0.5 block text-xs text-muted">{t('measurements.recordedByLine', { name: who(m) })}</span>
                {m.sourceAwaitingApproval ? <SourceAwaiting labId={labId} row={m} canManage={canManage} /> : null}
              </td>
              {anyEditable ? (
                <td className="no-print whitespace-nowrap py-1.5 pl-1 pr-3 text-right sm:pr-5">
                  {m.canEdit ? <RowActions labId={labId} row={m} onEdit={() => onEdit(m)} onDeleted={onDeleted} /> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The source waits for a manager: what the public sees meanwhile, and (for managers) the button that publishes it. */
function SourceAwaiting({ labId, row, canManage }: { labId: number; row: MeasurementRow; canManage: boolean }) {
  const t = useTranslations('goals');
  const trpc = useTRPC();
  const router = useRouter();
  const publish = useMutation(trpc.measurement.publishSource.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs" data-testid="source-awaiting">
      <Badge tone="warn" icon={Clock}>
        {t('measurements.sourceAwaiting')}
      </Badge>
      <span className="text-muted">
        {row.publishedSource ? t('measurements.publicSource', { source: row.publishedSource }) : t('measurements.publicNoSource')}
      </span>
      {canManage ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={publish.isPending}
          onClick={() => publish.mutate({ labId, measurementId: row.id, version: row.version })}
        >
          {publish.isPending ? t('measurements.publishingSource') : t('measurements.publishSource')}
        </Button>
      ) : null}
      {publish.error ? (
        <span role="alert" className="basis-full text-bad">
          {publish.error.message}
        </span>
      ) : null}
    </span>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function RowActions({ labId, row, onEdit, onDeleted }: { labId: number; row: MeasurementRow; onEdit: () => void; onDeleted: () => void }) {
  const t = useTranslations('goals');
  const trpc = useTRPC();
  const router = useRouter();
  const format = useFormatter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trpc.measurement.delete.mutationOptions());
  const label = formatIsoDate(format, row.asOf);

  if (confirming) {
    return (
      <div role="group" aria-label={t('measurements.confirmDelete')} className="flex flex-col items-end gap-1.5">
        <span className="text-xs text-ink-soft">{t('measurements.confirmDelete')}</span>
        <div className="flex gap-1.5">
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={remove.isPending}>
            {t('measurements.confirmDeleteNo')}
          </Button>
          <Button
            variant="danger"
            size="sm"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(
                { labId, measurementId: row.id, version: row.version },
                {
                  onSuccess: () => {
                    onDeleted();
                    router.refresh();
                  },
                },
              )
            }
          >
            {remove.isPending ? t('measurements.deleting') : t('measurements.confirmDeleteYes')}
          </Button>
        </div>
        {remove.error ? (
          <p role="alert" className="max-w-56 whitespace-normal text-xs text-bad">
            {remove.error.message}
            {isConflict(remove.error) ? (
              <button type="button" className="ml-1 underline" onClick={() => router.refresh()}>
                {t('record.reload')}
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="flex justify-end gap-0.5">
      <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`${t('measurements.edit')} ${label}`} title={t('measurements.edit')}>
        <Pencil aria-hidden className="size-3.5" />
      </Button>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => setConfirming(true)}
        aria-label={`${t('measurements.delete')} ${label}`}
        title={t('measurements.delete')}
      >
        <Trash2 aria-hidden className="size-3.5" />
      </Button>
    </div>
  );
}
