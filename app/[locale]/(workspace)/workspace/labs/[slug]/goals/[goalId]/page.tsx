import { ArrowLeft, Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge, healthLook, milestoneStatusLook, visibilityLook } from '@/app/_components/Badge';
import { buttonClass } from '@/app/_components/Form';
import { derivedDigits, formatMeasure } from '@/app/_components/goal-chart/format';
import { chartGoalOf } from '@/app/_components/goal-chart/chart-goal';
import { GoalChart } from '@/app/_components/goal-chart/GoalChart';
import { GoalProgress } from '@/app/_components/goals/GoalProgress';
import { Measure } from '@/app/_components/goals/Measure';
import { GoalStatusBadge } from '@/app/_components/goals/GoalStatusBadge';
import { Card, CardHeader } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { formatIsoDate } from '@/app/_lib/dates';
import {
  differenceSuffix,
  formatPercentShare,
  gapText,
  goalChartLabels,
  statusExplanation,
  unitSuffix,
} from '@/app/_lib/goal-text';
import { localized, otherLang, secondaryName } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound, orNull } from '@/app/[locale]/(workspace)/workspace/labs/[slug]/lab-context';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { goalIdFrom, parseGoalId } from './goal-id';
import { MeasurementsPanel } from './MeasurementsPanel';

type Params = { params: Promise<{ locale: string; slug: string; goalId: string }> };

async function loadGoal(slug: string, goalIdParam: string) {
  const { lab } = await loadLab(slug);
  return { lab, detail: await orNotFound((await serverApi()).goal.detail({ labId: lab.id, goalId: goalIdFrom(goalIdParam) })) };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug, goalId } = await params;
  const api = await serverApi();
  const id = parseGoalId(goalId);
  const lab = await orNull(() => api.lab.context({ slug }));
  const detail = lab && id ? await orNull(() => api.goal.detail({ labId: lab.lab.id, goalId: id })) : null;
  return { ...(detail ? { title: localized(locale, detail.goal.titleEn, detail.goal.titleZh) } : {}), robots: { index: false } };
}

export default async function GoalPage({ params }: Params) {
  const { locale, slug, goalId } = await params;
  setRequestLocale(locale);
  const { lab, detail } = await loadGoal(slug, goalId);
  const { goal, today } = detail;
  const { assessment } = goal;
  const t = await getTranslations('goals');
  const tc = await getTranslations('common');
  const te = await getTranslations('enums');
  const format = await getFormatter();
  const base = `/workspace/labs/${lab.slug}/goals`;
  const suffix = unitSuffix(t, goal.unit, goal.unitLabel);
  const title = localized(locale, goal.titleEn, goal.titleZh);
  const other = secondaryName(locale, goal.titleEn, goal.titleZh);
  const visibility = visibilityLook[goal.isPublic ? 'public' : 'private'];
  const measure = (value: number) => formatMeasure(locale, value, suffix);
  const toleranceText = formatMeasure(locale, assessment.tolerance, differenceSuffix(t, goal.unit, goal.unitLabel));
  const date = (iso: string) => formatIsoDate(format, iso);

  return (
    <article>
      <div className="no-print flex items-center justify-between gap-3">
        <Link href={base} className="inline-flex items-center gap-1.5 text-sm text-ink-soft hover:text-ink hover:underline">
          <ArrowLeft aria-hidden className="size-4" />
          {t('allGoals')}
        </Link>
        {detail.canManage ? (
          <Link href={`${base}/${goal.id}/edit`} className={buttonClass('secondary', 'sm')}>
            <Pencil aria-hidden className="size-4" />
            {t('edit')}
          </Link>
        ) : null}
      </div>

      <header className="mt-4">
        <div className="flex flex-wrap items-center gap-1.5" data-testid="goal-badges">
          <GoalStatusBadge status={assessment.status} label={t(`status.${assessment.status}`)} />
          <Badge tone={visibility.tone} icon={visibility.icon}>
            {tc(goal.isPublic ? 'public' : 'private')}
          </Badge>
          <Badge>{t(`itemKind.${goal.itemKind}`)}</Badge>
        </div>
        <h2 className="mt-2 text-xl font-semibold tracking-tight text-ink sm:text-2xl">{title}</h2>
        {other ? (
          <p lang={otherLang(locale)} className="text-sm text-muted">
            {other}
          </p>
        ) : null}
        <p className="mt-1 text-sm text-ink-soft">
          {localized(locale, goal.itemNameEn, goal.itemNameZh)} · {localized(locale, goal.metricEn, goal.metricZh)}
        </p>
        <p className="mt-2 text-sm text-ink" data-testid="status-explanation">
          {statusExplanation(t, assessment, goal.targetDate, today)}
        </p>
      </header>

      <dl className="mt-5 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure
          label={t('figures.latest')}
          value={assessment.latest ? <Measure locale={locale} value={assessment.latest.value} suffix={suffix} /> : '–'}
        >
          {assessment.latest ? t('figures.latestAsOf', { date: date(assessment.latest.asOf) }) : t('figures.noMeasurement')}
        </Figure>
        <Figure
          label={t('figures.expectedToday')}
          value={
            <Measure locale={locale} value={assessment.expectedToday} suffix={suffix} digits={derivedDigits(assessment.expectedToday)} />
          }
        >
          {t('figures.onTrajectory')}
        </Figure>
        <Figure
          label={t('figures.gap')}
          value={assessment.gapToday === null ? '–' : gapText(t, locale, assessment.gapToday, goal.unit, goal.unitLabel)}
        >
          {/* The status is judged at the last measurement's own date; say so, with the tolerance it is judged by. */}
          {assessment.gapAtLatest === null
            ? `${t('figures.tolerance')} ${toleranceText}`
            : t('figures.atLatest', {
                gap: gapText(t, locale, assessment.gapAtLatest, goal.unit, goal.unitLabel),
                tolerance: toleranceText,
              })}
        </Figure>
        <Figure label={t('figures.target')} value={<Measure locale={locale} value={goal.targetValue} suffix={suffix} />}>
          {t('figures.by', { date: date(goal.targetDate) })}
        </Figure>
      </dl>
      <div className="mt-3 rounded-xl border border-line bg-surface px-4 py-3">
        <p className="mb-1.5 flex flex-col gap-0.5 text-xs text-muted sm:flex-row sm:justify-between">
          <span>{t('figures.progress')}</span>
          <span className="num">
            {t('figures.baseline')} {measure(goal.baselineValue)} · {date(goal.baselineDate)}
          </span>
        </p>
        <GoalProgress
          share={assessment.progress}
          label={t('figures.progress')}
          valueText={assessment.progress === null ? '–' : formatPercentShare(locale, Math.max(assessment.progress, 0))}
        />
      </div>

      <Card className="mt-6 break-inside-avoid">
        <CardHeader title={t('chart.title')} />
        <div className="px-3 pb-4 pt-3 sm:px-5">
          <GoalChart
            goal={chartGoalOf(goal, assessment.tolerance)}
            points={goal.points}
            today={today}
            locale={locale}
            unitSuffix={suffix}
            title={title}
            labels={goalChartLabels(t)}
          />
        </div>
      </Card>

      <ClientMessages namespaces={['goals']}>
        <MeasurementsPanel
          labId={lab.id}
          goalId={goal.id}
          unit={goal.unit}
          unitSuffix={suffix}
          baselineDate={goal.baselineDate}
          today={detail.latestAsOf}
          canRecord={detail.canRecord}
          canManage={detail.canManage}
          goalIsPublic={goal.isPublic}
          measurements={detail.measurements.map(({ createdAt: _createdAt, ...m }) => m)}
        />
      </ClientMessages>

      {/* Printed, the two cards stack and neither is split across pages (issue 24: the second one
          broke after its header, leaving half a page blank). */}
      <div className="mt-6 grid gap-6 lg:grid-cols-2 print:block print:space-y-6">
        <Card className="break-inside-avoid">
          <CardHeader id="milestones-heading" title={t('milestones.title')} />
          {detail.milestones.length === 0 ? (
            <p className="px-5 py-4 text-sm text-muted">
              {t('milestones.empty')} {detail.canManage ? t('milestones.emptyManager') : null}
            </p>
          ) : (
            <ul className="divide-y divide-line" aria-labelledby="milestones-heading">
              {detail.milestones.map((m) => {
                const look = milestoneStatusLook[m.status];
                return (
                  <li key={m.id} className="flex flex-col gap-1.5 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <p className="font-medium text-ink">{m.title}</p>
                      <p className="num text-xs text-muted">
                        {te(`stage.${m.phase}`)} ·{' '}
                        {m.actualFinish
                          ? t('milestones.finished', { date: date(m.actualFinish) })
                          : t('milestones.finish', { date: date(m.forecastFinish) })}{' '}
                        · {t('milestones.percent', { percent: m.percentComplete })}
                      </p>
                    </div>
                    <Badge tone={look.tone} icon={look.icon} className="self-start sm:self-auto">
                      {te(`milestoneStatus.${m.status}`)}
                    </Badge>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        <Card className="break-inside-avoid">
          <CardHeader title={t('details.title')} />
          <dl className="grid gap-x-6 gap-y-3 px-5 py-4 text-sm sm:grid-cols-2">
            <Detail
              label={t('details.item')}
              value={t('details.itemWithKind', {
                item: localized(locale, goal.itemNameEn, goal.itemNameZh),
                kind: t(`itemKind.${goal.itemKind}`),
              })}
            />
            <Detail label={t('details.metric')} value={localized(locale, goal.metricEn, goal.metricZh)} />
            <Detail label={t('details.unit')} value={goal.unit === 'other' ? (goal.unitLabel ?? '') : t(`unit.${goal.unit}`)} />
            <Detail label={t('details.direction')} value={t(`directionLong.${goal.direction}`)} />
            <Detail label={t('figures.baseline')} value={`${measure(goal.baselineValue)} · ${date(goal.baselineDate)}`} />
            <Detail label={t('figures.target')} value={`${measure(goal.targetValue)} · ${date(goal.targetDate)}`} />
            <Detail
              label={t('figures.tolerance')}
              value={t('figures.toleranceWithNote', {
                tolerance: toleranceText,
                note: goal.tolerance === null ? t('figures.toleranceDefault') : t('figures.toleranceSet'),
              })}
            />
            <Detail
              label={t('details.owner')}
              value={goal.owner ? localized(locale, goal.owner.nameEn, goal.owner.nameZh) : t('details.noOwner')}
            />
          </dl>
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader id="updates-heading" title={t('updates.title')} />
        {detail.updates.length === 0 ? (
          <div className="px-5 py-4 text-sm">
            <p className="text-ink-soft">{t('updates.empty')}</p>
            <p className="mt-1 text-muted">{t('updates.emptyHint')}</p>
          </div>
        ) : (
          <ol className="divide-y divide-line" aria-labelledby="updates-heading">
            {detail.updates.map((u) => {
              const look = healthLook[u.health];
              const author = u.authorName ?? t('updates.unknownAuthor');
              return (
                <li key={u.id} className="px-5 py-4">
                  <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                    <Badge tone={look.tone} icon={look.icon}>
                      {te(`health.${u.health}`)}
                    </Badge>
                    <span>{u.authorOrg ? t('updates.byOrg', { name: author, org: u.authorOrg }) : t('updates.by', { name: author })}</span>
                    <span aria-hidden>·</span>
                    <time dateTime={u.createdAt.toISOString()}>{format.dateTime(u.createdAt, { dateStyle: 'medium' })}</time>
                    {!u.isPublic ? <span>· {t('updates.private')}</span> : null}
                  </div>
                  <div
                    className="prose-update mt-2 text-sm leading-relaxed text-ink [&_a]:text-brand [&_a]:underline [&_p]:my-1"
                    // Rendered by renderMarkdown: raw HTML escaped, only http(s)/mailto links.
                    dangerouslySetInnerHTML={{ __html: u.html }}
                  />
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </article>
  );
}

function Figure({ label, value, children }: { label: string; value: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-line bg-surface px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted">{label}</dt>
      <dd className="num mt-1 text-lg font-semibold leading-snug text-ink sm:text-xl">{value}</dd>
      <dd className="mt-0.5 text-xs text-muted">{children}</dd>
    </div>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 text-ink">{value}</dd>
    </div>
  );
}
