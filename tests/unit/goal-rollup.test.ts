import { describe, expect, it } from 'vitest';
import { toCsv } from '@/server/domain/csv';
import type { GoalStatus } from '@/common/enums';
import { countStatuses, rollUp, type RollupGoal } from '@/server/domain/goal-rollup';

const goal = (id: number, over: Partial<RollupGoal> & { status: GoalStatus }): RollupGoal => ({
  id,
  title: `Goal ${id}`,
  labName: 'Lab A',
  chainKey: 'OLED display',
  itemKey: 'Panels',
  targetDate: '2027-01-01',
  progress: 0.5,
  ...over,
});

describe('status counts', () => {
  it('counts each status and takes achieved goals as on track', () => {
    const counts = countStatuses([{ status: 'on_track' }, { status: 'achieved' }, { status: 'off_track' }, { status: 'no_data' }]);
    expect(counts).toMatchObject({ on_track: 1, achieved: 1, off_track: 1, no_data: 1, at_risk: 0, stale: 0, total: 4, onTrackShare: 0.5 });
    expect(countStatuses([]).onTrackShare).toBeNull();
  });
});

describe('the roll-up', () => {
  const goals = [
    goal(1, { status: 'on_track', chainKey: 'Steel', itemKey: 'Flat steel', title: 'Share', progress: 0.6 }),
    goal(2, { status: 'off_track', chainKey: 'OLED display', itemKey: 'Masks', title: 'Masks', progress: 0.1 }),
    goal(3, { status: 'achieved', chainKey: 'OLED display', itemKey: 'Evaporation materials', title: 'Evap', progress: 1 }),
    goal(4, { status: 'at_risk', chainKey: 'OLED display', itemKey: 'Evaporation materials', title: 'Evap cost', progress: null }),
    goal(5, { status: 'no_data', chainKey: 'Steel', itemKey: 'Flat steel', title: 'Another', progress: null }),
  ];

  it('groups by chain, then item, alphabetically, with counts per group', () => {
    const { groups, totals } = rollUp(goals, 'status', 'asc', 'en');
    expect(groups.map((g) => g.key)).toEqual(['OLED display', 'Steel']);
    expect(groups[0]!.items.map((i) => i.key)).toEqual(['Evaporation materials', 'Masks']);
    expect(groups[0]!.counts).toMatchObject({ total: 3, achieved: 1, at_risk: 1, off_track: 1 });
    expect(groups[0]!.counts.onTrackShare).toBeCloseTo(1 / 3);
    expect(totals).toMatchObject({ total: 5, onTrackShare: 0.4 });
  });

  it('sorts by status worst first, or best first when reversed', () => {
    expect(rollUp(goals, 'status', 'asc', 'en').sorted.map((g) => g.id)).toEqual([2, 4, 5, 1, 3]);
    expect(rollUp(goals, 'status', 'desc', 'en').sorted.map((g) => g.id)).toEqual([3, 1, 5, 4, 2]);
    expect(rollUp(goals, 'status', 'asc', 'en').groups[0]!.items[0]!.goals.map((g) => g.id)).toEqual([4, 3]);
  });

  it('sorts by progress with unmeasured goals last in either direction', () => {
    expect(rollUp(goals, 'progress', 'asc', 'en').sorted.map((g) => g.id)).toEqual([2, 1, 3, 5, 4]);
    expect(rollUp(goals, 'progress', 'desc', 'en').sorted.map((g) => g.id)).toEqual([3, 1, 2, 5, 4]);
  });

  it('sorts by title in the reader’s collation', () => {
    expect(rollUp(goals, 'goal', 'asc', 'en').sorted.map((g) => g.title)).toEqual(['Another', 'Evap', 'Evap cost', 'Masks', 'Share']);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting, keeps numbers as numbers and defuses formulas', () => {
    const csv = toCsv([
      ['name', 'value'],
      ['Tianma, Wuhan', -3.5],
      ['He said "yes"', null],
      ['=HYPERLINK("x")', 0],
      ['line\nbreak', true],
    ]);
    expect(csv).toBe('\uFEFFname,value\r\n"Tianma, Wuhan",-3.5\r\n"He said ""yes""",\r\n"\'=HYPERLINK(""x"")",0\r\n"line\nbreak",true\r\n');
  });
});
