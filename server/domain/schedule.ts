// Schedule logic over milestones and their finish-to-start dependencies. Pure: no I/O.
//
// Dates are inclusive calendar days (a milestone from 1 March to 1 March lasts one day), so a
// successor of a dependency with lag L may start at the earliest L + 1 days after its predecessor's
// finish: with no lag, the day after. docs/decisions/009-schedule-semantics.md explains why.

import type { MilestoneStatus } from '@/common/enums';
import { addDays, daysBetween } from './dates';

export type ScheduledMilestone = {
  id: number;
  start: string;
  finish: string;
  status: MilestoneStatus;
  actualStart: string | null;
};

export type Dependency = { predecessorId: number; successorId: number; lagDays: number };

/** Done or cancelled milestones are history: they neither move nor raise conflicts. */
export function isSettled(m: Pick<ScheduledMilestone, 'status'>): boolean {
  return m.status === 'done' || m.status === 'cancelled';
}

/** A milestone the planner may still move: not settled and not yet started. */
export function isMovable(m: ScheduledMilestone): boolean {
  return !isSettled(m) && m.actualStart === null;
}

/** The earliest start a dependency allows its successor, given the predecessor's finish. */
export function earliestStartAfter(predecessorFinish: string, lagDays: number): string {
  return addDays(predecessorFinish, lagDays + 1);
}

/** Inclusive length in days (at least 1). */
export function durationDays(start: string, finish: string): number {
  return Math.max(1, daysBetween(start, finish) + 1);
}

/**
 * The cycle that adding `candidate` would close, as the ids along it from the predecessor back to
 * itself (e.g. [A, B, C, A] for a new dependency A → B when B → C → A exists), or null if none.
 */
export function cycleClosedBy(dependencies: readonly Dependency[], candidate: Pick<Dependency, 'predecessorId' | 'successorId'>) {
  const { predecessorId, successorId } = candidate;
  if (predecessorId === successorId) return [predecessorId, predecessorId];
  const successors = successorsMap(dependencies);
  // Breadth-first from the new successor: reaching the new predecessor means a cycle.
  const cameFrom = new Map<number, number>([[successorId, successorId]]);
  const queue = [successorId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === predecessorId) {
      const path = [current];
      let step = current;
      while (step !== successorId) {
        step = cameFrom.get(step)!;
        path.push(step);
      }
      path.reverse(); // successor … predecessor
      return [predecessorId, ...path];
    }
    for (const next of successors.get(current) ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

/** Any cycle in a dependency graph (as ids, first id repeated at the end), or null. */
export function findCycle(ids: readonly number[], dependencies: readonly Dependency[]): number[] | null {
  const successors = successorsMap(dependencies);
  const state = new Map<number, 'open' | 'done'>();
  const stack: number[] = [];
  const visit = (id: number): number[] | null => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of successors.get(id) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of ids) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return null;
}

/** Ids in an order where every predecessor comes before its successors (Kahn); throws on a cycle. */
export function topologicalOrder(ids: readonly number[], dependencies: readonly Dependency[]): number[] {
  const known = new Set(ids);
  const indegree = new Map(ids.map((id) => [id, 0]));
  const successors = new Map<number, number[]>();
  for (const d of dependencies) {
    if (!known.has(d.predecessorId) || !known.has(d.successorId)) continue;
    indegree.set(d.successorId, (indegree.get(d.successorId) ?? 0) + 1);
    (successors.get(d.predecessorId) ?? successors.set(d.predecessorId, []).get(d.predecessorId)!).push(d.successorId);
  }
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const order: number[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const next of successors.get(id) ?? []) {
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length !== ids.length) throw new Error('dependency graph has a cycle');
  return order;
}

export type DependencyConflict = Dependency & {
  /** The earliest start the dependency allows. */
  requiredStart: string;
  /** How many days too early the successor now starts. */
  daysEarly: number;
};

/**
 * Dependencies whose successor is planned to start before its predecessor's forecast finish plus
 * lag. A successor that is settled or has already started is a fact, not a plan, and is not flagged;
 * nor is a cancelled predecessor, which no longer holds anything up.
 */
export function dependencyConflicts(milestones: readonly ScheduledMilestone[], dependencies: readonly Dependency[]): DependencyConflict[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const conflicts: DependencyConflict[] = [];
  for (const d of dependencies) {
    const pred = byId.get(d.predecessorId);
    const succ = byId.get(d.successorId);
    if (!pred || !succ || pred.status === 'cancelled' || !isMovable(succ)) continue;
    // Counted in days first; the date itself is only written out for an actual conflict.
    const daysEarly = daysBetween(succ.start, pred.finish) + d.lagDays + 1;
    if (daysEarly > 0) conflicts.push({ ...d, requiredStart: earliestStartAfter(pred.finish, d.lagDays), daysEarly });
  }
  return conflicts;
}

export type Reschedule = { id: number; from: { start: string; finish: string }; to: { start: string; finish: string }; shiftDays: number };

/**
 * Moves successors later until every dependency holds, keeping each milestone's duration.
 * Only movable milestones move, and only later (nothing is pulled in). With `fromId`, only the
 * milestones downstream of it are considered. Returns the moves, in dependency order.
 */
export function rescheduleSuccessors(
  milestones: readonly ScheduledMilestone[],
  dependencies: readonly Dependency[],
  fromId: number | null = null,
): Reschedule[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const live = dependencies.filter((d) => byId.has(d.predecessorId) && byId.has(d.successorId));
  const order = topologicalOrder(
    milestones.map((m) => m.id),
    live,
  );
  const inScope = fromId === null ? null : downstreamOf(fromId, live);
  const predecessors = new Map<number, Dependency[]>();
  for (const d of live) (predecessors.get(d.successorId) ?? predecessors.set(d.successorId, []).get(d.successorId)!).push(d);

  const planned = new Map(milestones.map((m) => [m.id, { start: m.start, finish: m.finish }]));
  const moves: Reschedule[] = [];
  for (const id of order) {
    const m = byId.get(id)!;
    if (!isMovable(m) || (inScope && !inScope.has(id))) continue;
    let required: string | null = null;
    for (const d of predecessors.get(id) ?? []) {
      const pred = byId.get(d.predecessorId)!;
      if (pred.status === 'cancelled') continue;
      const candidate = earliestStartAfter(planned.get(d.predecessorId)!.finish, d.lagDays);
      if (required === null || candidate > required) required = candidate;
    }
    if (required === null || required <= m.start) continue;
    const shiftDays = daysBetween(m.start, required);
    const to = { start: required, finish: addDays(m.finish, shiftDays) };
    planned.set(id, to);
    moves.push({ id, from: { start: m.start, finish: m.finish }, to, shiftDays });
  }
  return moves;
}

/** Every milestone reachable from `id` through successors (not including `id` itself). */
export function downstreamOf(id: number, dependencies: readonly Dependency[]): Set<number> {
  const successors = successorsMap(dependencies);
  const seen = new Set<number>();
  const queue = [id];
  while (queue.length > 0) {
    for (const next of successors.get(queue.shift()!) ?? []) {
      if (!seen.has(next) && next !== id) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function successorsMap(dependencies: readonly Dependency[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const d of dependencies) (map.get(d.predecessorId) ?? map.set(d.predecessorId, []).get(d.predecessorId)!).push(d.successorId);
  return map;
}

/** Slippage of one milestone: forecast finish − baseline finish, in days (positive = later than planned). */
export function slippageDays(forecastFinish: string, baselineFinish: string | null | undefined): number | null {
  return baselineFinish ? daysBetween(baselineFinish, forecastFinish) : null;
}

export type LabSlippage = {
  /** How far the lab's last forecast finish moved from the baseline's last finish. */
  endSlipDays: number | null;
  /** The largest slip of any single milestone. */
  maxSlipDays: number | null;
  /** Milestones finishing later than the baseline says. */
  slippedCount: number;
  /** Milestones that are in the baseline (and not cancelled), so could be compared. */
  comparedCount: number;
};

/** Slippage of a lab against one baseline; milestones added after it, or cancelled, are left out. */
export function labSlippage(
  milestones: readonly { id: number; finish: string; status: MilestoneStatus }[],
  baseline: ReadonlyMap<number, { finish: string }>,
): LabSlippage {
  let lastForecast: string | null = null;
  let lastBaseline: string | null = null;
  let maxSlipDays: number | null = null;
  let slippedCount = 0;
  let comparedCount = 0;
  for (const m of milestones) {
    const planned = baseline.get(m.id);
    if (!planned || m.status === 'cancelled') continue;
    comparedCount += 1;
    const slip = daysBetween(planned.finish, m.finish);
    if (slip > 0) slippedCount += 1;
    if (maxSlipDays === null || slip > maxSlipDays) maxSlipDays = slip;
    if (lastForecast === null || m.finish > lastForecast) lastForecast = m.finish;
    if (lastBaseline === null || planned.finish > lastBaseline) lastBaseline = planned.finish;
  }
  return {
    endSlipDays: lastForecast && lastBaseline ? daysBetween(lastBaseline, lastForecast) : null,
    maxSlipDays,
    slippedCount,
    comparedCount,
  };
}

/** Late: the forecast finish has passed and the milestone is neither done nor cancelled. */
export function isLate(m: { finish: string; status: MilestoneStatus }, today: string): boolean {
  return !isSettled(m) && m.finish < today;
}
