import type { GoalStatus } from '@/common/enums';

// The portfolio roll-up of goals: grouped by industrial chain, then by item, with counts per
// status and the share of goals on track. Pure, so sorting and counting are unit-tested.

export const ROLLUP_SORTS = ['status', 'goal', 'lab', 'target', 'progress'] as const;
export type RollupSort = (typeof ROLLUP_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

/** Worst first: what needs attention leads when sorting by status. */
export const STATUS_SEVERITY: Record<GoalStatus, number> = {
  off_track: 0,
  at_risk: 1,
  stale: 2,
  no_data: 3,
  on_track: 4,
  achieved: 5,
};

export type RollupGoal = {
  id: number;
  title: string;
  labName: string;
  chainKey: string;
  itemKey: string;
  targetDate: string;
  status: GoalStatus;
  progress: number | null;
};

export type StatusCounts = Record<GoalStatus, number> & { total: number; onTrackShare: number | null };

export function countStatuses(goals: readonly { status: GoalStatus }[]): StatusCounts {
  const counts = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, stale: 0, no_data: 0 };
  for (const g of goals) counts[g.status] += 1;
  const total = goals.length;
  // Achieved goals count as on track: they got there.
  return { ...counts, total, onTrackShare: total === 0 ? null : (counts.on_track + counts.achieved) / total };
}

export function compareGoals(sort: RollupSort, direction: SortDirection, collator: Intl.Collator) {
  const sign = direction === 'asc' ? 1 : -1;
  const key = (a: RollupGoal, b: RollupGoal): number => {
    switch (sort) {
      case 'status':
        return STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status];
      case 'goal':
        return collator.compare(a.title, b.title);
      case 'lab':
        return collator.compare(a.labName, b.labName);
      case 'target':
        return a.targetDate < b.targetDate ? -1 : a.targetDate > b.targetDate ? 1 : 0;
      case 'progress':
        // Goals without data sort after every measured goal, whichever the direction.
        if (a.progress === null || b.progress === null) return 0;
        return a.progress - b.progress;
    }
  };
  return (a: RollupGoal, b: RollupGoal) => {
    if (sort === 'progress' && (a.progress === null) !== (b.progress === null)) return a.progress === null ? 1 : -1;
    return sign * key(a, b) || collator.compare(a.title, b.title) || a.id - b.id;
  };
}

export type ItemGroup<G> = { key: string; goals: G[]; counts: StatusCounts };
export type ChainGroup<G> = { key: string; items: ItemGroup<G>[]; counts: StatusCounts };

/** Chains and items in the reader's alphabetical order; goals within an item in the order asked for. */
export function rollUp<G extends RollupGoal>(goals: readonly G[], sort: RollupSort, direction: SortDirection, locale: string) {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const chains = new Map<string, Map<string, G[]>>();
  for (const goal of goals) {
    const items = chains.get(goal.chainKey) ?? new Map<string, G[]>();
    chains.set(goal.chainKey, items);
    items.set(goal.itemKey, [...(items.get(goal.itemKey) ?? []), goal]);
  }
  const compare = compareGoals(sort, direction, collator);
  const groups: ChainGroup<G>[] = [...chains.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([key, items]) => {
      const itemGroups = [...items.entries()]
        .sort(([a], [b]) => collator.compare(a, b))
        .map(([itemKey, list]) => ({ key: itemKey, goals: [...list].sort(compare), counts: countStatuses(list) }));
      return { key, items: itemGroups, counts: countStatuses(itemGroups.flatMap((i) => i.goals)) };
    });
  return { groups, totals: countStatuses(goals), sorted: [...goals].sort(compare) };
}
