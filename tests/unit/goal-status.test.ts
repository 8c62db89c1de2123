import { describe, expect, it } from 'vitest';
import { addDays } from '@/server/domain/dates';
import { assessGoal, effectiveTolerance, expectedValueAt, latestMeasurement, type GoalTrajectory } from '@/server/domain/goal-status';
import { valueFitsUnit } from '@/server/domain/goal-units';

// Hand-checked goals. Day n means n days after 2025-01-01.
const day = (n: number) => addDays('2025-01-01', n);

/** Raise a share from 20 % to 70 % in 100 days: 0.5 points a day; default tolerance 10 % of 50 = 5. */
const raise: GoalTrajectory = {
  direction: 'raise',
  baselineValue: 20,
  baselineDate: '2025-01-01',
  targetValue: 70,
  targetDate: '2025-04-11',
  tolerance: null,
};

/** Lower CO2 from 2000 to 1400 kg/t in 300 days: 2 kg a day; default tolerance 10 % of 600 = 60. */
const lower: GoalTrajectory = {
  direction: 'lower',
  baselineValue: 2000,
  baselineDate: '2025-01-01',
  targetValue: 1400,
  targetDate: '2025-10-28',
  tolerance: null,
};

const at = (n: number, value: number) => ({ asOf: day(n), value });

describe('the trajectory', () => {
  it('runs straight from baseline to target and stays flat outside them', () => {
    expect(day(50)).toBe('2025-02-20');
    expect(day(100)).toBe(raise.targetDate);
    expect(expectedValueAt(raise, day(0))).toBe(20);
    expect(expectedValueAt(raise, day(50))).toBe(45);
    expect(expectedValueAt(raise, day(100))).toBe(70);
    expect(expectedValueAt(raise, day(-10))).toBe(20);
    expect(expectedValueAt(raise, day(150))).toBe(70);
    expect(expectedValueAt(lower, day(100))).toBe(1800);
  });

  it('takes 10 % of the baseline-to-target range as tolerance unless one is set', () => {
    expect(effectiveTolerance(raise)).toBe(5);
    expect(effectiveTolerance(lower)).toBe(60);
    expect(effectiveTolerance({ ...raise, tolerance: 2 })).toBe(2);
  });
});

describe('goal status, raising a value', () => {
  it('has no data before the first measurement, but still knows the expected value today', () => {
    const a = assessGoal(raise, [], day(50));
    expect(a).toMatchObject({ status: 'no_data', latest: null, expectedToday: 45, gapToday: null, progress: null });
  });

  it('is on track exactly on the trajectory, with no gap', () => {
    const a = assessGoal(raise, [at(50, 45)], day(50));
    expect(a).toMatchObject({ status: 'on_track', expectedToday: 45, gapToday: 0, gapAtLatest: 0, progress: 0.5 });
  });

  it('is on track at a baseline measurement on the baseline date', () => {
    expect(assessGoal(raise, [at(0, 20)], day(0)).status).toBe('on_track');
  });

  it('is on track behind by exactly the tolerance, at risk just beyond it', () => {
    expect(assessGoal(raise, [at(50, 40)], day(50)).status).toBe('on_track');
    expect(assessGoal(raise, [at(50, 39.99)], day(50)).status).toBe('at_risk');
  });

  it('is at risk behind by exactly twice the tolerance, off track just beyond it', () => {
    expect(assessGoal(raise, [at(50, 35)], day(50)).status).toBe('at_risk');
    expect(assessGoal(raise, [at(50, 34.99)], day(50)).status).toBe('off_track');
    expect(assessGoal(raise, [at(50, 21)], day(50)).status).toBe('off_track');
  });

  it('lands on the edge despite floating-point rounding (8 % → 30 %, 2.2 points behind)', () => {
    const share = { ...raise, baselineValue: 8, targetValue: 30 };
    // Expected at day 20: 8 + 22 × 0.2 = 12.4; tolerance 2.2. In floating point 12.4 − 10.2 is 2.200000000000001.
    expect(assessGoal(share, [at(20, 10.2)], day(20)).status).toBe('on_track');
    expect(assessGoal(share, [at(20, 10.19)], day(20)).status).toBe('at_risk');
    expect(assessGoal(share, [at(20, 8)], day(20)).status).toBe('at_risk');
    expect(assessGoal(share, [at(20, 7.99)], day(20)).status).toBe('off_track');
  });

  it('never counts being ahead against a goal', () => {
    expect(assessGoal(raise, [at(50, 60)], day(50))).toMatchObject({ status: 'on_track', gapToday: 15 });
  });

  it('uses an explicit tolerance instead of the default', () => {
    const strict = { ...raise, tolerance: 2 };
    expect(assessGoal(strict, [at(50, 43)], day(50)).status).toBe('on_track');
    expect(assessGoal(strict, [at(50, 42.9)], day(50)).status).toBe('at_risk');
    expect(assessGoal(strict, [at(50, 40.9)], day(50)).status).toBe('off_track');
  });

  it('is achieved when the target is reached early, or passed', () => {
    expect(assessGoal(raise, [at(50, 70)], day(50)).status).toBe('achieved');
    expect(assessGoal(raise, [at(50, 75)], day(60)).status).toBe('achieved');
  });

  it('is off track once the target date has passed without reaching the target, however close', () => {
    // On day 99 the value is only 0.5 behind the trajectory: on track then, missed the day after the target date.
    expect(assessGoal(raise, [at(99, 69)], day(100)).status).toBe('on_track');
    expect(assessGoal(raise, [at(99, 69)], day(101)).status).toBe('off_track');
    expect(assessGoal(raise, [at(99, 69), at(120, 72)], day(121)).status).toBe('achieved');
  });

  it('judges the latest measurement on its own date, and reports the gap to today’s expected value', () => {
    const a = assessGoal(raise, [at(10, 15), at(40, 40)], day(50));
    expect(a).toMatchObject({
      status: 'on_track',
      latest: { asOf: day(40), value: 40 },
      gapAtLatest: 0,
      gapToday: -5,
      daysSinceLatest: 10,
    });
  });

  it('goes by the latest measurement, not the last one entered', () => {
    const a = assessGoal(raise, [at(40, 40), at(10, 5)], day(50));
    expect(a.latest).toEqual({ asOf: day(40), value: 40 });
    expect(a.status).toBe('on_track');
  });
});

describe('goal status, lowering a value', () => {
  it('is on track on the trajectory and when ahead (lower than expected)', () => {
    expect(assessGoal(lower, [at(100, 1800)], day(100))).toMatchObject({ status: 'on_track', gapToday: 0 });
    expect(assessGoal(lower, [at(100, 1700)], day(100))).toMatchObject({ status: 'on_track', gapToday: 100 });
  });

  it('is on track 60 above the trajectory, at risk up to 120 above, off track beyond', () => {
    expect(assessGoal(lower, [at(100, 1860)], day(100)).status).toBe('on_track');
    expect(assessGoal(lower, [at(100, 1861)], day(100)).status).toBe('at_risk');
    expect(assessGoal(lower, [at(100, 1920)], day(100)).status).toBe('at_risk');
    expect(assessGoal(lower, [at(100, 1921)], day(100))).toMatchObject({ status: 'off_track', gapToday: -121 });
  });

  it('is achieved at or below the target', () => {
    expect(assessGoal(lower, [at(100, 1400)], day(100)).status).toBe('achieved');
    expect(assessGoal(lower, [at(100, 1390)], day(100)).status).toBe('achieved');
  });

  it('counts progress from baseline towards target', () => {
    expect(assessGoal(lower, [at(100, 1700)], day(100)).progress).toBe(0.5);
  });
});

describe('stale data', () => {
  const long = { ...raise, targetDate: day(365), targetValue: 385 }; // 1 point a day

  it('is judged normally at 90 days old and stale after that', () => {
    // On the trajectory when measured, so on track until it is too old to tell.
    expect(assessGoal(long, [at(0, 20)], day(90))).toMatchObject({ status: 'on_track', daysSinceLatest: 90 });
    expect(assessGoal(long, [at(0, 20)], day(91))).toMatchObject({ status: 'stale', daysSinceLatest: 91 });
  });

  it('still shows the latest value and its gap to today when stale', () => {
    const a = assessGoal(long, [at(0, 20)], day(100));
    expect(a).toMatchObject({ status: 'stale', latest: { asOf: day(0), value: 20 }, expectedToday: 120, gapToday: -100 });
  });

  it('stays achieved when the measurement that reached the target is old', () => {
    expect(assessGoal(raise, [at(50, 70)], day(100 + 200)).status).toBe('achieved');
  });
});

describe('the latest measurement', () => {
  it('is the last one given among several on the same day', () => {
    expect(latestMeasurement([at(5, 1), at(5, 2), at(3, 9)])).toEqual(at(5, 2));
    expect(latestMeasurement([])).toBeNull();
  });
});

describe('what each unit allows', () => {
  it('keeps a percentage within 0–100', () => {
    expect(valueFitsUnit('percent', 0)).toBe(true);
    expect(valueFitsUnit('percent', 100)).toBe(true);
    expect(valueFitsUnit('percent', 100.01)).toBe(false);
    expect(valueFitsUnit('percent', -0.1)).toBe(false);
  });

  it('refuses negative quantities and money, and anything not finite', () => {
    for (const unit of ['tonnes', 'units', 'count', 'cny', 'usd', 'kg_co2e_per_t'] as const) {
      expect(valueFitsUnit(unit, 0)).toBe(true);
      expect(valueFitsUnit(unit, 1e9)).toBe(true);
      expect(valueFitsUnit(unit, -1)).toBe(false);
    }
    expect(valueFitsUnit('other', -273.15)).toBe(true);
    expect(valueFitsUnit('other', Number.NaN)).toBe(false);
    expect(valueFitsUnit('other', Number.POSITIVE_INFINITY)).toBe(false);
  });
});
