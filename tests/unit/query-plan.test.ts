import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainQueryPlan, fullScansOfGrowingTables, tableAliases } from '@/server/bench/query-plan';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { labs } from '@/db/schema';
import { distinctQueries, statementRecorder } from '@/server/bench/sql-capture';

// The query-plan test is only as good as its two pieces: the capture must see every statement with
// its parameters, and the analyser must flag a full scan of a growing table and nothing else.

let client: Database.Database;

beforeEach(() => {
  client = new Database(':memory:');
  client.exec(`
    create table audit_events (id integer primary key, lab_id integer, action text, created_at integer);
    create index audit_events_lab_idx on audit_events (lab_id, id);
    create table labs (id integer primary key, name text);
  `);
  const insert = client.prepare(`insert into audit_events (lab_id, action, created_at) values (?, ?, ?)`);
  for (let i = 0; i < 2000; i++) insert.run(i % 50, i % 3 ? 'updated' : 'created', i);
  client.exec('ANALYZE');
});

afterEach(() => client.close());

function scansOf(sql: string, ...params: unknown[]) {
  return fullScansOfGrowingTables(sql, explainQueryPlan(client, { sql, params }));
}

describe('fullScansOfGrowingTables', () => {
  it('flags a growing table read without an index, also under an alias', () => {
    expect(scansOf(`select * from audit_events where action = ?`, 'created')).toEqual(['SCAN audit_events']);
    expect(scansOf(`select * from audit_events a where a.action = ?`, 'created')).toEqual(['SCAN a']);
    expect(scansOf(`delete from audit_events where created_at < ?`, 5)).toEqual(['SCAN audit_events']);
  });

  it('flags an automatic index (built from a full scan on every run)', () => {
    const sql = `select * from labs join audit_events on audit_events.action = labs.name`;
    const plan = [
      { id: 2, parent: 0, detail: 'SCAN labs' },
      { id: 3, parent: 0, detail: 'SEARCH audit_events USING AUTOMATIC COVERING INDEX (action=?)' },
    ];
    expect(fullScansOfGrowingTables(sql, plan)).toEqual(['SEARCH audit_events USING AUTOMATIC COVERING INDEX (action=?)']);
  });

  it('accepts searches and ordered scans through an index, and scans of small fixed tables', () => {
    expect(scansOf(`select * from audit_events where lab_id = ? order by id desc limit 50`, 3)).toEqual([]);
    expect(scansOf(`select * from audit_events where id = ?`, 3)).toEqual([]);
    expect(scansOf(`select * from labs where name like ?`, '%x%')).toEqual([]);
  });
});

describe('tableAliases', () => {
  it('maps aliases to their tables and ignores keywords after a table name', () => {
    const aliases = tableAliases(`select * from "milestones" m left join organisations on 1 join goals as g where x`);
    expect(aliases.get('m')).toBe('milestones');
    expect(aliases.get('g')).toBe('goals');
    expect(aliases.get('organisations')).toBe('organisations');
    expect(aliases.has('on')).toBe(false);
  });
});

describe('statementRecorder', () => {
  it('records every query drizzle runs with its parameters, prepared ones included, only while capturing', async () => {
    const recorder = statementRecorder();
    const db = openDatabase(':memory:', { logger: recorder.logger });
    migrateDatabase(db);
    db.select().from(labs).all();
    const bySlug = db.select({ id: labs.id }).from(labs).where(eq(labs.slug, sql.placeholder('slug'))).prepare();
    const { result, statements } = await recorder.capture(() => {
      db.run(sql`insert into login_attempts (email, ip, succeeded) values (${'a@example.org'}, ${'203.0.113.1'}, 0)`);
      return bySlug.get({ slug: 'no-such-lab' });
    });
    expect(result).toBeUndefined();
    expect(statements).toEqual([
      { sql: 'insert into login_attempts (email, ip, succeeded) values (?, ?, 0)', params: ['a@example.org', '203.0.113.1'] },
      { sql: 'select "id" from "labs" where "labs"."slug" = ?', params: ['no-such-lab'] },
    ]);
    db.$client.close();
  });

  it('keeps each query once and leaves out transaction control', () => {
    const statements = [
      { sql: 'BEGIN', params: [] },
      { sql: 'select 1 where ? = 1', params: [1] },
      { sql: 'select 1 where ? = 1', params: [2] },
      { sql: 'COMMIT', params: [] },
    ];
    expect(distinctQueries(statements)).toEqual([{ sql: 'select 1 where ? = 1', params: [1] }]);
  });
});
