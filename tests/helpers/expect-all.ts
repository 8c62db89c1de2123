import { expect } from 'vitest';

/**
 * Every item holds `holds`, and there is at least one item: `list.every(…)` alone is true of an
 * empty list, so a check written that way passes when the code returns nothing at all.
 */
export function expectAll<T>(items: readonly T[], holds: (item: T) => boolean, what = 'the list') {
  expect(items.length, `${what} is empty, so the check would hold of nothing`).toBeGreaterThan(0);
  expect(items.filter((item) => !holds(item)), `items of ${what} that do not hold`).toEqual([]);
}
