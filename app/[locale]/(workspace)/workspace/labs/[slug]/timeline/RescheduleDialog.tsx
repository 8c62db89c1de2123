'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { CalendarClock } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { parseIsoDate } from '@/server/domain/dates';
import { Button, FormMessage, Spinner } from '@/app/_components/Form';
import { isConflict } from '@/app/_lib/trpc-errors';
import { useTRPC } from '@/app/_trpc/client';
import { Dialog } from './Dialog';
import { SaveError } from './form-helpers';

/**
 * "Reschedule successors": shows every downstream milestone's new dates, then applies them all in
 * one transaction. With `fromId`, only what lies downstream of that milestone.
 */
export function RescheduleDialog({
  labId,
  fromId,
  label,
  variant = 'primary',
}: {
  labId: number;
  fromId?: number;
  label: string;
  variant?: 'primary' | 'secondary';
}) {
  const t = useTranslations('timeline');
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const preview = useQuery({
    ...trpc.milestone.reschedulePreview.queryOptions({ labId, fromId: fromId ?? null }),
    enabled: open,
    staleTime: 0,
  });
  const apply = useMutation(
    trpc.milestone.rescheduleApply.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
      onError: (error) => {
        if (isConflict(error)) void preview.refetch();
      },
    }),
  );
  const date = (iso: string) => format.dateTime(parseIsoDate(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  const moves = preview.data ?? [];

  return (
    <>
      <Button
        variant={variant}
        size="sm"
        onClick={() => {
          apply.reset();
          setOpen(true);
        }}
      >
        <CalendarClock aria-hidden className="size-4" />
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('reschedule.title')} closeLabel={t('close')}>
        <p className="text-sm text-ink-soft">{t('reschedule.explain')}</p>
        {preview.isPending ? (
          <p className="mt-4 flex items-center gap-2 text-sm text-muted" role="status">
            <Spinner /> {t('reschedule.loading')}
          </p>
        ) : preview.isError ? (
          <div className="mt-4">
            <SaveError error={preview.error} />
          </div>
        ) : moves.length === 0 ? (
          <div className="mt-4">
            <FormMessage tone="ok">{t('reschedule.nothing')}</FormMessage>
          </div>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full min-w-[30rem] text-left text-sm">
              <caption className="sr-only">{t('reschedule.caption')}</caption>
              <thead className="text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    {t('table.milestone')}
                  </th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    {t('reschedule.from')}
                  </th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    {t('reschedule.to')}
                  </th>
                  <th scope="col" className="py-1.5 text-right font-medium">
                    {t('reschedule.shift')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {moves.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" className="py-2 pr-3 font-medium text-ink">
                      {m.title}
                    </th>
                    <td className="num py-2 pr-3 text-ink-soft">
                      {date(m.from.start)} – {date(m.from.finish)}
                    </td>
                    <td className="num py-2 pr-3 text-ink">
                      {date(m.to.start)} – {date(m.to.finish)}
                    </td>
                    <td className="num py-2 text-right font-medium text-bad">{t('slipBadge', { days: m.shiftDays })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {apply.error ? (
          <div className="mt-3">
            <SaveError error={apply.error} />
          </div>
        ) : null}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t('cancel')}
          </Button>
          <Button
            disabled={moves.length === 0 || apply.isPending || preview.isFetching}
            aria-busy={apply.isPending}
            onClick={() => apply.mutate({ labId, fromId: fromId ?? null, expected: moves.map((m) => ({ id: m.id, version: m.version })) })}
          >
            {apply.isPending ? <Spinner /> : null}
            {t('reschedule.apply', { count: moves.length })}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
