'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CalendarDays, Copy } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button, FormMessage, inputClass, Spinner } from '@/app/_components/Form';
import { useTRPC } from '@/app/_trpc/client';
import { Dialog } from './Dialog';
import { SaveError } from './form-helpers';

/** The caller's secret calendar (ICS) URL for the lab: made, shown once, renewed or revoked here. */
export function CalendarDialog({ labId }: { labId: number }) {
  const t = useTranslations('timeline');
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const statusQuery = trpc.calendar.status.queryOptions({ labId });
  const status = useQuery({ ...statusQuery, enabled: open });
  const refresh = () => queryClient.invalidateQueries({ queryKey: statusQuery.queryKey });
  const renew = useMutation(
    trpc.calendar.renew.mutationOptions({
      onSuccess: (data) => {
        setUrl(`${window.location.origin}${data.path}`);
        setCopied(false);
        void refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.calendar.revoke.mutationOptions({
      onSuccess: () => {
        setUrl(null);
        void refresh();
      },
    }),
  );
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short' });
  const active = status.data?.active === true;

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        <CalendarDays aria-hidden className="size-4" />
        {t('calendar.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('calendar.title')} closeLabel={t('close')}>
        <div className="grid gap-3 text-sm">
          <p className="text-ink-soft">{t('calendar.explain')}</p>
          {status.isPending ? (
            <p role="status" className="flex items-center gap-2 text-muted">
              <Spinner /> {t('calendar.loading')}
            </p>
          ) : status.data?.active ? (
            <p className="text-ink">
              {t('calendar.activeSince', { date: when(status.data.createdAt) })}{' '}
              {status.data.lastUsedAt ? t('calendar.lastUsed', { date: when(status.data.lastUsedAt) }) : t('calendar.neverUsed')}
            </p>
          ) : (
            <p className="text-ink">{t('calendar.none')}</p>
          )}
          {url ? (
            <div className="grid gap-2">
              <label htmlFor="calendar-url" className="font-medium text-ink">
                {t('calendar.url')}
              </label>
              <div className="flex gap-2">
                <input
                  id="calendar-url"
                  readOnly
                  value={url}
                  className={`${inputClass} font-mono text-xs`}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    void navigator.clipboard?.writeText(url).then(() => setCopied(true));
                  }}
                >
                  <Copy aria-hidden className="size-4" />
                  {t('calendar.copy')}
                </Button>
              </div>
              <FormMessage tone="warn">{copied ? t('calendar.copied') : t('calendar.onlyOnce')}</FormMessage>
            </div>
          ) : null}
          <SaveError error={renew.error ?? revoke.error} />
          <div className="flex flex-wrap justify-end gap-2">
            {active ? (
              <Button variant="danger" size="sm" disabled={revoke.isPending} onClick={() => revoke.mutate({ labId })}>
                {t('calendar.revoke')}
              </Button>
            ) : null}
            <Button size="sm" disabled={renew.isPending} onClick={() => renew.mutate({ labId })}>
              {active ? t('calendar.renew') : t('calendar.create')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
