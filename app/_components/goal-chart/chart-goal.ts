import type { GoalDirection, GoalUnit } from '@/common/enums';
import { UNIT_RANGES } from '@/server/domain/goal-units';
import type { ChartGoal } from './geometry';

type GoalShape = {
  direction: GoalDirection;
  unit: GoalUnit;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
};

/** What the chart needs of a goal: its trajectory, its effective tolerance and what its unit allows. */
export function chartGoalOf(goal: GoalShape, tolerance: number): ChartGoal {
  const range = UNIT_RANGES[goal.unit];
  return {
    direction: goal.direction,
    baselineValue: goal.baselineValue,
    baselineDate: goal.baselineDate,
    targetValue: goal.targetValue,
    targetDate: goal.targetDate,
    tolerance,
    floor: range.min,
    ceiling: range.max,
  };
}
