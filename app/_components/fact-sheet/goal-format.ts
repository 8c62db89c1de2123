import type { PublicGoal } from '@/server/services/public-fact-sheet';
import type { Formatter, Translate as Translator } from '@/app/_lib/i18n';

type Unit = Pick<PublicGoal, 'unit' | 'unitLabel'>;

/** A goal's value in the reader's number format, and its unit apart (so a figure can show it smaller). */
export function goalValueParts(format: Formatter, t: Translator, goal: Unit, value: number): { number: string; unit: string } {
  if (goal.unit === 'percent') return { number: format.number(value / 100, { style: 'percent', maximumFractionDigits: 1 }), unit: '' };
  // As many decimals as the size of the number deserves: 1,522 kg, 37.9 t, 2.35 units.
  const number = format.number(value, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2 });
  if (goal.unit === 'count') return { number, unit: '' };
  if (goal.unit === 'other') return { number, unit: goal.unitLabel ?? '' };
  return { number, unit: t(`unit.${goal.unit}`) };
}

/** The same as one string: "21.2%", "1,640 kg CO₂e/t", "2". */
export function goalValue(format: Formatter, t: Translator, goal: Unit, value: number): string {
  const { number, unit } = goalValueParts(format, t, goal, value);
  return unit ? `${number} ${unit}` : number;
}
