import type { QueryLogger } from '@/db/client';

/** One statement a connection ran, with the parameters it was bound to. */
export type CapturedStatement = { sql: string; params: unknown[] };

/**
 * Records the statements drizzle runs (through its supported query logger) while a piece of work
 * runs. The query-plan test and the benchmark's node:http floor use it so they look at exactly the
 * SQL the app runs — never at a hand-copied list that drifts from the code. Give `logger` to the
 * database handle the work uses (openDatabase or loggingDatabase in db/client.ts).
 */
export function statementRecorder() {
  let sink: CapturedStatement[] | null = null;
  const logger: QueryLogger = {
    logQuery(sql, params) {
      sink?.push({ sql, params: [...params] });
    },
  };
  return {
    logger,
    async capture<T>(work: () => T | Promise<T>): Promise<{ result: T; statements: CapturedStatement[] }> {
      const statements: CapturedStatement[] = [];
      sink = statements;
      try {
        return { result: await work(), statements };
      } finally {
        sink = null;
      }
    },
  };
}

/** The statements that read or write rows (not BEGIN, COMMIT or pragmas), each SQL text once. */
export function distinctQueries(statements: CapturedStatement[]): CapturedStatement[] {
  const seen = new Map<string, CapturedStatement>();
  for (const s of statements) {
    if (!/^\s*(select|insert|update|delete|with|replace)\b/i.test(s.sql)) continue;
    if (!seen.has(s.sql)) seen.set(s.sql, s);
  }
  return [...seen.values()];
}
