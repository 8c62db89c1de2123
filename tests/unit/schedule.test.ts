import { describe, expect, it } from 'vitest';
import {
  cycleClosedBy,
  dependencyConflicts,
  findCycle,
  isLate,
  labSlippage,
  rescheduleSuccessors,
  slippageDays,
  type Dependency,
  type ScheduledMilestone,
} from '@/server/domain/schedule';
import { milestoneRuleViolations } from '@/server/domain/milestone-rules';

const dep = (predecessorId: number, successorId: number, lagDays = 0): Dependency => ({ predecessorId, successorId, lagDays });
const ms = (id: number, start: string, finish: string, extra: Partial<ScheduledMilestone> = {}): ScheduledMilestone => ({
  id,
  start,
  finish,
  status: 'not_started',
  actualStart: null,
  ...extra,
});

describe('cycle detection', () => {
  it('names the cycle a new dependency would close, starting from the new predecessor', () => {
    // 1 → 2 → 3 exists; adding 3 → 1 closes 3 → 1 → 2 → 3.
    expect(cycleClosedBy([dep(1, 2), dep(2, 3)], { predecessorId: 3, successorId: 1 })).toEqual([3, 1, 2, 3]);
  });

  it('finds the shortest way round when there are several', () => {
    const deps = [dep(1, 2), dep(2, 3), dep(3, 4), dep(1, 4)];
    expect(cycleClosedBy(deps, { predecessorId: 4, successorId: 1 })).toEqual([4, 1, 4]);
  });

  it('treats a milestone depending on itself as a cycle', () => {
    expect(cycleClosedBy([], { predecessorId: 5, successorId: 5 })).toEqual([5, 5]);
  });

  it('accepts dependencies that only join branches (a diamond is not a cycle)', () => {
    const deps = [dep(1, 2), dep(1, 3), dep(2, 4)];
    expect(cycleClosedBy(deps, { predecessorId: 3, successorId: 4 })).toBeNull();
    expect(cycleClosedBy(deps, { predecessorId: 1, successorId: 4 })).toBeNull();
  });

  it('finds an existing cycle in a whole graph', () => {
    expect(findCycle([1, 2, 3, 4], [dep(1, 2), dep(2, 3), dep(3, 4)])).toBeNull();
    expect(findCycle([1, 2, 3, 4], [dep(1, 2), dep(2, 3), dep(3, 2), dep(3, 4)])).toEqual([2, 3, 2]);
  });
});

describe('dependency conflicts', () => {
  it('flags a successor that starts before its predecessor’s finish plus lag', () => {
    // 1 finishes 10 Jan; with lag 0 the successor may start on 11 Jan; with lag 3, on 14 Jan.
    const plan = [ms(1, '2026-01-01', '2026-01-10'), ms(2, '2026-01-11', '2026-01-20'), ms(3, '2026-01-12', '2026-01-20')];
    expect(dependencyConflicts(plan, [dep(1, 2), dep(1, 3, 3)])).toEqual([{ ...dep(1, 3, 3), requiredStart: '2026-01-14', daysEarly: 2 }]);
  });

  it('does not flag successors that are done, cancelled or already started, nor cancelled predecessors', () => {
    const plan = [
      ms(1, '2026-01-01', '2026-01-31'),
      ms(2, '2026-01-05', '2026-02-10', { status: 'done' }),
      ms(3, '2026-01-05', '2026-02-10', { status: 'in_progress', actualStart: '2026-01-06' }),
      ms(4, '2026-01-05', '2026-02-10', { status: 'cancelled' }),
      ms(5, '2026-01-01', '2026-03-31', { status: 'cancelled' }),
      ms(6, '2026-02-01', '2026-02-10'),
    ];
    expect(dependencyConflicts(plan, [dep(1, 2), dep(1, 3), dep(1, 4), dep(5, 6)])).toEqual([]);
  });
});

describe('rescheduling successors', () => {
  it('moves every downstream milestone just far enough, keeping durations, in dependency order', () => {
    const plan = [
      ms(1, '2026-01-01', '2026-01-10'),
      ms(2, '2026-01-05', '2026-01-09'), // must start 11 Jan: +6
      ms(3, '2026-01-16', '2026-01-20'), // after 2 (now 15 Jan) with lag 2: 18 Jan, +2
      ms(4, '2026-03-01', '2026-03-05'), // after 3 (now 22 Jan): already fine
    ];
    expect(rescheduleSuccessors(plan, [dep(1, 2), dep(2, 3, 2), dep(3, 4)])).toEqual([
      { id: 2, from: { start: '2026-01-05', finish: '2026-01-09' }, to: { start: '2026-01-11', finish: '2026-01-15' }, shiftDays: 6 },
      { id: 3, from: { start: '2026-01-16', finish: '2026-01-20' }, to: { start: '2026-01-18', finish: '2026-01-22' }, shiftDays: 2 },
    ]);
  });

  it('takes the latest of several predecessors', () => {
    const plan = [ms(1, '2026-01-01', '2026-01-10'), ms(2, '2026-01-01', '2026-01-20'), ms(3, '2026-01-05', '2026-01-06')];
    expect(rescheduleSuccessors(plan, [dep(1, 3, 20), dep(2, 3)])).toEqual([
      { id: 3, from: { start: '2026-01-05', finish: '2026-01-06' }, to: { start: '2026-01-31', finish: '2026-02-01' }, shiftDays: 26 },
    ]);
  });

  it('never moves settled or started milestones, and never pulls anything earlier', () => {
    const plan = [
      ms(1, '2026-01-01', '2026-01-31'),
      ms(2, '2026-01-10', '2026-02-10', { status: 'in_progress', actualStart: '2026-01-10' }),
      ms(3, '2026-06-01', '2026-06-30'),
    ];
    expect(rescheduleSuccessors(plan, [dep(1, 2), dep(1, 3)])).toEqual([]);
  });

  it('limits the moves to what lies downstream of the chosen milestone', () => {
    const plan = [
      ms(1, '2026-01-01', '2026-01-10'),
      ms(2, '2026-01-05', '2026-01-09'),
      ms(3, '2026-01-01', '2026-01-10'),
      ms(4, '2026-01-02', '2026-01-03'),
    ];
    const deps = [dep(1, 2), dep(3, 4)];
    expect(rescheduleSuccessors(plan, deps, 3).map((m) => m.id)).toEqual([4]);
    expect(rescheduleSuccessors(plan, deps).map((m) => m.id)).toEqual([2, 4]);
  });
});

describe('slippage', () => {
  it('is forecast finish minus baseline finish, in days', () => {
    expect(slippageDays('2026-02-10', '2026-01-31')).toBe(10);
    expect(slippageDays('2026-01-25', '2026-01-31')).toBe(-6);
    expect(slippageDays('2026-01-25', null)).toBeNull();
  });

  it('sums up a lab: end slip, worst slip, how many slipped, leaving out new and cancelled milestones', () => {
    const baseline = new Map([
      [1, { finish: '2026-01-31' }],
      [2, { finish: '2026-03-31' }],
      [3, { finish: '2026-12-31' }],
    ]);
    const milestones = [
      { id: 1, finish: '2026-02-10', status: 'done' as const }, // +10
      { id: 2, finish: '2026-04-30', status: 'in_progress' as const }, // +30, the new end
      { id: 3, finish: '2027-06-30', status: 'cancelled' as const }, // left out
      { id: 4, finish: '2027-01-31', status: 'not_started' as const }, // not in the baseline
    ];
    // The baseline's last finish (of compared milestones) is 31 Mar; the forecast's is 30 Apr.
    expect(labSlippage(milestones, baseline)).toEqual({ endSlipDays: 30, maxSlipDays: 30, slippedCount: 2, comparedCount: 2 });
    expect(labSlippage(milestones, new Map())).toEqual({ endSlipDays: null, maxSlipDays: null, slippedCount: 0, comparedCount: 0 });
  });

  it('calls a milestone late when its finish has passed and it is not done or cancelled', () => {
    expect(isLate({ finish: '2026-01-31', status: 'in_progress' }, '2026-02-01')).toBe(true);
    expect(isLate({ finish: '2026-01-31', status: 'in_progress' }, '2026-01-31')).toBe(false);
    expect(isLate({ finish: '2026-01-31', status: 'done' }, '2026-02-01')).toBe(false);
  });
});

describe('milestone rules', () => {
  const ok = {
    forecastStart: '2026-01-01',
    forecastFinish: '2026-01-31',
    actualStart: null,
    actualFinish: null,
    status: 'not_started' as const,
    percentComplete: 0,
  };

  it('accepts a consistent milestone', () => {
    expect(milestoneRuleViolations(ok)).toEqual([]);
  });

  it('names the field for each broken rule', () => {
    expect(milestoneRuleViolations({ ...ok, forecastFinish: '2025-12-31' })).toEqual([
      { field: 'forecastFinish', key: 'validation.finishBeforeStart' },
    ]);
    expect(milestoneRuleViolations({ ...ok, actualStart: '2026-01-05', actualFinish: '2026-01-04' })).toEqual([
      { field: 'actualFinish', key: 'validation.finishBeforeStart' },
    ]);
    expect(milestoneRuleViolations({ ...ok, status: 'done', percentComplete: 80 })).toEqual([
      { field: 'actualFinish', key: 'validation.doneNeedsActualFinish' },
      { field: 'percentComplete', key: 'validation.doneNeedsFullPercent' },
    ]);
    expect(milestoneRuleViolations({ ...ok, status: 'done', percentComplete: 100, actualFinish: '2026-01-30' })).toEqual([]);
  });
});
