import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../db/client';

// Every connection keeps its compiled statements (issue 9). A kept statement must behave exactly
// like a freshly prepared one, whatever mode the previous user left it in.

let sqlite: Database.Database;

beforeEach(() => {
  sqlite = openConnection(':memory:');
  sqlite.exec(`create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c');`);
});
afterEach(() => sqlite.close());

describe('kept statements', () => {
  it('compiles a SQL text once and hands the statement back in its default mode', () => {
    const first = sqlite.prepare('select id, name from t order by id');
    expect(first.raw().all()).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    const again = sqlite.prepare('select id, name from t order by id');
    expect(again).toBe(first);
    expect(again.all()).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
      { id: 3, name: 'c' },
    ]);
    sqlite.prepare('select name from t where id = ?').pluck();
    expect(sqlite.prepare('select name from t where id = ?').get(2)).toEqual({ name: 'b' });
  });

  it('never hands out a statement that is still being iterated', () => {
    const sql = 'select id from t order by id';
    const outer = sqlite.prepare(sql);
    const seen: number[][] = [];
    for (const row of outer.iterate() as Iterable<{ id: number }>) {
      const inner = sqlite.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push([row.id, (inner.all() as { id: number }[]).length]);
    }
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('keeps writing statements too, and sees rows written since', () => {
    const insert = sqlite.prepare('insert into t (name) values (?)');
    insert.run('d');
    expect(sqlite.prepare('insert into t (name) values (?)')).toBe(insert);
    sqlite.prepare('insert into t (name) values (?)').run('e');
    expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 5 });
  });

  it('stays correct beyond the number of statements it keeps', () => {
    for (let i = 0; i < 700; i++) expect(sqlite.prepare(`select ${i} as n`).get()).toEqual({ n: i });
    expect(sqlite.prepare('select 1 as n').get()).toEqual({ n: 1 });
  });

  it('recompiles after the schema changes', () => {
    const before = sqlite.prepare('select * from t where id = 1').get();
    sqlite.exec('alter table t add column extra text');
    expect(before).toEqual({ id: 1, name: 'a' });
    expect(sqlite.prepare('select * from t where id = 1').get()).toEqual({ id: 1, name: 'a', extra: null });
  });
});
