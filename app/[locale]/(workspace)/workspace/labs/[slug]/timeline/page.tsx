import { AlertTriangle, BarChart3, CalendarRange, Download, Plus, Table2 } from 'lucide-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { LabDayNote } from '@/app/_components/TimeZoneNotes';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { MILESTONE_STATUSES, STAGES, type Locale } from '@/common/enums';
import { roleAtLeast } from '@/server/services/access';
import type { LabTimelineMilestone } from '@/server/services/timeline';
import { Timeline } from '@/app/_components/timeline/Timeline';
import { TimelineLegend } from '@/app/_components/timeline/TimelineLegend';
import { TimelineScroller } from '@/app/_components/timeline/TimelineScroller';
import { TIMELINE_ZOOMS } from '@/app/_components/timeline/types';
import { FilterForm } from '@/app/_components/FilterForm';
import { FilterSelect } from '@/app/_components/FilterSelect';
import { buttonClass } from '@/app/_components/Form';
import { Card, EmptyState, Stat } from '@/app/_components/Page';
import { formatIsoDate } from '@/app/_lib/dates';
import { localized } from '@/app/_lib/localized';
import { serverI18n } from '@/app/_lib/server-i18n';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '../lab-context';
import { BaselineDialog } from './BaselineDialog';
import { CalendarDialog } from './CalendarDialog';
import { MilestonePanel } from './MilestonePanel';
import { RescheduleDialog } from './RescheduleDialog';
import { parseTimelineParams, timelineHref, type TimelineParams } from './search-params';
import { PrintButton, TimelineLinks } from './TimelineInteractions';
import { TimelineTable } from './TimelineTable';

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'timeline' });
  return { title: `${t('title')} · ${localized(locale, lab.nameEn, lab.nameZh)}`, robots: { index: false } };
}

function matches(m: LabTimelineMilestone, p: TimelineParams): boolean {
  if (p.phase && m.phase !== p.phase) return false;
  if (p.status === 'late' ? !m.late : p.status && m.status !== p.status) return false;
  if (p.org && m.ownerOrganisationId !== p.org) return false;
  return true;
}

/** The time axis printed on a landscape page: A4 less 10 mm margins is 1,047 px, less the names (264) and padding. */
const PRINT_AXIS_WIDTH = 760;

export default async function LabTimelinePage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { lab, role } = await loadLab(slug);
  const p = parseTimelineParams(await searchParams);
  const timeline = await orNotFound((await serverApi()).milestone.timeline({ labId: lab.id, baselineId: p.baseline }));
  const t = await getTranslations('timeline');
  const te = await getTranslations('enums');
  const format = await getFormatter();
  const i18n = await serverI18n(locale as Locale);

  const base = `/${locale}/workspace/labs/${lab.slug}/timeline`;
  const href = (change: Partial<TimelineParams>) => timelineHref(base, p, change);
  const isManager = roleAtLeast(role, 'manager');
  const shown = timeline.milestones.filter((m) => matches(m, p));
  const shownIds = new Set(shown.map((m) => m.id));
  const ownerName = (m: LabTimelineMilestone) =>
    m.ownerNameEn ? localized(locale, m.ownerShortName ?? m.ownerNameEn, m.ownerNameZh) : null;
  const selected = p.m ? timeline.milestones.find((m) => m.id === p.m) : undefined;
  // A link to a milestone this lab does not have (deleted, another lab's, made up) is a missing page.
  if (p.m && !selected) notFound();
  const chosenBaseline = timeline.baselines.find((b) => b.id === timeline.chosenBaselineId);
  const filtered = p.phase !== null || p.status !== null || p.org !== null;
  const lateCount = timeline.milestones.filter((m) => m.late).length;
  const atRiskCount = timeline.milestones.filter((m) => m.status === 'at_risk').length;
  const slip = timeline.slippage.endSlipDays;
  const titles = new Map(timeline.milestones.map((m) => [m.id, m.title]));
  const predecessorsOf = new Map<number, { id: number; lagDays: number }[]>();
  for (const d of timeline.dependencies)
    (predecessorsOf.get(d.successorId) ?? predecessorsOf.set(d.successorId, []).get(d.successorId)!).push({
      id: d.predecessorId,
      lagDays: d.lagDays,
    });
  const milestoneHref = (id: number) => href({ m: id, edit: false, create: false });
  const csvHref = `/api/labs/${lab.slug}/milestones.csv?locale=${locale}${timeline.chosenBaselineId ? `&baseline=${timeline.chosenBaselineId}` : ''}`;
  const todayText = formatIsoDate(format, timeline.today);
  const tab = (active: boolean) => (active ? 'bg-surface text-ink shadow-sm ring-1 ring-line' : 'text-ink-soft hover:text-ink');

  const toolbar = (
    <div className="no-print flex flex-wrap items-center justify-between gap-2 border-b border-line px-3 py-2">
      <nav
        aria-label={t('zoom.label')}
        className={`inline-flex rounded-lg bg-neutral-soft p-0.5 text-sm ${p.view === 'table' ? 'invisible' : ''}`}
      >
        {TIMELINE_ZOOMS.map((z) => (
          <a
            key={z}
            href={href({ zoom: z })}
            data-timeline-link=""
            aria-current={p.zoom === z ? 'true' : undefined}
            className={`rounded-md px-2.5 py-1 ${tab(p.zoom === z)}`}
          >
            {t(`zoom.${z}`)}
          </a>
        ))}
      </nav>
      <nav aria-label={t('view.label')} className="inline-flex rounded-lg bg-neutral-soft p-0.5 text-sm">
        <a
          href={href({ view: 'chart' })}
          data-timeline-link=""
          aria-current={p.view === 'chart' ? 'true' : undefined}
          className={`inline-flex items-center gap-1 rounded-md px-2.5 py-1 ${tab(p.view === 'chart')}`}
        >
          <BarChart3 aria-hidden className="size-4" />
          {t('view.chart')}
        </a>
        <a
          href={href({ view: 'table' })}
          data-timeline-link=""
          aria-current={p.view === 'table' ? 'true' : undefined}
          className={`inline-flex items-center gap-1 rounded-md px-2.5 py-1 ${tab(p.view === 'table')}`}
        >
          <Table2 aria-hidden className="size-4" />
          {t('view.table')}
        </a>
      </nav>
    </div>
  );

  const chartItems = shown.map((m) => ({ ...m, owner: ownerName(m) }));
  const chartLinks = timeline.dependencies
    .filter((d) => shownIds.has(d.predecessorId) && shownIds.has(d.successorId))
    .map((d) => ({ ...d, conflict: d.conflict !== null }));
  // On paper, one chart per phase on one time axis: each fits a page and starts where there is
  // room, where one tall drawing (which a printer cannot split) would leave page 1 empty.
  const printDates = chartItems.flatMap((m) =>
    [m.forecastStart, m.forecastFinish, m.baselineStart, m.baselineFinish, m.actualStart, m.actualFinish].filter(
      (d): d is string => d !== null,
    ),
  );
  const printParts = STAGES.map((phase) => {
    const items = chartItems.filter((m) => m.phase === phase);
    const ids = new Set(items.map((m) => m.id));
    return { phase, items, links: chartLinks.filter((l) => ids.has(l.predecessorId) && ids.has(l.successorId)) };
  }).filter((part) => part.items.length > 0);

  return (
    <ClientMessages namespaces={['timeline']}>
      <div className="timeline-page">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div className="min-w-0 flex-1">
            <h2 className="text-xl font-semibold tracking-tight text-ink">{t('title')}</h2>
            <p className="mt-0.5 text-sm text-muted">
              {chosenBaseline
                ? t('comparedWith', {
                    name: chosenBaseline.name,
                    date: format.dateTime(chosenBaseline.createdAt, { dateStyle: 'medium' }),
                  })
                : t('noBaseline')}
              <span className="print-only">{` · ${t('printedOn', { date: todayText })}`}</span>
            </p>
            <p className="mt-0.5 text-xs text-muted">
              <LabDayNote today={timeline.today} timeZone={timeline.lab.timeZone} />
            </p>
          </div>
          <div className="no-print flex flex-wrap gap-2 sm:shrink-0 sm:justify-end">
            {isManager ? (
              <a href={href({ create: true, m: null, edit: false })} data-timeline-link="" className={buttonClass('primary', 'sm')}>
                <Plus aria-hidden className="size-4" />
                {t('form.newMilestone')}
              </a>
            ) : null}
            {isManager ? (
              <BaselineDialog
                labId={lab.id}
                suggestedName={t('baseline.suggestedName', { date: todayText })}
                afterHref={href({ baseline: null })}
              />
            ) : null}
            {isManager ? (
              <a href={csvHref} className={buttonClass('secondary', 'sm')} download>
                <Download aria-hidden className="size-4" />
                {t('exportCsv')}
              </a>
            ) : null}
            <CalendarDialog labId={lab.id} />
            <PrintButton label={t('print')} />
          </div>
        </div>

        <dl className="mt-5 grid grid-cols-2 gap-3 md:grid-cols-5">
          <Stat
            label={t('stats.milestones')}
            value={timeline.milestones.length}
            hint={t('stats.done', { count: timeline.milestones.filter((m) => m.status === 'done').length })}
          />
          <Stat label={t('stats.late')} value={lateCount} tone={lateCount > 0 ? 'bad' : undefined} />
          <Stat label={t('stats.atRisk')} value={atRiskCount} tone={atRiskCount > 0 ? 'warn' : undefined} />
          <Stat
            label={t('stats.slip')}
            value={slip === null ? '—' : t('slipBadge', { days: slip })}
            tone={slip !== null && slip > 0 ? 'bad' : undefined}
            hint={
              timeline.slippage.comparedCount > 0
                ? t('stats.slipped', { count: timeline.slippage.slippedCount, total: timeline.slippage.comparedCount })
                : undefined
            }
          />
          <Stat label={t('stats.critical')} value={timeline.criticalCount} hint={t('stats.conflicts', { count: timeline.conflictCount })} />
        </dl>

        {timeline.conflictCount > 0 ? (
          <div
            role="note"
            className="mt-4 flex flex-col gap-2 rounded-lg border border-bad/25 bg-bad-soft px-4 py-3 text-sm text-bad sm:flex-row sm:items-center sm:justify-between"
          >
            <p className="flex items-start gap-2">
              <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
              {t('conflictBanner', { count: timeline.conflictCount })}
            </p>
            {isManager ? (
              <div className="no-print">
                <RescheduleDialog labId={lab.id} label={t('reschedule.button')} />
              </div>
            ) : null}
          </div>
        ) : null}

        <div className="no-print mt-5">
          <FilterForm
            // Remount on every change of the URL so the selects show what the URL says after client navigation.
            key={timelineHref(base, p)}
            action={base}
            className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end sm:[&_select]:w-48"
          >
            {p.zoom !== 'quarter' ? <input type="hidden" name="zoom" value={p.zoom} /> : null}
            {p.view !== 'chart' ? <input type="hidden" name="view" value={p.view} /> : null}
            <FilterSelect
              label={t('filters.phase')}
              name="phase"
              value={p.phase}
              allLabel={t('filters.all')}
              options={STAGES.map((s) => ({ value: s, label: te(`stage.${s}`) }))}
            />
            <FilterSelect
              label={t('filters.status')}
              name="status"
              value={p.status}
              allLabel={t('filters.all')}
              options={[
                { value: 'late', label: t('late') },
                ...MILESTONE_STATUSES.map((s) => ({ value: s, label: te(`milestoneStatus.${s}`) })),
              ]}
            />
            <FilterSelect
              label={t('filters.organisation')}
              name="org"
              value={p.org}
              allLabel={t('filters.all')}
              options={timeline.partners.map((o) => ({ value: o.organisationId, label: localized(locale, o.nameEn, o.nameZh) }))}
            />
            <FilterSelect
              label={t('filters.baseline')}
              name="baseline"
              value={p.baseline}
              allLabel={timeline.baselines.length ? t('filters.latestBaseline') : t('filters.noBaselines')}
              options={timeline.baselines.map((b) => ({ value: b.id, label: b.name }))}
            />
            <noscript>
              <button type="submit" className={buttonClass('secondary', 'sm')}>
                {t('filters.apply')}
              </button>
            </noscript>
          </FilterForm>
        </div>
        {filtered ? (
          <p className="no-print mt-2 text-sm text-muted" role="status">
            {t('filters.showing', { shown: shown.length, total: timeline.milestones.length })}{' '}
            <a
              href={href({ phase: null, status: null, org: null })}
              data-timeline-link=""
              className="font-medium text-brand hover:underline"
            >
              {t('filters.clear')}
            </a>
          </p>
        ) : null}

        <TimelineLinks>
          {timeline.milestones.length === 0 ? (
            <div className="mt-5">
              <EmptyState icon={<CalendarRange className="size-8" aria-hidden />} title={t('empty.title')}>
                {isManager ? t('empty.manager') : t('empty.others')}
              </EmptyState>
            </div>
          ) : shown.length === 0 ? (
            <div className="mt-5">
              <EmptyState icon={<CalendarRange className="size-8" aria-hidden />} title={t('empty.filteredTitle')}>
                <a
                  href={href({ phase: null, status: null, org: null })}
                  data-timeline-link=""
                  className="font-medium text-brand hover:underline"
                >
                  {t('filters.clear')}
                </a>
              </EmptyState>
            </div>
          ) : p.view === 'table' ? (
            <Card className="mt-4">
              {toolbar}
              <TimelineTable
                milestones={shown}
                titles={titles}
                predecessorsOf={predecessorsOf}
                hrefFor={milestoneHref}
                ownerName={ownerName}
              />
            </Card>
          ) : (
            <Card className="timeline-card mt-4 overflow-hidden">
              {toolbar}
              <TimelineScroller className="timeline-scroll timeline-screen overflow-x-auto">
                <Timeline
                  i18n={i18n}
                  label={t('chartLabel', { count: shown.length })}
                  items={chartItems}
                  links={chartLinks}
                  options={{ zoom: p.zoom, today: timeline.today, hrefFor: milestoneHref, selectedId: selected?.id ?? null }}
                />
              </TimelineScroller>
              {/* On paper the whole plan fits a landscape page's width with the names at full size
                  (12.5 px, over 9 pt) instead of the screen's chart scaled down to 3 pt (issue 23.3). */}
              <div className="timeline-print">
                {printParts.map((part) => (
                  <Timeline
                    key={part.phase}
                    i18n={i18n}
                    label={t('chartLabel', { count: part.items.length })}
                    items={part.items}
                    links={part.links}
                    options={{
                      zoom: p.zoom,
                      today: timeline.today,
                      axisWidth: PRINT_AXIS_WIDTH,
                      axisDates: printDates,
                      idPrefix: `tl-print-${part.phase}`,
                    }}
                  />
                ))}
              </div>
              <div className="border-t border-line px-4 py-3">
                <TimelineLegend i18n={i18n} />
              </div>
            </Card>
          )}
          {p.view === 'chart' && shown.length > 0 ? (
            <p className="no-print mt-2 text-xs text-muted">
              {t('tableHint')}{' '}
              <a href={href({ view: 'table' })} data-timeline-link="" className="font-medium text-brand hover:underline">
                {t('view.table')}
              </a>
            </p>
          ) : null}

          {p.create && isManager ? (
            <MilestonePanel
              mode="create"
              timeline={timeline}
              locale={locale}
              role={role}
              closeHref={href({ create: false })}
              editHref="" // A placeholder id that survives URL encoding; the form puts the new milestone's id in its place.
              savedHref={href({ create: false, m: -1 }).replace('m=-1', 'm={id}')}
            />
          ) : selected ? (
            <MilestonePanel
              mode={p.edit && isManager ? 'edit' : 'view'}
              milestone={selected}
              timeline={timeline}
              locale={locale}
              role={role}
              closeHref={href({ m: null, edit: false })}
              editHref={href({ edit: true })}
              savedHref={href({ edit: false, m: selected.id })}
            />
          ) : null}
        </TimelineLinks>
      </div>
    </ClientMessages>
  );
}
