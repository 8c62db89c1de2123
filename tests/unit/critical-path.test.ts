import { describe, expect, it } from 'vitest';
import { criticalPath, type CpmNode } from '@/server/domain/critical-path';
import type { Dependency } from '@/server/domain/schedule';

// Each graph below was worked out by hand (forward pass, backward pass, float = LS − ES).
// Ids: A=1, B=2, C=3, D=4, and so on.
const A = 1,
  B = 2,
  C = 3,
  D = 4;
const dep = (predecessorId: number, successorId: number, lagDays = 0): Dependency => ({ predecessorId, successorId, lagDays });
const node = (id: number, durationDays: number, earliestStart?: number): CpmNode => ({ id, durationDays, earliestStart });

function table(nodes: CpmNode[], deps: Dependency[]) {
  const result = criticalPath(nodes, deps);
  return {
    result,
    rows: Object.fromEntries(
      [...result.byId].map(([id, r]) => [id, [r.earlyStart, r.earlyFinish, r.lateStart, r.lateFinish, r.totalFloat]]),
    ),
  };
}

describe('criticalPath', () => {
  it('graph 1: a straight chain is critical end to end', () => {
    const { result, rows } = table([node(A, 3), node(B, 2), node(C, 4)], [dep(A, B), dep(B, C)]);
    expect(rows).toEqual({ [A]: [0, 3, 0, 3, 0], [B]: [3, 5, 3, 5, 0], [C]: [5, 9, 5, 9, 0] });
    expect(result.projectFinish).toBe(9);
    expect(result.criticalIds).toEqual([A, B, C]);
    expect(result.criticalEdges).toEqual([dep(A, B), dep(B, C)]);
  });

  it('graph 2: a diamond with a lag on the short branch leaves that branch one day of float', () => {
    // A(2) → B(5) → D(1); A → C(3) → D with lag 1.
    const { result, rows } = table([node(A, 2), node(B, 5), node(C, 3), node(D, 1)], [dep(A, B), dep(A, C), dep(B, D), dep(C, D, 1)]);
    expect(rows).toEqual({
      [A]: [0, 2, 0, 2, 0],
      [B]: [2, 7, 2, 7, 0],
      [C]: [2, 5, 3, 6, 1],
      [D]: [7, 8, 7, 8, 0],
    });
    expect(result.criticalIds).toEqual([A, B, D]);
    expect(result.criticalEdges).toEqual([dep(A, B), dep(B, D)]);
  });

  it('graph 3: two branches of equal length are both critical (a tie)', () => {
    // A(2) → B(3) → D(2) and A → C(3) → D.
    const { result, rows } = table([node(A, 2), node(B, 3), node(C, 3), node(D, 2)], [dep(A, B), dep(A, C), dep(B, D), dep(C, D)]);
    expect(Object.values(rows).map((r) => r[4])).toEqual([0, 0, 0, 0]);
    expect(result.criticalIds.sort()).toEqual([A, B, C, D]);
    expect(result.criticalEdges).toHaveLength(4);
    expect(result.projectFinish).toBe(7);
  });

  it('graph 4: milestones without dependencies float against the longest one', () => {
    // A(2) → B(2); C(6) alone; D(1) alone.
    const { result, rows } = table([node(A, 2), node(B, 2), node(C, 6), node(D, 1)], [dep(A, B)]);
    expect(rows).toEqual({
      [A]: [0, 2, 2, 4, 2],
      [B]: [2, 4, 4, 6, 2],
      [C]: [0, 6, 0, 6, 0],
      [D]: [0, 1, 5, 6, 5],
    });
    expect(result.criticalIds).toEqual([C]);
    expect(result.criticalEdges).toEqual([]);
  });

  it('graph 5: a planned start later than the predecessor allows gives the predecessor float', () => {
    // A(3) may start on day 0; B(2) is planned to start on day 10 and depends on A.
    const { result, rows } = table([node(A, 3, 0), node(B, 2, 10)], [dep(A, B)]);
    expect(rows).toEqual({ [A]: [0, 3, 7, 10, 7], [B]: [10, 12, 10, 12, 0] });
    expect(result.criticalIds).toEqual([B]);
    // A does not drive B, so the edge is not part of the critical path.
    expect(result.criticalEdges).toEqual([]);
  });

  it('graph 6: a negative lag (a lead) lets the successor overlap, and both stay critical', () => {
    // A(10) → B(4) with lag −3: B starts on day 7.
    const { result, rows } = table([node(A, 10), node(B, 4)], [dep(A, B, -3)]);
    expect(rows).toEqual({ [A]: [0, 10, 0, 10, 0], [B]: [7, 11, 7, 11, 0] });
    expect(result.projectFinish).toBe(11);
    expect(result.criticalEdges).toEqual([dep(A, B, -3)]);
  });

  it('graph 7: several predecessors — the latest one drives, with its lag', () => {
    // A(4) and B(2) both precede C(3); A → C lag 0, B → C lag 5: C starts at max(4, 7) = 7.
    const { result, rows } = table([node(A, 4), node(B, 2), node(C, 3)], [dep(A, C), dep(B, C, 5)]);
    expect(rows).toEqual({ [A]: [0, 4, 3, 7, 3], [B]: [0, 2, 0, 2, 0], [C]: [7, 10, 7, 10, 0] });
    expect(result.criticalIds).toEqual([B, C]);
  });

  it('handles an empty plan and ignores dependencies on unknown milestones', () => {
    expect(criticalPath([], []).projectFinish).toBeNull();
    const { rows } = table([node(A, 1)], [dep(A, 99)]);
    expect(rows).toEqual({ [A]: [0, 1, 0, 1, 0] });
  });

  it('refuses a graph with a cycle', () => {
    expect(() => criticalPath([node(A, 1), node(B, 1)], [dep(A, B), dep(B, A)])).toThrow(/cycle/);
  });
});
