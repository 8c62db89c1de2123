import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { GoalSummary } from '@/server/services/goal-views';
import { Link } from '@/app/_i18n/navigation';
import { Badge, visibilityLook } from '../Badge';
import { formatIsoDate } from '@/app/_lib/dates';
import { formatPercentShare, gapText, unitSuffix } from '@/app/_lib/goal-text';
import { localized } from '@/app/_lib/localized';
import { derivedDigits, formatMeasure } from '../goal-chart/format';
import { chartGoalOf } from '../goal-chart/chart-goal';
import { GoalSparkline } from '../goal-chart/GoalChart';
import { GoalProgress } from './GoalProgress';
import { Measure } from './Measure';
import { GoalStatusBadge } from './GoalStatusBadge';

/** One goal in a list: status, title, latest against target, progress and a small chart. */
export async function GoalCard({ goal, href, today }: { goal: GoalSummary; href: string; today: string }) {
  const t = await getTranslations('goals');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const format = await getFormatter();
  const { assessment } = goal;
  const suffix = unitSuffix(t, goal.unit, goal.unitLabel);
  const title = localized(locale, goal.titleEn, goal.titleZh);
  const statusLabel = t(`status.${assessment.status}`);
  const visibility = visibilityLook[goal.isPublic ? 'public' : 'private'];
  const progress = assessment.progress === null ? '–' : formatPercentShare(locale, Math.max(assessment.progress, 0));
  return (
    <article className="group relative flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 transition hover:border-brand/40 hover:shadow-md">
      <div className="flex flex-wrap items-center gap-1.5">
        <GoalStatusBadge status={assessment.status} label={statusLabel} />
        <Badge tone={visibility.tone} icon={visibility.icon}>
          {tc(goal.isPublic ? 'public' : 'private')}
        </Badge>
        <span className="text-xs text-muted">{t(`itemKind.${goal.itemKind}`)}</span>
      </div>
      <div className="min-w-0">
        <h3 className="text-[0.95rem] font-semibold leading-snug text-ink">
          <Link href={href} className="after:absolute after:inset-0 focus-visible:outline-none group-hover:text-brand">
            {title}
          </Link>
        </h3>
        <p className="mt-0.5 truncate text-sm text-muted">
          {localized(locale, goal.itemNameEn, goal.itemNameZh)} · {localized(locale, goal.metricEn, goal.metricZh)}
        </p>
      </div>
      <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-[1fr_auto] sm:gap-4">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          <div>
            <dt className="text-xs text-muted">{t('figures.latest')}</dt>
            <dd className="num font-semibold text-ink">
              {assessment.latest ? <Measure locale={locale} value={assessment.latest.value} suffix={suffix} /> : '–'}
              {assessment.latest ? (
                <span className="block text-xs font-normal text-muted">
                  {t('figures.latestAsOf', { date: formatIsoDate(format, assessment.latest.asOf) })}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted">{t('figures.target')}</dt>
            <dd className="num font-semibold text-ink">
              <Measure locale={locale} value={goal.targetValue} suffix={suffix} />
              <span className="block text-xs font-normal text-muted">
                {t('figures.by', { date: formatIsoDate(format, goal.targetDate) })}
              </span>
            </dd>
          </div>
          {assessment.gapToday !== null ? (
            <div className="col-span-2">
              <dt className="sr-only">{t('figures.gap')}</dt>
              <dd className="text-xs text-ink-soft">
                {t('figures.expectedToday')}{' '}
                {formatMeasure(locale, assessment.expectedToday, suffix, derivedDigits(assessment.expectedToday))} ·{' '}
                {gapText(t, locale, assessment.gapToday, goal.unit, goal.unitLabel)}
              </dd>
            </div>
          ) : null}
        </dl>
        <div className="w-full max-w-72 sm:w-44">
          <GoalSparkline
            goal={chartGoalOf(goal, assessment.tolerance)}
            points={goal.points}
            today={today}
            label={t('chart.sparkline', { title, status: statusLabel })}
          />
        </div>
      </div>
      <GoalProgress share={assessment.progress} label={t('figures.progress')} valueText={progress} />
    </article>
  );
}
