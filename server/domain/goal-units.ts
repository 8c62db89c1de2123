import type { GoalUnit } from '@/common/enums';

/**
 * What a value may be in each unit: a share is 0–100, quantities and money are never negative,
 * and 'other' (a unit the manager names) takes any finite number.
 */
export const UNIT_RANGES: Record<GoalUnit, { min?: number; max?: number }> = {
  percent: { min: 0, max: 100 },
  tonnes: { min: 0 },
  units: { min: 0 },
  cny: { min: 0 },
  usd: { min: 0 },
  kg_co2e_per_t: { min: 0 },
  count: { min: 0 },
  other: {},
};

export function valueFitsUnit(unit: GoalUnit, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const { min, max } = UNIT_RANGES[unit];
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}
