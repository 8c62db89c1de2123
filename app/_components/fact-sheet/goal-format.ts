import type { getFormatter, getTranslations } from 'next-intl/server';
import type { PublicGoal } from '../../../server/services/public-fact-sheet';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;
type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** A goal's value with its unit, in the reader's number format: "21.2%", "1,640 kg CO₂e/t", "2". */
export function goalValue(format: Formatter, t: Translator, goal: Pick<PublicGoal, 'unit' | 'unitLabel'>, value: number): string {
  if (goal.unit === 'percent') return format.number(value / 100, { style: 'percent', maximumFractionDigits: 1 });
  // As many decimals as the size of the number deserves: 1,522 kg, 37.9 t, 2.35 units.
  const number = format.number(value, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2 });
  if (goal.unit === 'count') return number;
  if (goal.unit === 'other') return goal.unitLabel ? `${number} ${goal.unitLabel}` : number;
  return `${number} ${t(`unit.${goal.unit}`)}`;
}
