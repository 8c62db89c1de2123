import { TRPCError } from '@trpc/server';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { labAtomFeed, labCalendar, newsAtomFeed } from '@/server/services/public-documents';
import { freshDb, tableCounts } from '../helpers/db';

let db: DB;
beforeEach(async () => {
  db = await freshDb();
});

const PRIVATE = ['Confidential', '保密', 'Key Equipment', '关键装备', 'LTPO at 70 %', 'EAF trial is overdue', 'Shortlist of three'];

function entries(xml: string): string[] {
  return [...xml.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]);
}

function notFoundCode(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

describe('Atom feed of a lab', () => {
  it('has the public updates and the completions of public milestones, newest first, and nothing private', () => {
    const xml = labAtomFeed(db, 'en', 'new-display-lab');
    const items = entries(xml);
    const updates = items.filter((e) => e.includes(':update/'));
    const completions = items.filter((e) => e.includes('/completed</id>'));
    expect(updates).toHaveLength(4);
    expect(completions).toHaveLength(5);
    expect(xml).toContain('Milestone completed: Phone with the custom 1.5K OLED display ships');
    // Markdown arrives as escaped HTML content.
    expect(xml).toContain('&lt;strong&gt;1.5K OLED display&lt;/strong&gt;');
    const updated = items.map((e) => e.match(/<updated>(.*?)<\/updated>/)![1]!);
    expect([...updated].sort().reverse()).toEqual(updated);
    for (const marker of PRIVATE) expect(xml, marker).not.toContain(marker);
  });

  it('links each entry to the fact sheet and uses the reader’s language', () => {
    const zh = labAtomFeed(db, 'zh-CN', 'new-display-lab');
    expect(zh).toContain('xml:lang="zh-CN"');
    expect(zh).toContain('<title type="text">新型显示技术联合实验室 · 动态</title>');
    expect(zh).toContain('里程碑已完成：');
    expect(zh).toMatch(/<link rel="alternate" type="text\/html" href="http:\/\/localhost:\d+\/zh-CN\/labs\/new-display-lab#update-\d+"\/>/);
  });

  it('is NOT_FOUND for a private lab, as for a missing one', () => {
    expect(notFoundCode(() => labAtomFeed(db, 'en', 'key-equipment-consortium'))).toBe('NOT_FOUND');
    expect(notFoundCode(() => labAtomFeed(db, 'en', 'no-such-lab'))).toBe('NOT_FOUND');
  });
});

describe('Atom feed of all public labs', () => {
  it('mixes the news of both public labs, names the lab in each title, and leaves out the private lab', () => {
    const xml = newsAtomFeed(db, 'en');
    const items = entries(xml);
    expect(items.some((e) => e.includes('<title type="text">NDTL: '))).toBe(true);
    expect(items.some((e) => e.includes('<title type="text">GLCS: '))).toBe(true);
    // New display: 4 public updates and 5 completions; green steel: 4 and 4.
    expect(items.length).toBe(4 + 5 + 4 + 4);
    for (const marker of PRIVATE) expect(xml, marker).not.toContain(marker);
  });
});

describe('ICS calendar of a lab', () => {
  it('parses with ical.js and holds exactly the public milestones as all-day events', () => {
    const ics = labCalendar(db, 'en', 'new-display-lab', new Date('2026-06-15T00:00:00Z'));
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Consortium Tracker//Public milestones//EN');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(10);
    const launch = events.find((e) => e.summary === 'Phone with the custom 1.5K OLED display ships')!;
    expect(launch.startDate.isDate).toBe(true);
    // Finished milestones show their actual dates: started 2023-06-05, finished 2023-10-26 (end is exclusive).
    expect(launch.startDate.toString()).toBe('2023-06-05');
    expect(launch.endDate.toString()).toBe('2023-10-27');
    expect(launch.description).toContain('Status: Done · 100% complete');
    expect(launch.uid).toMatch(/^milestone-\d+@localhost$/);
    expect(new Set(events.map((e) => e.uid)).size).toBe(10);
    for (const marker of PRIVATE) expect(ics, marker).not.toContain(marker);
  });

  it('speaks Chinese in the Chinese calendar, and is NOT_FOUND for a private lab', () => {
    const ics = labCalendar(db, 'zh-CN', 'green-auto-steel');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('绿色低碳汽车钢供应链 · 里程碑');
    expect(ics).toContain('阶段：');
    expect(notFoundCode(() => labCalendar(db, 'en', 'key-equipment-consortium'))).toBe('NOT_FOUND');
  });

  it('reads without writing', () => {
    const before = tableCounts(db);
    labCalendar(db, 'en', 'new-display-lab');
    labAtomFeed(db, 'en', 'new-display-lab');
    newsAtomFeed(db, 'en');
    expect(tableCounts(db)).toEqual(before);
  });
});
