import { Activity as ActivityIcon, ArrowRight, Minus, Pencil, Plus, Trash2 } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, EmptyState } from '@/app/_components/Page';
import { localized } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '../lab-context';
import { actionLabel, fieldLabel, formatValue, HistoryFilters, HistoryPager, kindLabel, parseHistoryQuery } from './history-ui';

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'activity' });
  return { title: `${t('title')} · ${localized(locale, lab.nameEn, lab.nameZh)}` };
}

const ACTION_ICON = { created: Plus, deleted: Trash2, removed: Minus } as const;

export default async function ActivityPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { lab } = await loadLab(slug);
  const query = parseHistoryQuery(await searchParams);
  const t = await getTranslations('activity');
  const format = await getFormatter();
  const api = await serverApi();
  const [page, options] = await Promise.all([
    orNotFound(api.activity.list({ labId: lab.id, ...query })),
    api.activity.filters({ labId: lab.id }),
  ]);
  const base = `/workspace/labs/${lab.slug}/activity`;

  // Group by calendar day in the display time zone.
  const days = new Map<string, typeof page.entries>();
  for (const entry of page.entries) {
    const day = format.dateTime(entry.at, { dateStyle: 'full' });
    days.set(day, [...(days.get(day) ?? []), entry]);
  }

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h2 className="text-lg font-semibold text-ink">{t('title')}</h2>
        <p className="text-sm text-muted">{t('intro')}</p>
      </div>
      <HistoryFilters action={`/${locale}${base}`} query={query} actors={options.actors} entityTypes={options.entityTypes} />
      {page.entries.length === 0 ? (
        <EmptyState icon={<ActivityIcon className="size-8" aria-hidden />}>
          {query.actorId || query.entityType || query.from || query.to ? t('emptyFiltered') : t('empty')}
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-5">
          {await Promise.all(
            [...days.entries()].map(async ([day, entries]) => (
              <section key={day} aria-label={day}>
                <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">{day}</h3>
                <Card as="div">
                  <ol className="divide-y divide-line">
                    {await Promise.all(
                      entries.map(async (e) => {
                        const Icon = ACTION_ICON[e.action as keyof typeof ACTION_ICON] ?? Pencil;
                        const highlights = await Promise.all(
                          e.highlights.map(async (h) => ({
                            field: await fieldLabel(h.field),
                            from: await formatValue(h.field, h.from),
                            to: await formatValue(h.field, h.to),
                          })),
                        );
                        const otherFields = await Promise.all(
                          e.changedFields.filter((f) => !e.highlights.some((h) => h.field === f)).map(fieldLabel),
                        );
                        return (
                          <li key={e.id} className="flex gap-3 px-4 py-3">
                            <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-neutral-soft text-ink-soft">
                              <Icon aria-hidden className="size-3.5" />
                            </span>
                            <div className="min-w-0 flex-1 text-sm">
                              <p className="text-ink">
                                {t('sentence', {
                                  actor: e.actor?.name ?? t('someone'),
                                  action: await actionLabel(e.action),
                                  kind: await kindLabel(e.entityType),
                                })}{' '}
                                {e.entityLabel ? <span className="font-medium">“{e.entityLabel}”</span> : null}
                              </p>
                              {highlights.length ? (
                                <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-soft">
                                  {highlights.map((h) => (
                                    <li key={h.field} className="flex items-center gap-1">
                                      <span className="text-muted">{h.field}:</span>
                                      {e.action === 'created' ? null : (
                                        <>
                                          <span className="line-through decoration-muted/60">{h.from}</span>
                                          <ArrowRight aria-label="→" className="size-3" />
                                        </>
                                      )}
                                      <span className="font-medium text-ink">{h.to}</span>
                                    </li>
                                  ))}
                                </ul>
                              ) : null}
                              {otherFields.length && e.action !== 'created' ? (
                                <p className="mt-1 text-xs text-muted">{t('fieldsChanged', { fields: otherFields.join(', ') })}</p>
                              ) : null}
                            </div>
                            <time dateTime={e.at.toISOString()} className="num shrink-0 text-xs text-muted">
                              {format.dateTime(e.at, { timeStyle: 'short' })}
                            </time>
                          </li>
                        );
                      }),
                    )}
                  </ol>
                </Card>
              </section>
            )),
          )}
        </div>
      )}
      <HistoryPager base={base} query={query} nextCursor={page.nextCursor} />
    </div>
  );
}
