import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/db/client';
import { goalsCsv, measurementsCsv } from '@/server/services/goal-portfolio';
import { callerAs, freshDb, sessionUser, tableCounts } from '../helpers/db';
import { codeOf, freezeToday } from '../helpers/goals';

let db: DB;
beforeEach(async () => {
  freezeToday();
  db = await freshDb();
});
afterEach(() => {
  vi.useRealTimers();
});

const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('goal.portfolio', () => {
  it('shows each person the goals of the labs they belong to, and an admin every lab’s', async () => {
    const labsOf = async (email: string) => new Set((await callerAs(db, email).goal.portfolio()).goals.map((g) => g.lab.slug));
    expect(await labsOf('member@demo.local')).toEqual(new Set(['new-display-lab']));
    expect(await labsOf('viewer@demo.local')).toEqual(new Set(['new-display-lab']));
    expect(await labsOf('steel@demo.local')).toEqual(new Set(['green-auto-steel']));
    expect(await labsOf('equipment@demo.local')).toEqual(new Set(['key-equipment-consortium']));
    const all = await callerAs(db, 'admin@demo.local').goal.portfolio();
    expect(all.goals).toHaveLength(8);
    expect(all.labCount).toBe(3);
  });

  it('gives every goal a status and its lab’s industrial chain', async () => {
    const { goals } = await callerAs(db, 'steel@demo.local').goal.portfolio();
    expect(goals.map((g) => g.lab.chainEn)).toEqual([goals[0]!.lab.chainEn, goals[0]!.lab.chainEn]);
    for (const g of goals) expect(['achieved', 'on_track', 'at_risk', 'off_track', 'stale', 'no_data']).toContain(g.assessment.status);
  });

  it('offers exports to managers and admins only', async () => {
    expect((await callerAs(db, 'member@demo.local').goal.portfolio()).canExport).toBe(false);
    expect((await callerAs(db, 'viewer@demo.local').goal.portfolio()).canExport).toBe(false);
    expect((await callerAs(db, 'manager@demo.local').goal.portfolio()).canExport).toBe(true);
    expect((await callerAs(db, 'admin@demo.local').goal.portfolio()).canExport).toBe(true);
  });

  it('refuses the anonymous', async () => {
    expect(await codeOf(callerAs(db, null).goal.portfolio())).toBe('UNAUTHORIZED');
  });
});

describe('CSV exports', () => {
  it('exports the goals of the labs a manager manages, one row each, with status', () => {
    const rows = rowsOf(goalsCsv(db, sessionUser(db, 'manager@demo.local'), 'en'));
    expect(rows[0]).toMatch(/^Lab,Industrial chain,Goal,Kind of item,Item,Metric,Unit,Direction,Baseline value,/);
    expect(rows).toHaveLength(1 + 4);
    expect(rows.join('\n')).toContain('Raise the domestic share of OLED evaporation materials');
    expect(rows.join('\n')).not.toContain('Automotive steel');
    expect(rows.find((r) => r.includes('evaporation materials'))).toMatch(/,On track,/);
  });

  it('writes the reader’s language and a byte-order mark so spreadsheets show Chinese', () => {
    const csv = goalsCsv(db, sessionUser(db, 'steel@demo.local'), 'zh-CN');
    expect(csv.startsWith('\uFEFF实验室,产业链,目标,')).toBe(true);
    expect(csv).toContain('降低供应钢材的碳排放强度');
  });

  it('exports measurements with who recorded them, for the labs the caller manages', () => {
    const rows = rowsOf(measurementsCsv(db, sessionUser(db, 'manager@demo.local'), 'en'));
    expect(rows[0]).toBe('Lab,Goal,As of,Value,Unit,Source,Link to evidence,Comment,Recorded by,Organisation');
    expect(rows).toHaveLength(1 + 6 + 5 + 4 + 4);
    expect(rows.join('\n')).toContain('Public market reporting, Q2 2022');
  });

  it('gives an admin every lab, and refuses members and viewers without writing anything', () => {
    expect(rowsOf(goalsCsv(db, sessionUser(db, 'admin@demo.local'), 'en'))).toHaveLength(1 + 8);
    const before = tableCounts(db);
    expect(() => goalsCsv(db, sessionUser(db, 'member@demo.local'), 'en')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => measurementsCsv(db, sessionUser(db, 'viewer@demo.local'), 'en')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(tableCounts(db)).toEqual(before);
  });
});
