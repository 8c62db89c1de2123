import { ArrowDown, ArrowUp, ArrowUpDown, Download, Target } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { GoalStatus } from '@/common/enums';
import { GOAL_STATUSES } from '@/common/enums';
import { ROLLUP_SORTS, rollUp, type RollupSort, type SortDirection, type StatusCounts } from '@/server/domain/goal-rollup';
import type { PortfolioGoal } from '@/server/services/goal-portfolio';
import { buttonClass } from '@/app/_components/Form';
import { formatMeasure } from '@/app/_components/goal-chart/format';
import { chartGoalOf } from '@/app/_components/goal-chart/chart-goal';
import { GoalSparkline } from '@/app/_components/goal-chart/GoalChart';
import { GoalProgress } from '@/app/_components/goals/GoalProgress';
import { GoalStatusBadge } from '@/app/_components/goals/GoalStatusBadge';
import { Card, EmptyState } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { formatIsoDate } from '@/app/_lib/dates';
import { formatPercentShare, unitSuffix } from '@/app/_lib/goal-text';
import { localized } from '@/app/_lib/localized';
import { requireUser, serverApi } from '@/app/_trpc/server';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ sort?: string; dir?: string; view?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'goals' });
  return { title: t('rollup.title'), robots: { index: false } };
}

type Row = PortfolioGoal & {
  title: string;
  labName: string;
  chainKey: string;
  itemKey: string;
  targetDate: string;
  status: GoalStatus;
  progress: number | null;
};

const PATH = '/workspace/portfolio/goals';

export default async function PortfolioGoalsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser();
  const query = await searchParams;
  const sort: RollupSort = (ROLLUP_SORTS as readonly string[]).includes(query.sort ?? '') ? (query.sort as RollupSort) : 'status';
  const dir: SortDirection = query.dir === 'desc' ? 'desc' : 'asc';
  const view = query.view === 'list' ? 'list' : 'grouped';
  const data = await (await serverApi()).goal.portfolio();
  const t = await getTranslations('goals');
  const format = await getFormatter();

  const rows: Row[] = data.goals.map((g) => ({
    ...g,
    title: localized(locale, g.titleEn, g.titleZh),
    labName: localized(locale, g.lab.nameEn, g.lab.nameZh),
    chainKey: localized(locale, g.lab.chainEn, g.lab.chainZh),
    itemKey: localized(locale, g.itemNameEn, g.itemNameZh),
    status: g.assessment.status,
    progress: g.assessment.progress,
  }));
  const { groups, totals, sorted } = rollUp(rows, sort, dir, locale);
  const share = (counts: StatusCounts) =>
    counts.onTrackShare === null ? t('rollup.noShare') : formatPercentShare(locale, counts.onTrackShare);
  const href = (next: Partial<{ sort: string; dir: string; view: string }>) => {
    const params = new URLSearchParams({ view, sort, dir, ...next });
    return `${PATH}?${params.toString()}`;
  };

  const header = (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h2 className="text-lg font-semibold text-ink">{t('rollup.title')}</h2>
        <p className="mt-1 max-w-2xl text-sm text-ink-soft">
          {t('rollup.intro')}{' '}
          {data.labCount > 0 ? <span className="text-muted">({t('rollup.labs', { count: data.labCount })})</span> : null}
        </p>
      </div>
      {data.canExport && rows.length > 0 ? (
        <div className="no-print flex flex-col items-start gap-1 sm:items-end">
          <div className="flex flex-wrap gap-2" role="group" aria-label={t('rollup.export')}>
            <a href={`/api/export/goals.csv?locale=${locale}`} className={buttonClass('secondary', 'sm')} download>
              <Download aria-hidden className="size-4" />
              {t('rollup.exportGoals')}
            </a>
            <a href={`/api/export/measurements.csv?locale=${locale}`} className={buttonClass('secondary', 'sm')} download>
              <Download aria-hidden className="size-4" />
              {t('rollup.exportMeasurements')}
            </a>
          </div>
          <p className="text-xs text-muted">{t('rollup.exportHint')}</p>
        </div>
      ) : null}
    </div>
  );

  if (rows.length === 0) {
    return (
      <>
        {header}
        <div className="mt-6">
          <EmptyState icon={<Target aria-hidden className="size-8" />} title={data.labCount === 0 ? undefined : t('rollup.empty')}>
            <p>{data.labCount === 0 ? t('rollup.noLabs') : t('rollup.emptyHint')}</p>
            {data.labCount === 0 ? (
              <p className="mt-3">
                <Link href="/labs" className="font-medium text-brand hover:underline">
                  {(await getTranslations('common'))('backToDirectory')}
                </Link>
              </p>
            ) : null}
          </EmptyState>
        </div>
      </>
    );
  }

  const sortLink = (key: RollupSort, label: string) => {
    const active = sort === key;
    const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown;
    return (
      <Link
        href={href({ sort: key, dir: active && dir === 'asc' ? 'desc' : 'asc' })}
        className="inline-flex items-center gap-1 hover:text-ink"
        scroll={false}
      >
        {label}
        <Icon aria-hidden className={`size-3.5 ${active ? 'text-ink' : 'text-muted/60'}`} />
        <span className="sr-only">
          {active ? (dir === 'asc' ? t('rollup.sortedAsc') : t('rollup.sortedDesc')) : t('rollup.sortBy', { column: label })}
        </span>
      </Link>
    );
  };
  const ariaSort = (...keys: RollupSort[]) => (keys.includes(sort) ? (dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const sortHeader = (key: RollupSort, label: string, className = '') => (
    <th scope="col" className={`px-3 py-2 font-medium ${className}`} aria-sort={ariaSort(key)}>
      {sortLink(key, label)}
    </th>
  );

  const tableHead = (
    <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
      <tr>
        <th scope="col" className="w-[36%] py-2 pl-5 pr-3 font-medium" aria-sort={ariaSort('goal', 'lab')}>
          {/* The goal column names the lab too, so it sorts by either. */}
          <span className="inline-flex gap-3">
            {sortLink('goal', t('rollup.columns.goal'))}
            {sortLink('lab', t('rollup.columns.lab'))}
          </span>
        </th>
        {sortHeader('status', t('rollup.columns.status'), 'w-[14%]')}
        <th scope="col" className="w-[13%] px-3 py-2 text-right font-medium">
          {t('rollup.columns.latest')}
        </th>
        {sortHeader('target', t('rollup.columns.target'), 'w-[13%] text-right')}
        {sortHeader('progress', t('rollup.columns.progress'), 'w-[13%]')}
        <th scope="col" className="hidden w-[11%] px-5 py-2 font-medium lg:table-cell">
          <span className="sr-only">{t('rollup.columns.chart')}</span>
        </th>
      </tr>
    </thead>
  );

  const row = (g: Row, showItem: boolean) => {
    const suffix = unitSuffix(t, g.unit, g.unitLabel);
    const label = t(`status.${g.status}`);
    return (
      <tr key={g.id} className="align-middle">
        <th scope="row" className="py-2.5 pl-5 pr-3 text-left font-normal">
          <Link href={`/workspace/labs/${g.lab.slug}/goals/${g.id}`} className="font-medium text-ink hover:text-brand hover:underline">
            {g.title}
          </Link>
          <span className="block text-xs text-muted">{showItem ? `${g.itemKey} · ${g.labName}` : g.labName}</span>
        </th>
        <td className="px-3 py-2.5">
          <GoalStatusBadge status={g.status} label={label} />
        </td>
        <td className="num whitespace-nowrap px-3 py-2.5 text-right text-ink">
          {g.assessment.latest ? formatMeasure(locale, g.assessment.latest.value, suffix) : '–'}
        </td>
        <td className="num whitespace-nowrap px-3 py-2.5 text-right text-ink">
          {formatMeasure(locale, g.targetValue, suffix)}
          <span className="block text-xs text-muted">{formatIsoDate(format, g.targetDate)}</span>
        </td>
        <td className="px-3 py-2.5">
          <GoalProgress
            share={g.progress}
            label={t('figures.progress')}
            valueText={g.progress === null ? '–' : formatPercentShare(locale, Math.max(g.progress, 0))}
          />
        </td>
        <td className="hidden py-2 pl-3 pr-5 lg:table-cell">
          <GoalSparkline
            goal={chartGoalOf(g, g.assessment.tolerance)}
            points={g.points}
            today={g.today}
            label={t('chart.sparkline', { title: g.title, status: label })}
          />
        </td>
      </tr>
    );
  };

  /** Phones get cards instead of a wide table. */
  const card = (g: Row) => {
    const suffix = unitSuffix(t, g.unit, g.unitLabel);
    return (
      <li key={g.id} className="px-4 py-3">
        <div className="flex items-start justify-between gap-3">
          <Link href={`/workspace/labs/${g.lab.slug}/goals/${g.id}`} className="font-medium text-ink hover:underline">
            {g.title}
          </Link>
          <GoalStatusBadge status={g.status} label={t(`status.${g.status}`)} />
        </div>
        <p className="mt-0.5 text-xs text-muted">{view === 'list' ? `${g.itemKey} · ${g.labName}` : g.labName}</p>
        <p className="num mt-1.5 text-sm text-ink-soft">
          {t('rollup.cardFigures', {
            latest: g.assessment.latest ? formatMeasure(locale, g.assessment.latest.value, suffix) : '–',
            target: formatMeasure(locale, g.targetValue, suffix),
            date: formatIsoDate(format, g.targetDate),
          })}
        </p>
        <GoalProgress
          className="mt-2"
          share={g.progress}
          label={t('figures.progress')}
          valueText={g.progress === null ? '–' : formatPercentShare(locale, Math.max(g.progress, 0))}
        />
      </li>
    );
  };

  return (
    <>
      {header}
      <dl className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-6">
        <div className="rounded-xl border border-line bg-surface px-4 py-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-muted">{t('rollup.total')}</dt>
          <dd className="num mt-1 text-2xl font-semibold text-ink">{totals.total}</dd>
        </div>
        <div className="rounded-xl border border-line bg-surface px-4 py-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-muted">{t('rollup.shareOnTrack')}</dt>
          <dd className="num mt-1 text-2xl font-semibold text-ok">{share(totals)}</dd>
          <dd className="text-xs text-muted">{t('rollup.shareOnTrackHint')}</dd>
        </div>
        <div className="col-span-2 rounded-xl border border-line bg-surface px-4 py-3 lg:col-span-4">
          <dt className="text-xs font-medium uppercase tracking-wide text-muted">{t('rollup.countsLabel')}</dt>
          <dd className="mt-2">
            <StatusBar counts={totals} />
            <ul className="mt-2.5 flex flex-wrap gap-x-3 gap-y-1.5">
              {GOAL_STATUSES.map((status) => (
                <li key={status} className="inline-flex items-center gap-1.5">
                  <GoalStatusBadge status={status} label={t(`status.${status}`)} />
                  <span className="num text-sm font-semibold text-ink">{totals[status]}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      <nav aria-label={t('rollup.groupBy')} className="no-print mt-6 flex items-center gap-2 text-sm">
        <span className="text-muted">{t('rollup.groupBy')}:</span>
        {(['grouped', 'list'] as const).map((v) => (
          <Link
            key={v}
            href={href({ view: v })}
            aria-current={view === v ? 'true' : undefined}
            className={
              view === v
                ? 'rounded-md bg-brand-soft px-2.5 py-1 font-medium text-brand'
                : 'rounded-md px-2.5 py-1 text-ink-soft hover:bg-neutral-soft hover:text-ink'
            }
          >
            {v === 'grouped' ? t('rollup.grouped') : t('rollup.flat')}
          </Link>
        ))}
      </nav>

      <nav aria-label={t('rollup.sortLabel')} className="no-print mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm md:hidden">
        <span className="text-muted">{t('rollup.sortLabel')}:</span>
        {ROLLUP_SORTS.map((key) => (
          <Link
            key={key}
            href={href({ sort: key, dir: sort === key && dir === 'asc' ? 'desc' : 'asc' })}
            aria-current={sort === key ? 'true' : undefined}
            className={sort === key ? 'inline-flex items-center gap-0.5 font-medium text-brand' : 'text-ink-soft hover:text-ink'}
          >
            {t(`rollup.columns.${key}`)}
            {sort === key ? (
              dir === 'asc' ? (
                <ArrowUp aria-hidden className="size-3.5" />
              ) : (
                <ArrowDown aria-hidden className="size-3.5" />
              )
            ) : null}
          </Link>
        ))}
      </nav>

      {view === 'list' ? (
        <Card className="mt-4">
          <ul className="divide-y divide-line md:hidden">{sorted.map(card)}</ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full table-fixed text-left text-sm" aria-label={t('rollup.title')}>
              {tableHead}
              <tbody className="divide-y divide-line">{sorted.map((g) => row(g, true))}</tbody>
            </table>
          </div>
        </Card>
      ) : (
        groups.map((chain, index) => (
          <section key={chain.key} className="mt-6 break-inside-avoid" aria-labelledby={`chain-${index}`}>
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`chain-${index}`} className="text-base font-semibold text-ink">
                {chain.key}
              </h3>
              <p className="text-sm text-muted">{t('rollup.chainCounts', { total: chain.counts.total, share: share(chain.counts) })}</p>
            </div>
            <Card>
              <div className="md:hidden">
                {chain.items.map((item) => (
                  <div key={item.key} className="border-b border-line last:border-b-0">
                    <h4 className="bg-canvas px-4 py-1.5 text-xs font-semibold text-ink-soft">
                      {item.key} ·{' '}
                      {t('rollup.itemKindAndCount', { kind: t(`itemKind.${item.goals[0]!.itemKind}`), count: item.goals.length })}
                    </h4>
                    <ul className="divide-y divide-line">{item.goals.map(card)}</ul>
                  </div>
                ))}
              </div>
              <div className="hidden overflow-x-auto md:block">
                {/* Fixed columns, so the tables of every chain line up. */}
                <table className="w-full table-fixed text-left text-sm" aria-labelledby={`chain-${index}`}>
                  {tableHead}
                  {chain.items.map((item) => (
                    <tbody key={item.key} className="divide-y divide-line border-t border-line">
                      <tr className="bg-canvas/60">
                        <th scope="rowgroup" colSpan={6} className="px-5 py-1.5 text-left text-xs font-semibold text-ink-soft">
                          {item.key}
                          <span className="ml-2 font-normal text-muted">
                            {t('rollup.itemKindAndCount', { kind: t(`itemKind.${item.goals[0]!.itemKind}`), count: item.goals.length })}
                          </span>
                        </th>
                      </tr>
                      {item.goals.map((g) => row(g, false))}
                    </tbody>
                  ))}
                </table>
              </div>
            </Card>
          </section>
        ))
      )}
    </>
  );
}

const STATUS_FILL: Record<GoalStatus, string> = {
  achieved: 'bg-brand',
  on_track: 'bg-ok',
  at_risk: 'bg-warn',
  off_track: 'bg-bad',
  stale: 'bg-line-strong',
  no_data: 'bg-neutral-soft',
};

/** The share of goals in each status as one bar; the counts beside it say the same in words. */
function StatusBar({ counts }: { counts: StatusCounts }) {
  return (
    <div aria-hidden className="flex h-2.5 overflow-hidden rounded-full bg-neutral-soft ring-1 ring-inset ring-line">
      {GOAL_STATUSES.filter((s) => counts[s] > 0).map((status) => (
        <div key={status} className={STATUS_FILL[status]} style={{ width: `${(counts[status] / counts.total) * 100}%` }} />
      ))}
    </div>
  );
}
