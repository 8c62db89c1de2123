import type { Health } from '@/common/enums';

// The health trend of a status report: the health each progress update reported, held until the
// next update, across the report's period. Pure geometry in fractions of the period (0 = start,
// 1 = end), so the page can draw it at any width and in print.

export type HealthPoint = { at: Date; health: Health };

export type HealthStep = { health: Health; start: number; end: number };

/**
 * Steps of constant health across the period. The first step carries the health of the last
 * update before the period (if any) until the first update in it; periods with no known health
 * at their start begin at the first update.
 */
export function healthSteps(start: Date, end: Date, before: Health | null, points: readonly HealthPoint[]): HealthStep[] {
  const span = end.getTime() - start.getTime();
  const position = (at: Date) => Math.min(Math.max((at.getTime() - start.getTime()) / span, 0), 1);
  const ordered = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  const steps: HealthStep[] = [];
  let current: { health: Health; start: number } | null = before ? { health: before, start: 0 } : null;
  for (const point of ordered) {
    const x = position(point.at);
    if (current && current.health === point.health) continue;
    if (current && x > current.start) steps.push({ ...current, end: x });
    current = { health: point.health, start: x };
  }
  if (current) steps.push({ ...current, end: 1 });
  return steps;
}

export function fractionOf(start: Date, end: Date, at: Date): number {
  return Math.min(Math.max((at.getTime() - start.getTime()) / (end.getTime() - start.getTime()), 0), 1);
}

/** How many updates reported each health. */
export function healthCounts(points: readonly HealthPoint[]): Record<Health, number> {
  const counts: Record<Health, number> = { on_track: 0, at_risk: 0, off_track: 0 };
  for (const p of points) counts[p.health] += 1;
  return counts;
}
