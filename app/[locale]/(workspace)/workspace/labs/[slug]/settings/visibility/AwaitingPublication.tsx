import { Clock } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { AwaitingPublication as Awaiting } from '@/server/services/publication-review';
import { formatMeasure } from '@/app/_components/goal-chart/format';
import { Card, CardHeader, EmptyState } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { formatIsoDate } from '@/app/_lib/dates';
import { unitSuffix } from '@/app/_lib/goal-text';
import { localized } from '@/app/_lib/localized';
import { PublishAgainButton } from './PublishAgainButton';

/** What waits for a manager before the public sees it, side by side with what the public sees now (decision 017). */
export async function AwaitingPublication({
  labId,
  slug,
  locale,
  awaiting,
}: {
  labId: number;
  slug: string;
  locale: string;
  awaiting: Awaiting;
}) {
  const t = await getTranslations('labSettings.awaiting');
  const tg = await getTranslations('goals');
  const format = await getFormatter();
  const base = `/workspace/labs/${slug}`;
  const empty = awaiting.updates.length === 0 && awaiting.sources.length === 0;

  return (
    <div id="awaiting" className="scroll-mt-4">
      <Card>
        <CardHeader title={t('title')} description={t('intro')} />
        {empty ? (
          <div className="p-5">
            <EmptyState icon={<Clock aria-hidden className="size-8" />}>{t('empty')}</EmptyState>
          </div>
        ) : (
          <div className="flex flex-col gap-5 p-5">
            {awaiting.updates.length ? (
              <section aria-labelledby="awaiting-updates">
                <h3 id="awaiting-updates" className="text-sm font-semibold">
                  {t('updatesTitle', { count: awaiting.updates.length })}
                </h3>
                <ul className="mt-2 divide-y divide-line rounded-lg border border-line">
                  {awaiting.updates.map((u) => (
                    <li
                      key={u.id}
                      className="flex flex-col gap-3 p-3 sm:flex-row sm:items-start sm:justify-between"
                      data-testid="awaiting-update"
                    >
                      <dl className="grid min-w-0 flex-1 gap-2 text-sm sm:grid-cols-2">
                        <div className="min-w-0">
                          <dt className="text-xs font-medium text-muted">{t('now')}</dt>
                          <dd className="text-ink">{u.excerpt}</dd>
                        </div>
                        <div className="min-w-0">
                          <dt className="text-xs font-medium text-muted">{t('onPublicPage')}</dt>
                          <dd className="text-ink-soft">{u.publishedExcerpt}</dd>
                        </div>
                        <div className="text-xs text-muted sm:col-span-2">
                          {t('editedBy', {
                            name: u.authorName ?? t('unknownUser'),
                            when: format.dateTime(u.editedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                          })}{' '}
                          ·{' '}
                          <Link href={`${base}/updates`} className="text-brand hover:underline">
                            {t('openUpdates')}
                          </Link>
                        </div>
                      </dl>
                      <PublishAgainButton labId={labId} target={{ kind: 'update', updateId: u.id, version: u.version }} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {awaiting.sources.length ? (
              <section aria-labelledby="awaiting-sources">
                <h3 id="awaiting-sources" className="text-sm font-semibold">
                  {t('sourcesTitle', { count: awaiting.sources.length })}
                </h3>
                <ul className="mt-2 divide-y divide-line rounded-lg border border-line">
                  {awaiting.sources.map((m) => (
                    <li
                      key={m.id}
                      className="flex flex-col gap-3 p-3 sm:flex-row sm:items-start sm:justify-between"
                      data-testid="awaiting-source"
                    >
                      <dl className="grid min-w-0 flex-1 gap-2 text-sm sm:grid-cols-2">
                        <div className="sm:col-span-2">
                          <Link href={`${base}/goals/${m.goalId}`} className="font-medium text-ink hover:underline">
                            {t('measurement', {
                              goal: localized(locale, m.goalTitleEn, m.goalTitleZh),
                              value: formatMeasure(locale, m.value, unitSuffix(tg, m.unit, m.unitLabel)),
                              date: formatIsoDate(format, m.asOf),
                            })}
                          </Link>
                        </div>
                        <div className="min-w-0">
                          <dt className="text-xs font-medium text-muted">{t('now')}</dt>
                          <dd className="text-ink">{m.source}</dd>
                        </div>
                        <div className="min-w-0">
                          <dt className="text-xs font-medium text-muted">{t('onPublicPage')}</dt>
                          <dd className="text-ink-soft">{m.publishedSource ?? t('noSource')}</dd>
                        </div>
                        <div className="text-xs text-muted sm:col-span-2">
                          {t('recordedBy', { name: m.recordedByName ?? t('unknownUser') })}
                        </div>
                      </dl>
                      <PublishAgainButton labId={labId} target={{ kind: 'source', measurementId: m.id, version: m.version }} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
        )}
      </Card>
    </div>
  );
}
