import { FolderOpen } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { MILESTONE_STATUSES } from '@/common/enums';
import { UNIT_RANGES } from '@/server/domain/goal-units';
import type { Workspace } from '@/server/services/workspace';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { formatMeasure } from '@/app/_components/goal-chart/format';
import { EmptyState, PageContainer, PageHeader } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { unitSuffix } from '@/app/_lib/goal-text';
import { localized } from '@/app/_lib/localized';
import { requireUser, serverApi } from '@/app/_trpc/server';
import { formatIsoDate } from '@/app/_lib/dates';
import { AttentionList } from './_home/AttentionList';
import { LabCard } from './_home/LabCard';
import { QuickLog, type LogLab } from './_home/QuickLog';
import { QuickLogProvider } from './_home/QuickLogContext';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'workspace' });
  return { title: t('title') };
}

/** What the quick-progress forms need, in the reader's language. */
async function logLabs(workspace: Workspace, locale: string) {
  const tg = await getTranslations('goals');
  const t = await getTranslations('workspace.log');
  const format = await getFormatter();
  // The same words for many goals: translated once each.
  const rangeText = {
    percent: tg('record.rangePercent'),
    nonNegative: tg('record.rangeNonNegative'),
    any: tg('record.rangeAny'),
  };
  const noLatest = t('noLatest');
  const suffixes: Partial<Record<Workspace['log'][number]['goals'][number]['unit'], string>> = {};
  return workspace.log.map((entry): LogLab => ({
    id: entry.lab.id,
    name: localized(locale, entry.lab.nameEn, entry.lab.nameZh),
    today: entry.today,
    canPublish: entry.canPublish,
    goals: entry.goals.map((g) => {
      const suffix = g.unit === 'other' ? unitSuffix(tg, g.unit, g.unitLabel) : (suffixes[g.unit] ??= unitSuffix(tg, g.unit, null));
      const range = UNIT_RANGES[g.unit];
      return {
        id: g.id,
        title: localized(locale, g.titleEn, g.titleZh),
        unitSuffix: suffix,
        rangeText: range.max !== undefined ? rangeText.percent : range.min !== undefined ? rangeText.nonNegative : rangeText.any,
        baselineDate: g.baselineDate,
        isPublic: g.isPublic,
        latestSource: g.latestSource,
        latestText: g.latest
          ? t('latest', { value: formatMeasure(locale, g.latest.value, suffix), date: formatIsoDate(format, g.latest.asOf) })
          : noLatest,
      };
    }),
    linkGoals: entry.linkGoals.map((g) => ({ id: g.id, label: localized(locale, g.titleEn, g.titleZh) })),
  }));
}

export default async function WorkspacePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser();
  const t = await getTranslations('workspace');
  const te = await getTranslations('enums');
  const tc = await getTranslations('common');
  const workspace = await (await serverApi()).workspace.overview();
  const log = await logLabs(workspace, locale);
  const statuses = MILESTONE_STATUSES.map((s) => ({ value: s, label: te(`milestoneStatus.${s}`) }));

  return (
    <main id="main">
      <PageContainer className="pb-16">
        <PageHeader title={t('title')} description={log.length ? t('subtitle') : t('subtitleReader')} />
        {workspace.labs.length === 0 ? (
          <section aria-labelledby="labs-heading">
            <h2 id="labs-heading" className="mb-3 text-lg font-semibold text-ink">
              {t('labsTitle')}
            </h2>
            <EmptyState icon={<FolderOpen className="size-8" aria-hidden />}>
              <p>{t('empty')}</p>
              <p className="mt-3">
                <Link href="/labs" className="font-medium text-brand underline-offset-2 hover:underline">
                  {tc('backToDirectory')}
                </Link>
              </p>
            </EmptyState>
          </section>
        ) : (
          <ClientMessages
            namespaces={[
              'workspace.log',
              'updates',
              'enums.health',
              'goals.record',
              'timeline.progress',
              'timeline.fields',
              'timeline.reload',
              'timeline.saving',
            ]}
          >
            <QuickLogProvider firstLabId={log[0]?.id ?? null}>
              <div className={log.length ? 'grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_23rem]' : 'grid gap-6'}>
                {log.length ? (
                  <aside className="lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1">
                    <QuickLog
                      labs={log}
                      statuses={statuses}
                      renderedAt={workspace.generatedAt}
                    />
                  </aside>
                ) : null}
                <div className="flex min-w-0 flex-col gap-8 lg:col-start-1 lg:row-start-1">
                  <section aria-labelledby="attention-heading">
                    <div className="mb-3">
                      <h2 id="attention-heading" className="flex items-baseline gap-2 text-lg font-semibold text-ink">
                        {t('attention.title')}
                        {workspace.attention.length ? (
                          <span className="text-sm font-normal text-muted">
                            {t('attention.count', { count: workspace.attention.length })}
                          </span>
                        ) : null}
                      </h2>
                      <p className="text-sm text-muted">{t('attention.intro')}</p>
                    </div>
                    <AttentionList items={workspace.attention} locale={locale} canLogAnywhere={log.length > 0} />
                    {log.length === 0 ? <p className="mt-2 text-xs text-muted">{t('log.viewerNote')}</p> : null}
                  </section>
                  <section aria-labelledby="labs-heading">
                    <h2 id="labs-heading" className="mb-3 text-lg font-semibold text-ink">
                      {t('labsTitle')}
                    </h2>
                    <ul className="grid gap-4">
                      {workspace.labs.map((lab) => (
                        <LabCard key={lab.id} lab={lab} locale={locale} />
                      ))}
                    </ul>
                  </section>
                </div>
              </div>
            </QuickLogProvider>
          </ClientMessages>
        )}
      </PageContainer>
    </main>
  );
}
