// Critical path method (CPM) over milestones with finish-to-start dependencies and lags. Pure.
//
// Times are whole day numbers. A node occupies [earlyStart, earlyFinish), so a successor of a
// dependency with lag L starts no earlier than the predecessor's earlyFinish + L. A node may carry
// its own earliest start (its planned start date): milestones without predecessors start there,
// not at zero, so the path is computed on the real calendar.

import { topologicalOrder, type Dependency } from './schedule';

export type CpmNode = { id: number; durationDays: number; earliestStart?: number };

export type CpmResult = {
  earlyStart: number;
  earlyFinish: number;
  lateStart: number;
  lateFinish: number;
  /** Days the node can slip without moving the end of the whole plan. */
  totalFloat: number;
  critical: boolean;
};

export type CriticalPath = {
  byId: Map<number, CpmResult>;
  /** The day the whole plan ends (exclusive), or null for an empty plan. */
  projectFinish: number | null;
  /** Critical nodes in dependency order; with ties, every tied path is included. */
  criticalIds: number[];
  /** Dependencies that drive the critical path (both ends critical, no slack between them). */
  criticalEdges: Dependency[];
};

export function criticalPath(nodes: readonly CpmNode[], dependencies: readonly Dependency[]): CriticalPath {
  const byNode = new Map(nodes.map((n) => [n.id, n]));
  const edges = dependencies.filter((d) => byNode.has(d.predecessorId) && byNode.has(d.successorId));
  const order = topologicalOrder(
    nodes.map((n) => n.id),
    edges,
  );
  const incoming = new Map<number, Dependency[]>();
  const outgoing = new Map<number, Dependency[]>();
  for (const d of edges) {
    (incoming.get(d.successorId) ?? incoming.set(d.successorId, []).get(d.successorId)!).push(d);
    (outgoing.get(d.predecessorId) ?? outgoing.set(d.predecessorId, []).get(d.predecessorId)!).push(d);
  }

  const earlyStart = new Map<number, number>();
  const earlyFinish = new Map<number, number>();
  const floor = Math.min(0, ...nodes.map((n) => n.earliestStart ?? 0));
  for (const id of order) {
    const node = byNode.get(id)!;
    let start = node.earliestStart ?? floor;
    for (const d of incoming.get(id) ?? []) start = Math.max(start, earlyFinish.get(d.predecessorId)! + d.lagDays);
    earlyStart.set(id, start);
    earlyFinish.set(id, start + Math.max(0, node.durationDays));
  }
  if (order.length === 0) return { byId: new Map(), projectFinish: null, criticalIds: [], criticalEdges: [] };
  const projectFinish = Math.max(...earlyFinish.values());

  const lateStart = new Map<number, number>();
  const lateFinish = new Map<number, number>();
  for (const id of [...order].reverse()) {
    let finish = projectFinish;
    for (const d of outgoing.get(id) ?? []) finish = Math.min(finish, lateStart.get(d.successorId)! - d.lagDays);
    lateFinish.set(id, finish);
    lateStart.set(id, finish - Math.max(0, byNode.get(id)!.durationDays));
  }

  const byId = new Map<number, CpmResult>();
  for (const id of order) {
    const totalFloat = lateStart.get(id)! - earlyStart.get(id)!;
    byId.set(id, {
      earlyStart: earlyStart.get(id)!,
      earlyFinish: earlyFinish.get(id)!,
      lateStart: lateStart.get(id)!,
      lateFinish: lateFinish.get(id)!,
      totalFloat,
      critical: totalFloat <= 0,
    });
  }
  const criticalIds = order.filter((id) => byId.get(id)!.critical);
  const criticalEdges = edges.filter((d) => {
    const p = byId.get(d.predecessorId)!;
    const s = byId.get(d.successorId)!;
    return p.critical && s.critical && p.earlyFinish + d.lagDays === s.earlyStart;
  });
  return { byId, projectFinish, criticalIds, criticalEdges };
}
