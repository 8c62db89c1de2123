import { daysBetween } from './dates';
import type { GoalDirection, GoalStatus } from '@/common/enums';

// How a localization goal is doing, from its measurements against the straight trajectory from
// baseline to target. Pure: the same goal, measurements and day always give the same answer.

/** A measurement older than this no longer says how the goal is doing today. */
export const STALE_AFTER_DAYS = 90;
/** Without an explicit tolerance, this share of the baseline-to-target range still counts as on track. */
export const DEFAULT_TOLERANCE_SHARE = 0.1;

export type GoalTrajectory = {
  direction: GoalDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  tolerance: number | null;
};

export type MeasuredPoint = { asOf: string; value: number };

export type GoalAssessment = {
  status: GoalStatus;
  latest: MeasuredPoint | null;
  /** Where the trajectory says the metric should be today. */
  expectedToday: number;
  /** The latest value minus the expected value today, signed so that positive is ahead in the goal's direction. */
  gapToday: number | null;
  /** The same at the latest measurement's own date: what the status is judged on. */
  gapAtLatest: number | null;
  tolerance: number;
  /** Share of the way from baseline to target the latest value has come (0 = baseline, 1 = target). */
  progress: number | null;
  daysSinceLatest: number | null;
};

export function effectiveTolerance(goal: GoalTrajectory): number {
  return goal.tolerance ?? Math.abs(goal.targetValue - goal.baselineValue) * DEFAULT_TOLERANCE_SHARE;
}

/** The value on the straight line from baseline to target at a date; flat before the baseline and after the target. */
export function expectedValueAt(goal: GoalTrajectory, date: string): number {
  const span = daysBetween(goal.baselineDate, goal.targetDate);
  const elapsed = Math.min(Math.max(daysBetween(goal.baselineDate, date), 0), span);
  return goal.baselineValue + ((goal.targetValue - goal.baselineValue) * elapsed) / span;
}

/** How far `value` is ahead of `expected` in the goal's direction (negative: behind). */
export function aheadBy(goal: GoalTrajectory, value: number, expected: number): number {
  return goal.direction === 'raise' ? value - expected : expected - value;
}

export function hasReachedTarget(goal: GoalTrajectory, value: number): boolean {
  return aheadBy(goal, value, goal.targetValue) >= -rounding(goal);
}

export function progressShare(goal: GoalTrajectory, value: number): number {
  return (value - goal.baselineValue) / (goal.targetValue - goal.baselineValue);
}

/** The most recent measurement by as-of date; of several on one day, the last given (callers order by id). */
export function latestMeasurement<T extends MeasuredPoint>(points: readonly T[]): T | null {
  let latest: T | null = null;
  for (const point of points) if (!latest || point.asOf >= latest.asOf) latest = point;
  return latest;
}

// Values go through floating-point arithmetic (8 + 22 × 0.3 …); a value exactly on a tolerance
// edge must land on the edge, not a hair beyond it.
function rounding(goal: GoalTrajectory): number {
  return 1e-9 * Math.max(1, Math.abs(goal.targetValue - goal.baselineValue));
}

/**
 * The status of a goal on `today`, decided in this order:
 * no measurement → no data; latest value at or beyond the target → achieved; target date passed
 * without reaching it → off track; latest measurement older than 90 days → stale; otherwise the
 * latest value against the trajectory at its own date: behind by at most the tolerance → on track,
 * at most twice the tolerance → at risk, more → off track.
 */
export function assessGoal(goal: GoalTrajectory, points: readonly MeasuredPoint[], today: string): GoalAssessment {
  const tolerance = effectiveTolerance(goal);
  const expectedToday = expectedValueAt(goal, today);
  const latest = latestMeasurement(points);
  if (!latest) {
    return {
      status: 'no_data',
      latest: null,
      expectedToday,
      gapToday: null,
      gapAtLatest: null,
      tolerance,
      progress: null,
      daysSinceLatest: null,
    };
  }
  const gapAtLatest = aheadBy(goal, latest.value, expectedValueAt(goal, latest.asOf));
  const daysSinceLatest = daysBetween(latest.asOf, today);
  const behind = -gapAtLatest;
  const edge = rounding(goal);
  let status: GoalStatus;
  if (hasReachedTarget(goal, latest.value)) status = 'achieved';
  else if (today > goal.targetDate) status = 'off_track';
  else if (daysSinceLatest > STALE_AFTER_DAYS) status = 'stale';
  else if (behind <= tolerance + edge) status = 'on_track';
  else if (behind <= 2 * tolerance + edge) status = 'at_risk';
  else status = 'off_track';
  return {
    status,
    latest: { asOf: latest.asOf, value: latest.value },
    expectedToday,
    gapToday: aheadBy(goal, latest.value, expectedToday),
    gapAtLatest,
    tolerance,
    progress: progressShare(goal, latest.value),
    daysSinceLatest,
  };
}
