import { CheckCircle2, Inbox, MailCheck, MailX } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge, jobStateLook } from '@/app/_components/Badge';
import { Card, CardHeader, EmptyState, Stat } from '@/app/_components/Page';
import { serverApi } from '@/app/_trpc/server';
import { requireAdmin } from '../require-admin';
import { RetryButton } from './RetryButton';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin.jobs' });
  return { title: t('title'), robots: { index: false } };
}

/** What the job runner has queued, what failed (with the error, to retry), and when each kind last ran. */
export default async function AdminJobsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin();
  const overview = await (await serverApi()).job.overview();
  const t = await getTranslations('admin.jobs');
  const format = await getFormatter();
  const when = (ms: number | null) => (ms === null ? '' : format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short' }));
  // Kinds are dotted ('mail.invitation'); message keys cannot hold a dot.
  const kind = (k: string) => {
    const key = `kind.${k.replaceAll('.', '_')}`;
    return t.has(key) ? t(key) : k;
  };

  /** A job's kind, state and number, its attempts and `time` (when it is due or gave up), and its last error. */
  const summary = (job: (typeof overview.failed)[number], time: string) => (
    <>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium text-ink">{kind(job.kind)}</span>
        <Badge tone={jobStateLook[job.state].tone} icon={jobStateLook[job.state].icon}>
          {t(`state.${job.state}`)}
        </Badge>
        <span className="text-xs text-muted">#{job.id}</span>
      </p>
      <p className="text-xs text-muted">{[t('attempts', { attempts: job.attempts, max: job.maxAttempts }), time].join(' · ')}</p>
      {job.lastError ? (
        <p className="mt-1 break-words text-sm text-ink-soft">
          <span className="font-medium">{t('lastError')}:</span> <code className="text-xs">{job.lastError}</code>
        </p>
      ) : null}
    </>
  );

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="jobs-heading" className="flex flex-col gap-4">
        <h2 id="jobs-heading" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="max-w-3xl text-sm text-ink-soft">{t('intro')}</p>
        <p className={overview.mailEnabled ? 'flex items-center gap-2 text-sm text-ok' : 'flex items-center gap-2 text-sm text-warn'}>
          {overview.mailEnabled ? <MailCheck aria-hidden className="size-4" /> : <MailX aria-hidden className="size-4" />}
          {overview.mailEnabled ? t('mailOn') : t('mailOff')}
        </p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label={t('counts.queued')} value={overview.counts.queued} />
          <Stat label={t('counts.running')} value={overview.counts.running} />
          <Stat label={t('counts.failed')} value={overview.counts.failed} tone={overview.counts.failed > 0 ? 'bad' : undefined} />
          <Stat label={t('counts.succeeded')} value={overview.counts.succeeded} />
        </dl>
      </section>

      <Card>
        <CardHeader id="failed-jobs" title={t('failedHeading')} />
        {overview.failed.length === 0 ? (
          <div className="p-4">
            <EmptyState icon={<CheckCircle2 aria-hidden className="size-8" />}>{t('failedEmpty')}</EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-line" aria-labelledby="failed-jobs">
            {overview.failed.map((job) => (
              <li key={job.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:px-5">
                <div className="min-w-0">{summary(job, t('finished', { when: when(job.finishedAt) }))}</div>
                <RetryButton jobId={job.id} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <CardHeader id="pending-jobs" title={t('pendingHeading')} />
        {overview.pending.length === 0 ? (
          <div className="p-4">
            <EmptyState icon={<Inbox aria-hidden className="size-8" />}>{t('pendingEmpty')}</EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-line" aria-labelledby="pending-jobs">
            {overview.pending.map((job) => (
              <li key={job.id} className="px-4 py-3 sm:px-5">
                {summary(job, t('due', { when: when(job.runAt) }))}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <CardHeader id="last-runs" title={t('lastRunsHeading')} />
        {overview.lastRuns.length === 0 ? (
          <p className="px-5 py-4 text-sm text-muted">{t('lastRunsEmpty')}</p>
        ) : (
          <dl className="divide-y divide-line">
            {overview.lastRuns.map((run) => (
              <div key={run.kind} className="flex flex-wrap justify-between gap-2 px-4 py-2.5 text-sm sm:px-5">
                <dt className="text-ink">{kind(run.kind)}</dt>
                <dd className="text-muted">{when(run.finishedAt)}</dd>
              </div>
            ))}
          </dl>
        )}
      </Card>
    </div>
  );
}
