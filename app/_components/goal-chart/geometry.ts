import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, line } from 'd3-shape';
import { addDays, daysBetween, parseIsoDate } from '@/server/domain/dates';
import type { GoalDirection } from '@/common/enums';

// Where everything in a goal chart goes, computed from plain data with d3 scales and shapes.
// Pure and synchronous: the chart renders on the server (and in print) without JavaScript.

export type ChartGoal = {
  direction: GoalDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  /** The effective tolerance (the default already applied). */
  tolerance: number;
  /** What the unit allows (0 for shares and quantities, 100 for shares), so nothing is drawn beyond it. */
  floor?: number;
  ceiling?: number;
};

export type ChartPoint = { asOf: string; value: number };

export type ChartSize = {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xTicks: number;
  yTicks: number;
};

export const WIDE: ChartSize = { width: 720, height: 280, margin: { top: 24, right: 28, bottom: 30, left: 56 }, xTicks: 6, yTicks: 5 };
export const NARROW: ChartSize = { width: 360, height: 240, margin: { top: 24, right: 18, bottom: 30, left: 48 }, xTicks: 3, yTicks: 4 };
export const SPARK: ChartSize = { width: 240, height: 64, margin: { top: 6, right: 8, bottom: 6, left: 6 }, xTicks: 0, yTicks: 0 };

export type PlacedPoint = ChartPoint & { x: number; y: number; tip: { x: number; y: number; width: number; height: number } };

export type ChartGeometry = {
  size: ChartSize;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; date: Date }[];
  yTicks: { y: number; value: number }[];
  trajectory: string;
  band: string;
  measured: string;
  points: PlacedPoint[];
  baseline: { x: number; y: number };
  target: { x: number; y: number };
  today: { x: number } | null;
};

const TIP = { width: 132, height: 40, gap: 10 };

// Coordinates are written with one decimal: finer is invisible, and every digit is sent twice (HTML and RSC payload).
const tenth = (v: number) => Math.round(v * 10) / 10;

/** Scales and shapes for one goal at one size. */
export function buildGoalChart(goal: ChartGoal, points: readonly ChartPoint[], today: string, size: ChartSize): ChartGeometry {
  const { width, height, margin } = size;
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };

  // Time: from the baseline (or an earlier measurement) to the target date or today, whichever is later.
  const dates = [goal.baselineDate, goal.targetDate, today, ...points.map((p) => p.asOf)].sort();
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const pad = Math.max(7, Math.round(daysBetween(first, last) * 0.02));
  const x = scaleUtc()
    .domain([parseIsoDate(addDays(first, -pad)), parseIsoDate(addDays(last, pad))])
    .range([plot.left, plot.right]);

  // Values: baseline, target, every measurement and the tolerance band, with room to breathe.
  const behind = goal.direction === 'raise' ? -goal.tolerance : goal.tolerance;
  const values = [goal.baselineValue, goal.targetValue, goal.baselineValue + behind, ...points.map((p) => p.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const headroom = (high - low) * 0.08 || 1;
  const bounded = (v: number) => Math.min(Math.max(v, goal.floor ?? -Infinity), goal.ceiling ?? Infinity);
  const y = scaleLinear()
    .domain([bounded(low - headroom), bounded(high + headroom)])
    .range([plot.bottom, plot.top])
    .nice(size.yTicks || 4);

  const at = (date: string) => x(parseIsoDate(date));
  const trajectoryEnds: [string, number][] = [
    [goal.baselineDate, goal.baselineValue],
    [goal.targetDate, goal.targetValue],
  ];
  const trajectory = line<[string, number]>()
    .digits(1)
    .x(([d]) => at(d))
    .y(([, v]) => y(v))(trajectoryEnds)!;
  // The band between the trajectory and one tolerance behind it: anything above (raise) or below (lower)
  // is on track. Its outer edge stops at what the unit allows (no band below 0 %), with a corner where it meets that bound.
  const [b, tg] = trajectoryEnds.map(([d, v]) => ({ x: at(d), v }));
  const edgeAt = (s: number) => b!.v + behind + (tg!.v - b!.v) * s;
  const crossings = [goal.floor, goal.ceiling]
    .filter((bound): bound is number => bound !== undefined)
    .map((bound) => (bound - edgeAt(0)) / (edgeAt(1) - edgeAt(0)))
    .filter((s) => s > 0 && s < 1);
  const stops = [0, ...crossings, 1].sort((p, q) => p - q);
  const band = area<number>()
    .digits(1)
    .x((s) => b!.x + (tg!.x - b!.x) * s)
    .y0((s) => y(b!.v + (tg!.v - b!.v) * s))
    .y1((s) => y(bounded(edgeAt(s))))(stops)!;
  const measured =
    points.length > 1
      ? line<ChartPoint>()
          .digits(1)
          .x((p) => at(p.asOf))
          .y((p) => y(p.value))(points)!
      : '';

  const placed = points.map((p) => {
    const px = tenth(at(p.asOf));
    const py = tenth(y(p.value));
    const tipX = Math.min(Math.max(px - TIP.width / 2, plot.left - margin.left + 2), width - TIP.width - 2);
    const above = py - TIP.gap - TIP.height;
    const tipY = above >= 2 ? above : py + TIP.gap;
    return { ...p, x: px, y: py, tip: { x: tenth(tipX), y: tenth(tipY), width: TIP.width, height: TIP.height } };
  });

  const todayX = at(today);
  return {
    size,
    plot,
    xTicks: size.xTicks ? x.ticks(size.xTicks).map((date) => ({ x: tenth(x(date)), date })) : [],
    yTicks: size.yTicks ? y.ticks(size.yTicks).map((value) => ({ y: tenth(y(value)), value })) : [],
    trajectory,
    band,
    measured,
    points: placed,
    baseline: { x: tenth(at(goal.baselineDate)), y: tenth(y(goal.baselineValue)) },
    target: { x: tenth(at(goal.targetDate)), y: tenth(y(goal.targetValue)) },
    today: todayX >= plot.left && todayX <= plot.right ? { x: tenth(todayX) } : null,
  };
}
