import { describe, expect, it } from 'vitest';
import { publicGoalStatus, shareOfTheWay, trajectoryValueAt, type GoalLine } from '../../server/domain/public-goal-status';

// From 10 to 30 over 200 days: the trajectory rises by 0.1 a day; the default tolerance is 2.
const raise: GoalLine = {
  direction: 'raise',
  baselineValue: 10,
  baselineDate: '2026-01-01',
  targetValue: 30,
  targetDate: '2026-07-20',
  tolerance: null,
};
// From 2000 down to 1400 over 200 days, with an explicit tolerance of 50.
const lower: GoalLine = {
  direction: 'lower',
  baselineValue: 2000,
  baselineDate: '2026-01-01',
  targetValue: 1400,
  targetDate: '2026-07-20',
  tolerance: 50,
};

describe('trajectoryValueAt', () => {
  it('is a straight line from baseline to target, flat outside it', () => {
    expect(trajectoryValueAt(raise, '2026-01-01')).toBe(10);
    expect(trajectoryValueAt(raise, '2026-04-11')).toBeCloseTo(20);
    expect(trajectoryValueAt(raise, '2026-07-20')).toBe(30);
    expect(trajectoryValueAt(raise, '2025-06-01')).toBe(10);
    expect(trajectoryValueAt(raise, '2027-01-01')).toBe(30);
  });
});

describe('publicGoalStatus', () => {
  const today = '2026-04-20';
  it('has no data before the first measurement', () => {
    expect(publicGoalStatus(raise, undefined, today)).toBe('no_data');
  });

  it('is on track exactly on the trajectory and up to the tolerance behind it', () => {
    expect(publicGoalStatus(raise, { value: 20, asOf: '2026-04-11' }, today)).toBe('on_track');
    expect(publicGoalStatus(raise, { value: 18, asOf: '2026-04-11' }, today)).toBe('on_track');
  });

  it('is at risk up to twice the tolerance behind, and off track beyond', () => {
    expect(publicGoalStatus(raise, { value: 17.9, asOf: '2026-04-11' }, today)).toBe('at_risk');
    expect(publicGoalStatus(raise, { value: 16, asOf: '2026-04-11' }, today)).toBe('at_risk');
    expect(publicGoalStatus(raise, { value: 15.9, asOf: '2026-04-11' }, today)).toBe('off_track');
  });

  it('reads "behind" in the goal’s direction for goals that lower a value', () => {
    // Expected 1700 on 2026-04-11 (halfway).
    expect(publicGoalStatus(lower, { value: 1650, asOf: '2026-04-11' }, today)).toBe('on_track');
    expect(publicGoalStatus(lower, { value: 1750, asOf: '2026-04-11' }, today)).toBe('on_track');
    expect(publicGoalStatus(lower, { value: 1790, asOf: '2026-04-11' }, today)).toBe('at_risk');
    expect(publicGoalStatus(lower, { value: 1801, asOf: '2026-04-11' }, today)).toBe('off_track');
  });

  it('is achieved when the target is reached early, in either direction', () => {
    expect(publicGoalStatus(raise, { value: 31, asOf: '2026-02-01' }, today)).toBe('achieved');
    expect(publicGoalStatus(lower, { value: 1390, asOf: '2026-02-01' }, today)).toBe('achieved');
  });

  it('compares with the target itself after the target date', () => {
    expect(publicGoalStatus(raise, { value: 29, asOf: '2026-09-01' }, '2026-09-10')).toBe('on_track');
    expect(publicGoalStatus(raise, { value: 25, asOf: '2026-09-01' }, '2026-09-10')).toBe('off_track');
  });

  it('is stale when the latest measurement is more than 90 days old', () => {
    expect(publicGoalStatus(raise, { value: 20, asOf: '2026-01-10' }, '2026-04-10')).toBe('on_track');
    expect(publicGoalStatus(raise, { value: 20, asOf: '2026-01-10' }, '2026-04-11')).toBe('stale');
  });
});

describe('shareOfTheWay', () => {
  it('is the share of the distance from baseline to target, between 0 and 1', () => {
    expect(shareOfTheWay(raise, 15)).toBeCloseTo(0.25);
    expect(shareOfTheWay(lower, 1700)).toBeCloseTo(0.5);
    expect(shareOfTheWay(raise, 5)).toBe(0);
    expect(shareOfTheWay(raise, 40)).toBe(1);
  });
});
