import type Database from 'better-sqlite3';

/** One statement a connection ran, with the parameters it was bound to. */
export type CapturedStatement = { sql: string; params: unknown[] };

// Methods that execute a statement (and so show which parameters a query really used), and
// methods that configure it and return the statement itself (drizzle calls `stmt.raw().all()`).
const EXECUTE = new Set(['run', 'get', 'all', 'iterate']);
const CONFIGURE = new Set(['raw', 'pluck', 'expand', 'safeIntegers', 'bind']);

/**
 * Records every statement the connection executes while `work` runs, by wrapping `prepare`.
 * The query-plan test and the benchmark's node:http floor use it so they look at exactly the SQL
 * the app runs — never at a hand-copied list that drifts from the code.
 */
export async function captureStatements<T>(
  client: Database.Database,
  work: () => T | Promise<T>,
): Promise<{ result: T; statements: CapturedStatement[] }> {
  const statements: CapturedStatement[] = [];
  const prepare = client.prepare;
  client.prepare = function capturingPrepare(this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    const proxy: Database.Statement = new Proxy(statement, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (EXECUTE.has(String(property))) {
          return (...params: unknown[]) => {
            statements.push({ sql: source, params });
            return value.apply(target, params);
          };
        }
        if (CONFIGURE.has(String(property))) {
          return (...args: unknown[]) => {
            value.apply(target, args);
            return proxy;
          };
        }
        return value.bind(target);
      },
    });
    return proxy;
  } as typeof client.prepare;
  try {
    const result = await work();
    return { result, statements };
  } finally {
    client.prepare = prepare;
  }
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
