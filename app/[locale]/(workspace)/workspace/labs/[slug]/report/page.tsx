import { ArrowRight, CalendarRange } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { MilestoneStatus } from '@/common/enums';
import { resolveReportPeriod } from '@/server/domain/report-period';
import { labToday } from '@/server/domain/working-day';
import type { StatusReport } from '@/server/services/status-report';
import { Badge, healthLook, milestoneStatusLook } from '@/app/_components/Badge';
import { formatMeasure } from '@/app/_components/goal-chart/format';
import { GoalStatusBadge } from '@/app/_components/goals/GoalStatusBadge';
import { EmptyState, Stat } from '@/app/_components/Page';
import { formatIsoDate } from '@/app/_lib/dates';
import { unitSuffix } from '@/app/_lib/goal-text';
import { LabDayNote, TimesShownIn } from '@/app/_components/TimeZoneNotes';
import { localized } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '../lab-context';
import { PrintButton } from '../timeline/TimelineInteractions';
import { HealthTrend } from './HealthTrend';
import { PeriodForm } from './PeriodForm';
import { ReportTable } from './ReportTable';
import './report.css';
import { percentText } from '@/app/_lib/percent';
import { labelled } from '@/app/_lib/punctuation';

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'report' });
  return { title: `${t('title')} · ${localized(locale, lab.nameEn, lab.nameZh)}`, robots: { index: false } };
}

const text = (value: unknown) => (typeof value === 'string' && value.length <= 20 ? value : undefined);

function Section({ id, title, children, note }: { id: string; title: string; children: ReactNode; note?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="report-section report-card rounded-xl border border-line bg-surface p-4 sm:p-5">
      <h3 id={id} className="text-base font-semibold text-ink">
        {title}
      </h3>
      {note ? <p className="mt-0.5 text-xs text-muted">{note}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}

async function StatusBadge({ status }: { status: MilestoneStatus }) {
  const te = await getTranslations('enums');
  const look = milestoneStatusLook[status];
  return (
    <Badge tone={look.tone} icon={look.icon}>
      {te(`milestoneStatus.${status}`)}
    </Badge>
  );
}

function Change({ from, to }: { from: ReactNode; to: ReactNode }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {from}
      <ArrowRight aria-label="→" className="size-3.5 text-muted" />
      {to}
    </span>
  );
}

export default async function StatusReportPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { lab } = await loadLab(slug);
  const query = await searchParams;
  const asked = { from: text(query.from), to: text(query.to) };
  const latest = labToday(lab);
  const resolved = resolveReportPeriod(asked, latest);
  const t = await getTranslations('report');
  const translate = await getTranslations();
  const base = `/workspace/labs/${lab.slug}/report`;
  const errors = resolved.ok ? {} : { [resolved.problem.field]: translate(resolved.problem.key) };
  const values = resolved.ok ? resolved.period : asked;

  return (
    <article className="status-report flex flex-col gap-5">
      <div className="no-print flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 md:flex-row md:items-start md:justify-between">
        <PeriodForm action={`/${locale}${base}`} base={base} values={values} errors={errors} latest={latest} />
        <div className="md:pt-5">
          <PrintButton label={t('print')} />
        </div>
      </div>
      {resolved.ok ? (
        <ReportBody report={await orNotFound((await serverApi()).report.status({ labId: lab.id, ...resolved.period }))} locale={locale} />
      ) : (
        <EmptyState icon={<CalendarRange className="size-8" aria-hidden />}>{t('intro')}</EmptyState>
      )}
    </article>
  );
}

async function ReportBody({ report, locale }: { report: StatusReport; locale: string }) {
  const t = await getTranslations('report');
  const tg = await getTranslations('goals');
  const te = await getTranslations('enums');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const date = (iso: string) => formatIsoDate(format, iso);
  const { lab, period, summary, milestones, goals, updates, health } = report;
  const latestHealth = health.latest ? healthLook[health.latest] : null;
  const owner = (o: { shortName: string } | null) => o?.shortName ?? '—';
  const tt = await getTranslations('timeline');
  // Slip is the timeline's: against the newest baseline set by the period's end (decision 025).
  const baselineNote = milestones.baseline
    ? t('milestones.comparedWith', {
        name: milestones.baseline.name,
        date: format.dateTime(milestones.baseline.createdAt, { dateStyle: 'medium' }),
      })
    : undefined;

  return (
    <>
      <header className="report-section">
        <p className="text-sm font-semibold text-ink">{localized(locale, lab.nameEn, lab.nameZh)}</p>
        <h2 className="mt-0.5 text-xl font-semibold tracking-tight text-ink sm:text-2xl">
          {t('heading', { from: date(period.from), to: date(period.to) })}
        </h2>
        <p className="mt-1 text-xs text-muted">
          {t('prepared', { date: date(report.today) })}
          {lab.isDemo ? ` · ${tc('demoData')}` : ''}
        </p>
        <p className="mt-0.5 text-xs text-muted">
          <LabDayNote today={report.today} timeZone={lab.timeZone} /> <TimesShownIn />
        </p>
      </header>

      <section aria-labelledby="report-summary" className="report-section">
        <h3 id="report-summary" className="sr-only">
          {t('summary.title')}
        </h3>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <div className="rounded-xl border border-line bg-surface px-4 py-3">
            <dt className="text-xs font-medium uppercase tracking-wide text-muted">{t('summary.health')}</dt>
            <dd className="mt-2">
              {health.latest && latestHealth ? (
                <Badge tone={latestHealth.tone} icon={latestHealth.icon}>
                  {te(`health.${health.latest}`)}
                </Badge>
              ) : (
                <span className="text-sm text-muted">{t('summary.noHealth')}</span>
              )}
            </dd>
          </div>
          <Stat label={t('summary.updates')} value={summary.updates} />
          <Stat label={t('summary.completed')} value={summary.completed} />
          <Stat
            label={t('summary.slipped')}
            value={milestones.baseline ? summary.slipped : '—'}
            tone={summary.slipped > 0 ? 'warn' : undefined}
            hint={
              milestones.baseline
                ? t('summary.slippedOf', {
                    total: summary.compared,
                    slip: milestones.slippage.endSlipDays === null ? '—' : tt('slipBadge', { days: milestones.slippage.endSlipDays }),
                  })
                : t('summary.noBaseline')
            }
          />
          <Stat label={t('summary.measurements')} value={summary.measurements} />
          <Stat label={t('summary.goalChanges')} value={summary.goalStatusChanges} />
        </dl>
      </section>

      <Section id="report-health" title={t('health.title')} note={t('health.intro')}>
        <HealthTrend report={report} />
      </Section>

      <Section id="report-completed" title={t('milestones.completedTitle')} note={baselineNote}>
        <ReportTable
          labelledBy="report-completed"
          empty={t('milestones.completedEmpty')}
          columns={[
            { label: t('milestones.milestone') },
            { label: t('milestones.owner') },
            { label: t('milestones.finished') },
            { label: t('milestones.variance') },
          ]}
          rows={milestones.completed.map((m) => ({
            key: m.id,
            cells: [
              m.title,
              owner(m.owner),
              <span key="d" className="num">
                {date(m.actualFinish)}
              </span>,
              m.varianceDays === null
                ? '—'
                : m.varianceDays === 0
                  ? t('milestones.onTime')
                  : m.varianceDays > 0
                    ? t('milestones.late', { count: m.varianceDays })
                    : t('milestones.early', { count: -m.varianceDays }),
            ],
          }))}
        />
      </Section>

      <Section id="report-slipped" title={t('milestones.slippedTitle')} note={baselineNote ?? t('milestones.slipNeedsBaseline')}>
        <ReportTable
          labelledBy="report-slipped"
          empty={milestones.baseline ? t('milestones.slippedEmpty') : t('milestones.slipNeedsBaseline')}
          columns={[
            { label: t('milestones.milestone') },
            { label: t('milestones.owner') },
            { label: t('milestones.slip') },
            { label: t('milestones.what') },
            { label: t('milestones.now') },
          ]}
          rows={await Promise.all(
            milestones.slipped.map(async (m) => ({
              key: m.id,
              cells: [
                m.title,
                owner(m.owner),
                <span key="s" className="flex flex-col gap-0.5">
                  <span className="num font-medium text-bad">{tt('slipBadge', { days: m.slipDays })}</span>
                  <span className="text-xs text-muted">
                    <Change from={date(m.baselineFinish)} to={date(m.forecastFinish)} />
                  </span>
                </span>,
                <span key="w" className="flex flex-col gap-0.5">
                  {!m.moved && m.daysLate === null ? <span className="text-muted">{t('milestones.slippedBefore')}</span> : null}
                  {m.moved ? (
                    <span>{t('milestones.moved', { from: date(m.moved.from), to: date(m.moved.to), count: m.moved.days })}</span>
                  ) : null}
                  {m.daysLate !== null ? (
                    <span className="text-bad">
                      {t('milestones.missed', { date: date(m.forecastFinish) })} · {t('milestones.daysLate', { count: m.daysLate })}
                    </span>
                  ) : null}
                </span>,
                <span key="n" className="inline-flex flex-wrap items-center gap-1.5">
                  <StatusBadge status={m.status} />
                  <span className="num text-xs">{percentText(locale, m.percentComplete)}</span>
                </span>,
              ],
            })),
          )}
        />
      </Section>

      <Section id="report-late" title={t('milestones.lateTitle')} note={t('milestones.lateNote')}>
        <ReportTable
          labelledBy="report-late"
          empty={t('milestones.lateEmpty')}
          columns={[
            { label: t('milestones.milestone') },
            { label: t('milestones.owner') },
            { label: t('milestones.due') },
            { label: t('milestones.now') },
          ]}
          rows={milestones.late.map((m) => ({
            key: m.id,
            cells: [
              m.title,
              owner(m.owner),
              <span key="d" className="flex flex-col gap-0.5">
                <span>{date(m.forecastFinish)}</span>
                <span className="num text-xs font-medium text-bad">{t('milestones.daysLate', { count: m.daysLate })}</span>
              </span>,
              <StatusBadge key="s" status={m.status} />,
            ],
          }))}
        />
      </Section>

      <Section id="report-progress" title={t('milestones.progressTitle')}>
        <ReportTable
          labelledBy="report-progress"
          empty={t('milestones.progressEmpty')}
          columns={[
            { label: t('milestones.milestone') },
            { label: t('milestones.owner') },
            { label: t('milestones.status') },
            { label: t('milestones.percent'), numeric: true },
          ]}
          rows={milestones.progressed.map((m) => ({
            key: m.id,
            cells: [
              m.title,
              owner(m.owner),
              m.status ? (
                <Change key="s" from={<StatusBadge status={m.status.from} />} to={<StatusBadge status={m.status.to} />} />
              ) : (
                <StatusBadge key="s" status={m.current.status} />
              ),
              <span key="p" className="num whitespace-nowrap">
                {m.percent
                  ? `${percentText(locale, m.percent.from)} → ${percentText(locale, m.percent.to)}`
                  : percentText(locale, m.current.percentComplete)}
              </span>,
            ],
          }))}
        />
      </Section>

      <Section id="report-goals" title={t('goals.title')}>
        <ReportTable
          labelledBy="report-goals"
          empty={t('goals.empty')}
          columns={[{ label: t('goals.goal') }, { label: t('goals.status') }, { label: t('goals.latest') }, { label: t('goals.figures') }]}
          rows={goals.map((g) => {
            const suffix = unitSuffix(tg, g.unit, g.unitLabel);
            const measure = (value: number) => formatMeasure(locale, value, suffix);
            return {
              key: g.id,
              cells: [
                <span key="t" className="flex flex-col">
                  {localized(locale, g.titleEn, g.titleZh)}
                  <span className="text-xs font-normal text-muted">
                    {t('goals.target', { value: measure(g.targetValue), date: date(g.targetDate) })}
                  </span>
                </span>,
                g.statusAtStart === g.statusAtEnd ? (
                  <GoalStatusBadge key="s" status={g.statusAtEnd} label={tg(`status.${g.statusAtEnd}`)} />
                ) : (
                  <Change
                    key="s"
                    from={<GoalStatusBadge status={g.statusAtStart} label={tg(`status.${g.statusAtStart}`)} />}
                    to={<GoalStatusBadge status={g.statusAtEnd} label={tg(`status.${g.statusAtEnd}`)} />}
                  />
                ),
                g.latestAtEnd ? (
                  <span key="l" className="num">
                    {measure(g.latestAtEnd.value)}{' '}
                    <span className="text-xs text-muted">{t('goals.asOf', { date: date(g.latestAtEnd.asOf) })}</span>
                  </span>
                ) : (
                  '—'
                ),
                g.measurements.length ? (
                  <ul key="m" className="flex flex-col gap-0.5">
                    {g.measurements.map((m) => (
                      <li key={m.id} className="num">
                        {measure(m.value)}{' '}
                        <span className="text-xs text-muted">
                          {t('goals.asOf', { date: date(m.asOf) })}
                          {m.recordedByName ? ` · ${t('goals.by', { name: m.recordedByName })}` : ''}
                          {m.source ? ` · ${m.source}` : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span key="m" className="text-muted">
                    {t('goals.noFigures')}
                  </span>
                ),
              ],
            };
          })}
        />
      </Section>

      <Section id="report-updates" title={t('updates.title')}>
        {updates.length === 0 ? (
          <p className="text-sm text-muted">{t('updates.empty')}</p>
        ) : (
          <ol className="divide-y divide-line border-t border-line">
            {updates.map((u) => {
              const look = healthLook[u.health];
              const about = [...u.milestones.map((m) => m.title), ...u.goals.map((g) => localized(locale, g.titleEn, g.titleZh))];
              return (
                <li key={u.id} className="report-update py-3">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                    <Badge tone={look.tone} icon={look.icon}>
                      {te(`health.${u.health}`)}
                    </Badge>
                    <span className="font-medium text-ink">{u.authorName ?? '—'}</span>
                    {u.orgNameEn ? <span className="text-muted">{localized(locale, u.orgNameEn, u.orgNameZh)}</span> : null}
                    <time dateTime={u.createdAt.toISOString()} className="num text-muted">
                      {format.dateTime(u.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                  </p>
                  <div className="prose-update mt-1.5 text-sm leading-relaxed text-ink" dangerouslySetInnerHTML={{ __html: u.html }} />
                  {about.length ? (
                    <p className="mt-1.5 text-xs text-muted">
                      {labelled(locale, t('updates.about'), about.join(' · '))}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </Section>
    </>
  );
}
