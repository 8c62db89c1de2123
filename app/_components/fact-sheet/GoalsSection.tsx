import { AlertTriangle, CheckCircle2, CircleDashed, Clock, Trophy, XCircle, type LucideIcon } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { PublicGoalStatus } from '../../../server/domain/public-goal-status';
import type { PublicGoal } from '../../../server/services/public-fact-sheet';
import { formatIsoDate } from '../../_lib/dates';
import { localized } from '../../_lib/localized';
import { Badge, type Tone } from '../Badge';
import { Card } from '../Page';
import { goalValue, goalValueParts } from './goal-format';
import { ProgressBar, Section, SectionEmpty } from './Section';

const goalStatusLook: Record<PublicGoalStatus, { tone: Tone; icon: LucideIcon }> = {
  achieved: { tone: 'ok', icon: Trophy },
  on_track: { tone: 'ok', icon: CheckCircle2 },
  at_risk: { tone: 'warn', icon: AlertTriangle },
  off_track: { tone: 'bad', icon: XCircle },
  stale: { tone: 'neutral', icon: Clock },
  no_data: { tone: 'neutral', icon: CircleDashed },
};

const barTone = { achieved: 'ok', on_track: 'ok', at_risk: 'warn', off_track: 'bad', stale: 'neutral', no_data: 'neutral' } as const;

/** Public localization goals: baseline, latest measurement and target, with status. Each goal's chart goes in its card. */
export async function GoalsSection({ goals, locale }: { goals: PublicGoal[]; locale: string }) {
  const t = await getTranslations('publicLab');
  return (
    <Section id="goals" title={t('goals')} description={t('goalsIntro')}>
      {goals.length === 0 ? (
        <SectionEmpty>{t('noGoals')}</SectionEmpty>
      ) : (
        <ul className="grid gap-4 p-4 sm:p-5 lg:grid-cols-2">
          {goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} locale={locale} />
          ))}
        </ul>
      )}
    </Section>
  );
}

async function GoalCard({ goal, locale }: { goal: PublicGoal; locale: string }) {
  const t = await getTranslations('publicLab');
  const format = await getFormatter();
  const look = goalStatusLook[goal.status];
  const value = (v: number) => goalValue(format, t, goal, v);
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

  return (
    <Card as="li" className="flex flex-col break-inside-avoid p-4">
      <article aria-labelledby={headingId} className="flex flex-1 flex-col">
        <div className="flex items-start justify-between gap-3">
          <h3 id={headingId} className="font-semibold leading-snug text-ink">
            {localized(locale, goal.titleEn, goal.titleZh)}
          </h3>
          <Badge tone={look.tone} icon={look.icon} className="mt-0.5">
            {t(`goalStatus.${goal.status}`)}
          </Badge>
        </div>
        <p className="mt-1 text-xs text-ink-soft">
          {t(`itemKind.${goal.itemKind}`)} · {localized(locale, goal.itemNameEn, goal.itemNameZh)}
        </p>
        <p className="text-xs text-muted">
          {t('goal.metricLine', { metric: localized(locale, goal.metricEn, goal.metricZh) })}
          {goal.ownerNameEn ? ` · ${t('goal.ownerLine', { owner: localized(locale, goal.ownerNameEn, goal.ownerNameZh) })}` : null}
        </p>
        <dl aria-label={t('goal.values')} className="mt-4 grid grid-cols-3 gap-2 text-sm">
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
          <ProgressBar share={goal.progress} tone={barTone[goal.status]} />
          <p className="num mt-1.5 flex flex-wrap justify-between gap-x-3 text-xs text-ink-soft">
            <span>{t('goal.progress', { percent: format.number(goal.progress, { style: 'percent' }) })}</span>
            <span>{t('goal.expectedTodayLine', { value: value(goal.expectedToday) })}</span>
          </p>
        </div>
        {goal.latest?.source ? <p className="mt-2 text-xs text-muted">{t('goal.source', { source: goal.latest.source })}</p> : null}
      </article>
    </Card>
  );
}
