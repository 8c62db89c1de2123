import { AlertTriangle, CheckCircle2, Clock, FolderOpen } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { LAB_STATUSES, SECTORS, STAGES, type LabStatus, type Sector, type Stage } from '@/common/enums';
import type { LabScheduleHealth } from '@/server/services/portfolio';
import { Badge, type Tone } from '@/app/_components/Badge';
import { FilterForm } from '@/app/_components/FilterForm';
import { FilterSelect } from '@/app/_components/FilterSelect';
import { buttonClass } from '@/app/_components/Form';
import { Card, EmptyState } from '@/app/_components/Page';
import { PortfolioTimeline } from '@/app/_components/timeline/PortfolioTimeline';
import { TimelineScroller } from '@/app/_components/timeline/TimelineScroller';
import { TIMELINE_ZOOMS, type TimelineZoom } from '@/app/_components/timeline/types';
import { formatIsoDate } from '@/app/_lib/dates';
import { localized } from '@/app/_lib/localized';
import { requireUser, serverApi } from '@/app/_trpc/server';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'portfolio' });
  return { title: t('title'), robots: { index: false } };
}

const healthBadge: Record<LabScheduleHealth, { tone: Tone; icon: typeof Clock }> = {
  late: { tone: 'bad', icon: Clock },
  at_risk: { tone: 'warn', icon: AlertTriangle },
  on_track: { tone: 'ok', icon: CheckCircle2 },
};

const pick = <T extends string>(value: string | string[] | undefined, values: readonly T[]): T | null => {
  const v = Array.isArray(value) ? value[0] : value;
  return (values as readonly string[]).includes(v ?? '') ? (v as T) : null;
};

export default async function PortfolioTimelinePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser();
  const raw = await searchParams;
  const filters = {
    sector: pick<Sector>(raw.sector, SECTORS),
    stage: pick<Stage>(raw.stage, STAGES),
    status: pick<LabStatus>(raw.status, LAB_STATUSES),
    chain: typeof raw.chain === 'string' && raw.chain.length <= 200 && raw.chain !== '' ? raw.chain : null,
  };
  const zoom: TimelineZoom = pick(raw.zoom, TIMELINE_ZOOMS) ?? 'year';
  const expanded = new Set((typeof raw.open === 'string' ? raw.open : '').split(',').filter(Boolean));
  const data = await (await serverApi()).portfolio.timeline(filters);
  const t = await getTranslations('timeline');
  const te = await getTranslations('enums');
  const format = await getFormatter();

  const base = `/${locale}/workspace/portfolio`;
  const href = (change: { zoom?: TimelineZoom; open?: string[] }) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    const z = change.zoom ?? zoom;
    if (z !== 'year') q.set('zoom', z);
    const open = change.open ?? [...expanded];
    if (open.length) q.set('open', open.join(','));
    const text = q.toString();
    return text ? `${base}?${text}` : base;
  };
  const toggleHref = (slug: string) => href({ open: expanded.has(slug) ? [...expanded].filter((s) => s !== slug) : [...expanded, slug] });
  const labHref = (slug: string) => `/${locale}/workspace/labs/${slug}/timeline`;
  const filtered = Object.values(filters).some(Boolean);
  const tab = (active: boolean) => (active ? 'bg-surface text-ink shadow-sm ring-1 ring-line' : 'text-ink-soft hover:text-ink');

  return (
    <div className="timeline-page">
      <div className="no-print flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <FilterForm key={href({})} action={base} className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
          {zoom !== 'year' ? <input type="hidden" name="zoom" value={zoom} /> : null}
          <FilterSelect
            label={t('portfolio.filters.sector')}
            name="sector"
            value={filters.sector}
            allLabel={t('filters.all')}
            options={data.options.sectors.map((s) => ({ value: s, label: te(`sector.${s}`) }))}
          />
          <FilterSelect
            label={t('portfolio.filters.chain')}
            name="chain"
            value={filters.chain}
            allLabel={t('filters.all')}
            options={data.options.chains.map((c) => ({ value: c.value, label: localized(locale, c.en, c.zh) }))}
          />
          <FilterSelect
            label={t('portfolio.filters.stage')}
            name="stage"
            value={filters.stage}
            allLabel={t('filters.all')}
            options={STAGES.map((s) => ({ value: s, label: te(`stage.${s}`) }))}
          />
          <FilterSelect
            label={t('portfolio.filters.status')}
            name="status"
            value={filters.status}
            allLabel={t('filters.all')}
            options={LAB_STATUSES.map((s) => ({ value: s, label: te(`labStatus.${s}`) }))}
          />
          <noscript>
            <button type="submit" className={buttonClass('secondary', 'sm')}>
              {t('filters.apply')}
            </button>
          </noscript>
        </FilterForm>
        <nav aria-label={t('zoom.label')} className="inline-flex self-start rounded-lg bg-neutral-soft p-0.5 text-sm lg:self-auto">
          {TIMELINE_ZOOMS.map((z) => (
            <a
              key={z}
              href={href({ zoom: z })}
              aria-current={zoom === z ? 'true' : undefined}
              className={`rounded-md px-2.5 py-1 ${tab(zoom === z)}`}
            >
              {t(`zoom.${z}`)}
            </a>
          ))}
        </nav>
      </div>
      {filtered ? (
        <p className="no-print mt-2 text-sm text-muted" role="status">
          {t('portfolio.showing', { shown: data.labs.length, total: data.totalLabs })}{' '}
          <a href={base} className="font-medium text-brand hover:underline">
            {t('filters.clear')}
          </a>
        </p>
      ) : null}

      {data.totalLabs === 0 ? (
        <div className="mt-5">
          <EmptyState icon={<FolderOpen className="size-8" aria-hidden />} title={t('portfolio.emptyTitle')}>
            {t('portfolio.empty')}
          </EmptyState>
        </div>
      ) : data.labs.length === 0 ? (
        <div className="mt-5">
          <EmptyState icon={<FolderOpen className="size-8" aria-hidden />} title={t('portfolio.emptyFilteredTitle')}>
            <a href={base} className="font-medium text-brand hover:underline">
              {t('filters.clear')}
            </a>
          </EmptyState>
        </div>
      ) : (
        <>
          <Card className="timeline-card mt-4 overflow-hidden">
            <TimelineScroller className="timeline-scroll overflow-x-auto">
              <PortfolioTimeline
                labs={data.labs}
                locale={locale}
                today={data.today}
                zoom={zoom}
                expanded={expanded}
                toggleHref={toggleHref}
                labHref={labHref}
              />
            </TimelineScroller>
          </Card>
          <Card className="mt-6">
            <div className="overflow-x-auto">
              <table className="w-full min-w-[760px] text-left text-sm">
                <caption className="sr-only">{t('portfolio.tableCaption')}</caption>
                <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
                  <tr>
                    <th scope="col" className="px-5 py-2 font-medium">
                      {t('portfolio.columns.lab')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t('portfolio.columns.health')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t('portfolio.columns.span')}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      {t('portfolio.columns.milestones')}
                    </th>
                    <th scope="col" className="px-5 py-2 text-right font-medium">
                      {t('portfolio.columns.slip')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {data.labs.map((lab) => {
                    const look = healthBadge[lab.health];
                    const slip = lab.slippage.endSlipDays;
                    return (
                      <tr key={lab.slug}>
                        <th scope="row" className="px-5 py-2.5 font-medium text-ink">
                          <a href={labHref(lab.slug)} className="hover:text-brand hover:underline">
                            {localized(locale, lab.nameEn, lab.nameZh)}
                          </a>
                          <span className="block text-xs font-normal text-muted">
                            {[localized(locale, lab.chainEn, lab.chainZh), te(`stage.${lab.stage}`), te(`labStatus.${lab.status}`)].join(
                              ' · ',
                            )}
                          </span>
                        </th>
                        <td className="px-3 py-2.5">
                          <Badge tone={look.tone} icon={look.icon}>
                            {lab.health === 'late'
                              ? t('portfolio.lateCount', { count: lab.lateCount })
                              : t(`portfolio.health.${lab.health}`)}
                          </Badge>
                        </td>
                        <td className="num whitespace-nowrap px-3 py-2.5 text-ink-soft">
                          {lab.start && lab.finish ? `${formatIsoDate(format, lab.start)} – ${formatIsoDate(format, lab.finish)}` : '—'}
                        </td>
                        <td className="num px-3 py-2.5 text-right">
                          {t('portfolio.doneOf', { done: lab.doneCount, total: lab.milestones.length })}
                        </td>
                        <td className={`num px-5 py-2.5 text-right font-medium ${slip && slip > 0 ? 'text-bad' : 'text-ink-soft'}`}>
                          {slip === null ? '—' : t('slipBadge', { days: slip })}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
