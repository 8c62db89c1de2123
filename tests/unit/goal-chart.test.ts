import { describe, expect, it } from 'vitest';
import { buildGoalChart, WIDE, type ChartGoal } from '@/app/_components/goal-chart/geometry';
import { formatMeasure } from '@/app/_components/goal-chart/format';

const share: ChartGoal = {
  direction: 'raise',
  baselineValue: 0,
  baselineDate: '2025-01-01',
  targetValue: 20,
  targetDate: '2027-01-01',
  tolerance: 2,
  floor: 0,
  ceiling: 100,
};

/** The numbers in an SVG path, as [x, y] pairs. */
function vertices(path: string): [number, number][] {
  const numbers = path.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
  return numbers.flatMap((_, i) => (i % 2 === 0 ? [[numbers[i]!, numbers[i + 1]!] as [number, number]] : []));
}

describe('goal chart geometry', () => {
  const points = [
    { asOf: '2025-06-01', value: 3 },
    { asOf: '2026-01-01', value: 8 },
  ];
  const g = buildGoalChart(share, points, '2026-03-01', WIDE);

  it('draws the trajectory from the baseline point to the target point', () => {
    const [start, end] = vertices(g.trajectory);
    // d3 writes paths with three decimals.
    expect(start![0]).toBeCloseTo(g.baseline.x, 2);
    expect(start![1]).toBeCloseTo(g.baseline.y, 2);
    expect(end![0]).toBeCloseTo(g.target.x, 2);
    expect(end![1]).toBeCloseTo(g.target.y, 2);
    expect(g.target.y).toBeLessThan(g.baseline.y); // higher value, higher on the page
  });

  it('places every measurement inside the plot, in date order, with its tooltip inside the drawing', () => {
    expect(g.points.map((p) => p.value)).toEqual([3, 8]);
    expect(g.points[0]!.x).toBeLessThan(g.points[1]!.x);
    for (const p of g.points) {
      expect(p.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(p.x).toBeLessThanOrEqual(g.plot.right);
      expect(p.tip.x).toBeGreaterThanOrEqual(0);
      expect(p.tip.x + p.tip.width).toBeLessThanOrEqual(WIDE.width);
      expect(p.tip.y).toBeGreaterThanOrEqual(0);
    }
  });

  it('puts the today line between baseline and target when today lies between them', () => {
    expect(g.today!.x).toBeGreaterThan(g.baseline.x);
    expect(g.today!.x).toBeLessThan(g.target.x);
  });

  it('never draws the tolerance band or the axis below what the unit allows (0 %)', () => {
    const zero = g.yTicks.find((t) => t.value === 0)!;
    expect(g.yTicks[0]!.value).toBe(0);
    for (const [, y] of vertices(g.band)) expect(y).toBeLessThanOrEqual(zero.y + 0.001);
    // Without the floor the band would reach below zero at the baseline.
    const unbounded = buildGoalChart({ ...share, floor: undefined }, points, '2026-03-01', WIDE);
    expect(unbounded.yTicks[0]!.value).toBeLessThan(0);
  });

  it('widens the time axis to a measurement taken after the target date', () => {
    const late = buildGoalChart(share, [{ asOf: '2027-06-01', value: 19 }], '2027-07-01', WIDE);
    expect(late.points[0]!.x).toBeGreaterThan(late.target.x);
    expect(late.points[0]!.x).toBeLessThanOrEqual(late.plot.right);
  });
});

describe('goal values', () => {
  it('are written with their unit in the reader’s number format', () => {
    expect(formatMeasure('en', 21.2, '%')).toBe('21.2%');
    expect(formatMeasure('en', 1640, 'kg CO₂e/t')).toBe('1,640 kg CO₂e/t');
    expect(formatMeasure('zh-CN', 1640.5, '吨')).toBe('1,640.5 吨');
    expect(formatMeasure('en', 3, '')).toBe('3');
  });
});
