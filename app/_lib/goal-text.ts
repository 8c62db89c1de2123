import type { GoalUnit } from '@/common/enums';
import type { GoalAssessment } from '@/server/domain/goal-status';
import type { GoalChartLabels } from '../_components/goal-chart/GoalChart';
import { derivedDigits, formatMeasure } from '../_components/goal-chart/format';

// Words and numbers shown for a goal, shared by the lab pages, the portfolio and (read-only) the
// public fact sheet. `t` is a translator for the `goals` namespace, from the server or the client.

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The short label written after a value: "%", "t", "kg CO₂e/t", or the manager's own for 'other'. */
export function unitSuffix(t: Translate, unit: GoalUnit, unitLabel: string | null): string {
  return unit === 'other' ? (unitLabel ?? '') : t(`unitShort.${unit}`);
}

/** A difference between two percentages is in percentage points, not percent. */
export function differenceSuffix(t: Translate, unit: GoalUnit, unitLabel: string | null): string {
  return unit === 'percent' ? t('percentPoints') : unitSuffix(t, unit, unitLabel);
}

/** "1.9 pts behind", "100 kg CO₂e/t ahead", "On the trajectory". */
export function gapText(t: Translate, locale: string, gap: number, unit: GoalUnit, unitLabel: string | null): string {
  const digits = derivedDigits(gap);
  const rounded = Math.round(gap * 10 ** digits) / 10 ** digits;
  if (rounded === 0) return t('figures.even');
  const value = formatMeasure(locale, Math.abs(rounded), differenceSuffix(t, unit, unitLabel), digits);
  return t(rounded > 0 ? 'figures.ahead' : 'figures.behind', { value });
}

/** Why the goal has its status, in a sentence. */
export function statusExplanation(t: Translate, assessment: GoalAssessment, targetDate: string, today: string): string {
  if (assessment.status === 'off_track' && today > targetDate) return t('statusExplained.off_track_missed');
  return t(`statusExplained.${assessment.status}`);
}

export function goalChartLabels(t: Translate): GoalChartLabels {
  const keys = [
    'measured',
    'trajectory',
    'tolerance',
    'target',
    'baseline',
    'today',
    'date',
    'value',
    'expected',
    'tableCaption',
    'noData',
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, t(`chart.${k}`)])) as GoalChartLabels;
}

export function formatPercentShare(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
