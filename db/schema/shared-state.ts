import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Fixed-window request counters (server/shared-state): one row per budget key, reset when its
 * window has passed. In the database so every server process counts against the same budget.
 */
export const requestBudgets = sqliteTable(
  'request_budgets',
  {
    key: text('key').primaryKey(),
    /** Start of the current window, ms since the epoch. */
    windowStart: integer('window_start').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [index('request_budgets_window_idx').on(t.windowStart)],
);
