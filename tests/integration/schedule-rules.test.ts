import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/db/client';
import { milestones, organisations } from '@/db/schema';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts, TEST_TODAY } from '../helpers/db';
import { freezeToday, goalByTitle } from '../helpers/goals';
import { httpCall } from '../helpers/http';
import { addDays } from '@/server/domain/dates';

// Issue 23.4 and 23.5: actual dates record what happened (never after today in the lab), finished
// work has no float, and a form is told every problem with its input in one answer.

let db: DB;
let labId: number;
beforeEach(async () => {
  freezeToday();
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});
afterEach(() => {
  vi.useRealTimers();
});

const tianma = () => db.select().from(organisations).where(eq(organisations.shortName, 'Tianma')).get()!.id;
const milestone = (title: string) => db.select().from(milestones).where(eq(milestones.title, title)).get()!;
const fieldErrors = (res: Awaited<ReturnType<typeof httpCall>>) => res.body.error?.json.data.fieldErrors as Record<string, string[]>;

function newMilestone(overrides: Record<string, unknown> = {}) {
  return {
    labId,
    title: 'Encapsulation film verification',
    description: '',
    phase: 'tech_verification',
    ownerOrganisationId: tianma(),
    forecastStart: '2026-05-01',
    forecastFinish: '2026-06-10',
    actualStart: null,
    actualFinish: null,
    status: 'not_started',
    percentComplete: 0,
    isPublic: false,
    ...overrides,
  };
}

describe('actual dates', () => {
  it('refuse a milestone marked done with actual dates in 2030, naming both dates, and change nothing', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const m = milestone('Domestic fine metal mask pilot trial');
    const before = tableCounts(db);
    const res = await httpCall(
      db,
      'milestone.updateProgress',
      { labId, id: m.id, version: m.version, status: 'done', percentComplete: 100, actualStart: '2030-01-02', actualFinish: '2030-03-04' },
      { user: member },
    );
    expect(res.status).toBe(400);
    expect(fieldErrors(res)).toEqual({
      actualStart: ['An actual date records what happened: use today or earlier (dates are the lab’s days).'],
      actualFinish: ['An actual date records what happened: use today or earlier (dates are the lab’s days).'],
    });
    expect(tableCounts(db)).toEqual(before);
    expect(milestone(m.title)).toMatchObject({ status: m.status, actualFinish: null });
  });

  it('take today in the lab: 8 December in Beijing is not the future at 20:00 UTC on the 7th, the 9th is', async () => {
    vi.setSystemTime(new Date('2026-12-07T20:00:00Z'));
    const member = callerAs(db, 'member@demo.local');
    const m = milestone('Domestic fine metal mask pilot trial');
    const done = { labId, id: m.id, version: m.version, status: 'done' as const, percentComplete: 100, actualStart: m.actualStart };
    await expect(member.milestone.updateProgress({ ...done, actualFinish: '2026-12-09' })).rejects.toThrow();
    await member.milestone.updateProgress({ ...done, actualFinish: '2026-12-08' });
    expect(milestone(m.title)).toMatchObject({ status: 'done', actualFinish: '2026-12-08' });
  });

  it('are refused in the manager’s form too, with every other problem of the form in the same answer', async () => {
    const manager = sessionUser(db, 'manager@demo.local');
    const before = tableCounts(db);
    const res = await httpCall(
      db,
      'milestone.create',
      newMilestone({ title: '', forecastFinish: '2026-04-01', actualStart: addDays(TEST_TODAY, 1), status: 'in_progress' }),
      { user: manager },
    );
    expect(res.status).toBe(400);
    expect(Object.keys(fieldErrors(res)).sort()).toEqual(['actualStart', 'forecastFinish', 'title']);
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('an empty date field', () => {
  it('says the form the date picker takes in the reader’s language, not YYYY-MM-DD', async () => {
    const manager = sessionUser(db, 'manager@demo.local');
    for (const [locale, expected] of [
      ['en', 'Enter a date as month/day/year (such as 12/31/2026), or choose one with the calendar button.'],
      ['zh-CN', '请按 年/月/日 输入日期（如 2026/12/31），或点击日历按钮选择。'],
    ] as const) {
      const res = await httpCall(db, 'milestone.create', newMilestone({ forecastStart: '' }), { user: manager, locale });
      expect(res.status).toBe(400);
      expect(fieldErrors(res).forecastStart).toEqual([expected]);
    }
  });
});

describe('float', () => {
  it('is shown for work still to do, not for finished milestones', async () => {
    const timeline = await callerAs(db, 'viewer@demo.local').milestone.timeline({ labId });
    const done = timeline.milestones.filter((m) => m.status === 'done');
    expect(done.length).toBeGreaterThan(0);
    for (const m of done) expect(m.totalFloat, m.title).toBeNull();
    expect(timeline.milestones.some((m) => m.status !== 'done' && m.status !== 'cancelled' && m.totalFloat !== null)).toBe(true);
  });
});

describe('a measurement with several problems', () => {
  it('is told of all of them at once: the value, the date and the link', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const fmm = goalByTitle(db, 'Qualify domestic fine metal masks');
    const before = tableCounts(db);
    const reading = { labId, goalId: fmm.id, value: 140, asOf: addDays(TEST_TODAY, 3), source: 'Line report', sourceUrl: 'ftp:/nope', comment: null };
    for (const [locale, messages] of [
      ['en', { value: 'Enter a value from 0 to 100.', asOf: 'The as-of date cannot be in the future.', sourceUrl: 'Enter a web address starting with https://.' }],
      ['zh-CN', { value: '请输入 0 至 100 之间的数值。', asOf: '截至日期不能晚于今天。', sourceUrl: '请输入以 https:// 开头的网址。' }],
    ] as const) {
      const res = await httpCall(db, 'measurement.record', reading, { user: member, locale });
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toEqual({ value: [messages.value], asOf: [messages.asOf], sourceUrl: [messages.sourceUrl] });
    }
    // Without the bad link, the service says the other two together.
    const res = await httpCall(db, 'measurement.record', { ...reading, sourceUrl: null }, { user: member });
    expect(Object.keys(fieldErrors(res)).sort()).toEqual(['asOf', 'value']);
    expect(tableCounts(db)).toEqual(before);
  });

  it('says nothing of a goal the caller cannot see', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const steel = goalByTitle(db, 'Lower the CO2');
    const res = await httpCall(
      db,
      'measurement.record',
      { labId, goalId: steel.id, value: 'abc', asOf: '2999-01-01', source: '', sourceUrl: null, comment: null },
      { user: member },
    );
    expect(res.status).toBe(400);
    expect(Object.keys(fieldErrors(res))).toEqual(['value']);
  });
});
