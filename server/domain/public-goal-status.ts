import type { GoalDirection } from './enums';
import { daysBetween } from './dates';

// The status a public fact sheet shows for a goal, following the product rule: achieved when the
// target is reached in the goal's direction; otherwise the latest measurement against the straight
// trajectory from baseline to target on its date (within the tolerance: on track; within twice:
// at risk; beyond: off track); stale when the latest measurement is older than 90 days; no data
// when there is none. The goals issue owns the full version of this rule; this one must agree with it.

export const PUBLIC_GOAL_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'stale', 'no_data'] as const;
export type PublicGoalStatus = (typeof PUBLIC_GOAL_STATUSES)[number];

export const STALE_AFTER_DAYS = 90;

export type GoalLine = {
  direction: GoalDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  tolerance: number | null;
};

export type Reading = { value: number; asOf: string };

/** The value the straight line from baseline to target expects on a date (flat before and after). */
export function trajectoryValueAt(goal: GoalLine, date: string): number {
  const span = daysBetween(goal.baselineDate, goal.targetDate);
  const elapsed = Math.min(Math.max(daysBetween(goal.baselineDate, date), 0), span);
  return goal.baselineValue + ((goal.targetValue - goal.baselineValue) * elapsed) / span;
}

export function toleranceOf(goal: GoalLine): number {
  return goal.tolerance ?? Math.abs(goal.targetValue - goal.baselineValue) * 0.1;
}

/** How far along the way from baseline to target a value is, from 0 to 1. */
export function shareOfTheWay(goal: GoalLine, value: number): number {
  const share = (value - goal.baselineValue) / (goal.targetValue - goal.baselineValue);
  return Math.min(Math.max(share, 0), 1);
}

export function publicGoalStatus(goal: GoalLine, latest: Reading | undefined, today: string): PublicGoalStatus {
  if (!latest) return 'no_data';
  const reached = goal.direction === 'raise' ? latest.value >= goal.targetValue : latest.value <= goal.targetValue;
  if (reached) return 'achieved';
  if (daysBetween(latest.asOf, today) > STALE_AFTER_DAYS) return 'stale';
  const expected = trajectoryValueAt(goal, latest.asOf);
  // Positive when the measurement is behind the trajectory, in the goal's direction.
  const behind = goal.direction === 'raise' ? expected - latest.value : latest.value - expected;
  const tolerance = toleranceOf(goal);
  // A hair of slack so a value exactly on a tolerance edge is not pushed over it by rounding.
  const epsilon = 1e-9 * Math.max(1, Math.abs(goal.targetValue));
  if (behind <= tolerance + epsilon) return 'on_track';
  if (behind <= 2 * tolerance + epsilon) return 'at_risk';
  return 'off_track';
}
