import { Download, ScrollText } from 'lucide-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { roleAtLeast } from '@/server/services/access';
import { buttonClass } from '@/app/_components/Form';
import { Card, EmptyState } from '@/app/_components/Page';
import { localized } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { ScrollRegion } from '@/app/_components/ScrollRegion';
import { TimesShownIn } from '@/app/_components/TimeZoneNotes';
import { auditActionLabel, auditChanges, auditKindLabel, auditTime } from '@/app/_lib/audit-wording';
import { HistoryFilters, HistoryPager, historySearch, historyWording, parseHistoryQuery } from '../activity/history-ui';
import { loadLab, orNotFound } from '../lab-context';

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'activity' });
  return { title: `${t('auditTitle')} · ${localized(locale, lab.nameEn, lab.nameZh)}` };
}

export default async function AuditLogPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { lab, role } = await loadLab(slug);
  // The procedure refuses non-managers too; the page says "not found" rather than show an error.
  if (!roleAtLeast(role, 'manager')) notFound();
  const query = parseHistoryQuery(await searchParams);
  const t = await getTranslations('activity');
  const wording = await historyWording();
  const api = await serverApi();
  const [page, options] = await Promise.all([
    orNotFound(api.audit.list({ labId: lab.id, ...query })),
    api.activity.filters({ labId: lab.id }),
  ]);
  const base = `/workspace/labs/${lab.slug}/audit`;
  const csvHref = `/api/labs/${lab.slug}/audit.csv${historySearch({ ...query, cursor: undefined })}`;

  const rows = page.entries.map((e) => ({
    ...e,
    action: auditActionLabel(wording, e.action),
    kind: auditKindLabel(wording, e.entityType),
    when: auditTime(wording, e.at),
    changes: auditChanges(wording, e.before, e.after, page.names),
  }));

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div>
          <h2 className="text-lg font-semibold text-ink">{t('auditTitle')}</h2>
          <p className="text-sm text-muted">{t('auditIntro')}</p>
          <p className="mt-1 text-xs text-muted">{await TimesShownIn()}</p>
        </div>
        <section aria-labelledby="export-all" className="rounded-xl border border-line bg-surface px-4 py-3 lg:max-w-md">
          <h3 id="export-all" className="text-sm font-semibold text-ink">
            {t('exportAllTitle')}
          </h3>
          <p className="mt-0.5 text-xs text-muted">{t('exportAllHint')}</p>
          <div className="mt-2 flex gap-2">
            <a href={`/api/labs/${lab.slug}/export.json`} className={buttonClass('secondary', 'sm')} download>
              <Download aria-hidden className="size-4" />
              {t('exportJson')}
            </a>
            <a href={`/api/labs/${lab.slug}/export.zip`} className={buttonClass('secondary', 'sm')} download>
              <Download aria-hidden className="size-4" />
              {t('exportZip')}
            </a>
          </div>
        </section>
      </div>
      <HistoryFilters
        action={`/${locale}${base}`}
        query={query}
        actors={options.actors}
        entityTypes={options.entityTypes}
        extra={
          <a href={csvHref} className={buttonClass('secondary', 'sm')} download>
            <Download aria-hidden className="size-4" />
            {t('exportCsv')}
          </a>
        }
      />
      {rows.length === 0 ? (
        <EmptyState icon={<ScrollText className="size-8" aria-hidden />}>{t('emptyFiltered')}</EmptyState>
      ) : (
        <Card as="div">
          <ScrollRegion label={t('auditTitle')}>
            <table className="w-full min-w-[760px] table-fixed text-left text-sm">
              <colgroup>
                <col className="w-36" />
                <col className="w-32" />
                <col className="w-28" />
                <col className="w-48" />
                <col />
              </colgroup>
              <caption className="sr-only">{t('auditTitle')}</caption>
              <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    {t('columns.time')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('columns.who')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('columns.action')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('columns.record')}
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    {t('columns.changes')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line align-top">
                {rows.map((e) => (
                  <tr key={e.id}>
                    <td className="num px-4 py-3 text-ink-soft">
                      <time dateTime={e.at.toISOString()}>{e.when}</time>
                    </td>
                    <td className="px-3 py-3 text-ink">{e.actor?.name ?? t('someone')}</td>
                    <td className="px-3 py-3 text-ink-soft">{e.action}</td>
                    <td className="px-3 py-3">
                      <span className="text-ink-soft">{e.kind}</span>
                      {e.entityId !== null ? <span className="num text-muted"> #{e.entityId}</span> : null}
                      {e.entityLabel ? (
                        <span className="block max-w-56 truncate text-ink" title={e.entityLabel}>
                          {e.entityLabel}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">
                      {e.changes.length ? (
                        <table className="w-full table-fixed text-xs">
                          <colgroup>
                            <col className="w-32" />
                            <col className="w-1/2" />
                            <col className="w-1/2" />
                          </colgroup>
                          <thead className="sr-only">
                            <tr>
                              <th scope="col">{t('columns.field')}</th>
                              <th scope="col">{t('columns.before')}</th>
                              <th scope="col">{t('columns.after')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {e.changes.map((c) => (
                              <tr key={c.field}>
                                <th scope="row" className="py-0.5 pr-2 text-left align-top font-normal text-muted">
                                  {c.label}
                                </th>
                                <td className="break-words py-0.5 pr-2 align-top text-bad line-through decoration-bad/40">{c.before}</td>
                                <td className="break-words py-0.5 align-top text-ok">{c.after}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
      )}
      <HistoryPager base={base} query={query} nextCursor={page.nextCursor} />
    </div>
  );
}
