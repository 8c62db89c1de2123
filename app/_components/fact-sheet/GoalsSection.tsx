import type { PublicGoal } from '@/server/services/public-fact-sheet';
import { formatIsoDate } from '@/app/_lib/dates';
import { gapText, goalChartLabels, unitSuffix } from '@/app/_lib/goal-text';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { localized } from '@/app/_lib/localized';
import { Badge, goalStatusLook } from '../Badge';
import { chartGoalOf } from '../goal-chart/chart-goal';
import { GoalChart } from '../goal-chart/GoalChart';
import { Card } from '../Page';
import { goalValue, goalValueParts } from './goal-format';
import { ProgressBar, Section, SectionEmpty } from './Section';

const barTone = { achieved: 'brand', on_track: 'ok', at_risk: 'warn', off_track: 'bad', stale: 'neutral', no_data: 'neutral' } as const;

/** Public localization goals: figures, status and the chart of each against its trajectory. */
export function GoalsSection({ goals, i18n, today }: { goals: PublicGoal[]; i18n: I18n; today: string }) {
  const t = scoped(i18n, 'publicLab');
  return (
    <Section id="goals" title={t('goals')} description={t('goalsIntro')}>
      {goals.length === 0 ? (
        <SectionEmpty>{t('noGoals')}</SectionEmpty>
      ) : (
        <ul className="grid gap-4 p-4 sm:p-5">
          {goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} i18n={i18n} today={today} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function GoalCard({ goal, i18n, today }: { goal: PublicGoal; i18n: I18n; today: string }) {
  const { locale, format } = i18n;
  const t = scoped(i18n, 'publicLab');
  // The chart and the gap speak the words of the goal pages, so both read the same everywhere.
  const tg = scoped(i18n, 'goals');
  const { assessment } = goal;
  const look = goalStatusLook[assessment.status];
  const title = localized(locale, goal.titleEn, goal.titleZh);
  const headingId = `goal-${goal.id}-heading`;
  const parts = (v: number) => goalValueParts(format, t, goal, v);
  const figures = [
    {
      label: t('goal.baseline'),
      value: parts(goal.baselineValue),
      note: t('goal.asOf', { date: formatIsoDate(format, goal.baselineDate) }),
    },
    goal.latest
      ? {
          label: t('goal.latest'),
          value: parts(goal.latest.value),
          note: t('goal.asOf', { date: formatIsoDate(format, goal.latest.asOf) }),
        }
      : { label: t('goal.latest'), value: { number: '—', unit: '' }, note: t('goal.noMeasurement') },
    { label: t('goal.target'), value: parts(goal.targetValue), note: t('goal.by', { date: formatIsoDate(format, goal.targetDate) }) },
  ];
  const progress = Math.max(assessment.progress ?? 0, 0);
  const expected = t('goal.expectedTodayLine', { value: goalValue(format, t, goal, assessment.expectedToday) });

  return (
    <Card as="li" className="break-inside-avoid p-4 sm:p-5">
      <article aria-labelledby={headingId}>
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h3 id={headingId} className="font-semibold leading-snug text-ink">
              {title}
            </h3>
            <p className="mt-1 text-xs text-ink-soft">
              {t(`itemKind.${goal.itemKind}`)} · {localized(locale, goal.itemNameEn, goal.itemNameZh)}
            </p>
            <p className="text-xs text-muted">
              {t('goal.metricLine', { metric: localized(locale, goal.metricEn, goal.metricZh) })}
              {goal.ownerNameEn ? ` · ${t('goal.ownerLine', { owner: localized(locale, goal.ownerNameEn, goal.ownerNameZh) })}` : null}
            </p>
          </div>
          <Badge tone={look.tone} icon={look.icon} className="mt-0.5">
            {t(`goalStatus.${assessment.status}`)}
          </Badge>
        </div>
        <div className="mt-4 grid gap-5 lg:grid-cols-[minmax(0,17rem)_minmax(0,1fr)] print:grid-cols-1">
          <div className="min-w-0">
            <dl aria-label={t('goal.values')} className="grid grid-cols-3 gap-2 text-sm lg:grid-cols-1 print:grid-cols-3">
              {figures.map((f) => (
                <div key={f.label} className="min-w-0 rounded-lg bg-canvas px-2.5 py-2">
                  <dt className="text-xs text-muted">{f.label}</dt>
                  <dd className="num mt-0.5 text-base font-semibold text-ink">
                    <span className="whitespace-nowrap">{f.value.number}</span>
                    {f.value.unit ? <span className="ml-1 text-xs font-normal text-muted">{f.value.unit}</span> : null}
                  </dd>
                  <dd className="num text-xs text-muted">{f.note}</dd>
                </div>
              ))}
            </dl>
            <div className="mt-4">
              <ProgressBar share={progress} tone={barTone[assessment.status]} />
              <p className="num mt-1.5 text-xs text-ink-soft">
                {t('goal.progress', { percent: format.number(progress, { style: 'percent' }) })}
              </p>
              <p className="num mt-0.5 text-xs text-ink-soft">
                {expected}
                {assessment.gapToday !== null ? ` · ${gapText(tg, locale, assessment.gapToday, goal.unit, goal.unitLabel)}` : null}
              </p>
            </div>
            {goal.latest?.source ? <p className="mt-2 text-xs text-muted">{t('goal.source', { source: goal.latest.source })}</p> : null}
          </div>
          <div className="min-w-0">
            <GoalChart
              goal={chartGoalOf(goal, assessment.tolerance)}
              points={goal.measurements}
              today={today}
              locale={locale}
              unitSuffix={unitSuffix(tg, goal.unit, goal.unitLabel)}
              title={title}
              labels={goalChartLabels(tg)}
            />
          </div>
        </div>
      </article>
    </Card>
  );
}
