import type Database from 'better-sqlite3';
import type { CapturedStatement } from './sql-capture';

/**
 * Tables whose size grows with use (every lab, milestone, check-in, update, edit and sign-in adds
 * rows). A query that reads one of them without an index gets slower every day the app is used.
 * Tables that grow with the number of people and partners rather than with use (users,
 * organisations, labs, technologies) may be scanned: the admin searches match any part of a name,
 * which no B-tree index can serve.
 */
export const GROWING_TABLES = [
  'milestones',
  'milestone_dependencies',
  'milestone_baselines',
  'baseline_items',
  'goals',
  'goal_milestones',
  'measurements',
  'progress_updates',
  'update_milestones',
  'update_goals',
  'update_revisions',
  'audit_events',
  'memberships',
  'participations',
  'invitations',
  'password_resets',
  'calendar_tokens',
  'login_attempts',
] as const;

export type PlanStep = { id: number; parent: number; detail: string };

export function explainQueryPlan(client: Database.Database, statement: CapturedStatement): PlanStep[] {
  return client.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as PlanStep[];
}

const NOT_A_NAME = new Set([
  'where',
  'on',
  'using',
  'left',
  'right',
  'inner',
  'outer',
  'cross',
  'natural',
  'join',
  'order',
  'group',
  'limit',
  'set',
  'values',
  'select',
  'as',
  'union',
  'having',
  'window',
  'returning',
]);

/** Which table each name in the FROM clauses stands for (the table itself, or an alias of it). */
export function tableAliases(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  const pattern = /\b(?:from|join|update|into)\s+"?([a-z_][a-z0-9_]*)"?(?:\s+(?:as\s+)?"?([a-z_][a-z0-9_]*)"?)?/gi;
  for (const match of sql.matchAll(pattern)) {
    const table = match[1]!.toLowerCase();
    aliases.set(table, table);
    const alias = match[2]?.toLowerCase();
    if (alias && !NOT_A_NAME.has(alias)) aliases.set(alias, table);
  }
  return aliases;
}

/**
 * The plan steps that read a growing table in full: `SCAN <table>` without an index, or a search
 * through an automatic index (SQLite builds it from a full scan on every run of the query).
 */
export function fullScansOfGrowingTables(sql: string, plan: PlanStep[], growing: readonly string[] = GROWING_TABLES): string[] {
  const aliases = tableAliases(sql);
  const problems: string[] = [];
  for (const step of plan) {
    const scan = /^SCAN "?([A-Za-z_][A-Za-z0-9_]*)"?(.*)$/.exec(step.detail);
    const automatic = /^SEARCH "?([A-Za-z_][A-Za-z0-9_]*)"? USING AUTOMATIC/.exec(step.detail);
    const name = (scan ?? automatic)?.[1]?.toLowerCase();
    if (!name) continue;
    const table = aliases.get(name) ?? name;
    if (!growing.includes(table)) continue;
    const rest = scan?.[2] ?? '';
    const usesIndex = / USING (COVERING )?INDEX | USING INTEGER PRIMARY KEY/.test(rest) && !/AUTOMATIC/.test(rest);
    if (automatic || !usesIndex) problems.push(step.detail);
  }
  return problems;
}
