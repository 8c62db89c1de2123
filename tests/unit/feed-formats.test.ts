import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeXml, renderAtom, rfc3339 } from '@/server/domain/atom';
import { escapeText, foldLine, renderCalendar } from '@/server/domain/icalendar';
import { atomSchemaErrors } from '../schemas/atom';

describe('Atom', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`<b a="1">Tom & Jerry's</b>\u0001\u0008`)).toBe('&lt;b a=&quot;1&quot;&gt;Tom &amp; Jerry&apos;s&lt;/b&gt;');
  });

  it('writes RFC 3339 timestamps in UTC', () => {
    expect(rfc3339(new Date('2026-05-26T09:10:00.123Z'))).toBe('2026-05-26T09:10:00Z');
  });

  it('writes the elements RFC 4287 requires, with HTML content escaped', () => {
    const xml = renderAtom({
      id: 'tag:example.org,2024:feed',
      title: 'News & more',
      lang: 'en',
      updated: new Date('2026-01-02T03:04:05Z'),
      selfUrl: 'https://example.org/feed.xml',
      alternateUrl: 'https://example.org/',
      author: { name: 'Lab <A>' },
      entries: [
        {
          id: 'tag:example.org,2024:update/1',
          title: 'One',
          updated: new Date('2026-01-01T00:00:00Z'),
          link: 'https://example.org/#u1',
          contentHtml: '<p>Hi <strong>there</strong></p>',
        },
      ],
    });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml).toContain('<title type="text">News &amp; more</title>');
    expect(xml).toContain('<updated>2026-01-02T03:04:05Z</updated>');
    expect(xml).toContain('<author><name>Lab &lt;A&gt;</name></author>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/feed.xml"/>');
    expect(xml).toContain('<content type="html">&lt;p&gt;Hi &lt;strong&gt;there&lt;/strong&gt;&lt;/p&gt;</content>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });

  it('writes documents that validate against the Atom grammar, with every optional part and in Chinese', async () => {
    const xml = renderAtom({
      id: 'tag:example.org,2024:feed',
      title: '绿色低碳汽车钢供应链 · 动态',
      subtitle: 'Updates & milestones',
      lang: 'zh-CN',
      updated: new Date('2026-01-02T03:04:05Z'),
      selfUrl: 'https://example.org/zh-CN/labs/x/feed.xml',
      alternateUrl: 'https://example.org/zh-CN/labs/x',
      author: { name: '联合体', uri: 'https://example.org/zh-CN/labs/x' },
      generator: 'Consortium Tracker',
      entries: [
        {
          id: 'tag:example.org,2024:milestone/7',
          title: '里程碑完成：试产\u0001',
          updated: new Date('2026-01-01T00:00:00Z'),
          published: new Date('2025-12-31T23:00:00Z'),
          link: 'https://example.org/zh-CN/labs/x#m7',
          summary: '完成 <100%>',
          categories: [{ term: 'milestone', label: '里程碑' }],
          contentHtml: '<p>钢 &amp; 铁</p>',
        },
        {
          id: 'tag:example.org,2024:update/1',
          title: 'One',
          updated: new Date('2026-01-01T00:00:00Z'),
          link: 'https://example.org/#u1',
          summary: 'Short',
        },
      ],
    });
    expect(await atomSchemaErrors(xml)).toEqual([]);
    // The grammar does catch what RFC 4287 forbids: an entry without its id, a date without its zone.
    expect(await atomSchemaErrors(xml.replace('<id>tag:example.org,2024:update/1</id>', ''))).not.toEqual([]);
    expect(
      await atomSchemaErrors(xml.replace('<updated>2026-01-02T03:04:05Z</updated>', '<updated>2026-01-02T03:04:05</updated>')),
    ).not.toEqual([]);
  });
});

describe('iCalendar', () => {
  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('escapes a bare CR like any line break and drops the control characters TEXT does not allow', () => {
    expect(escapeText('a\rb\r\nc\nd\u0000\u001b\te')).toBe('a\\nb\\nc\\nd\te');
  });

  it('folds long lines at 75 octets without splitting a Chinese character', () => {
    const line = `SUMMARY:${'国产化'.repeat(30)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('produces a calendar that ical.js reads back, with all-day events ending the day after', () => {
    const ics = renderCalendar({
      prodId: '-//Test//EN',
      name: 'Lab · milestones',
      stamp: new Date('2026-06-15T00:00:00Z'),
      events: [
        {
          uid: 'm1@example.org',
          start: '2026-06-01',
          end: '2026-06-30',
          summary: 'Pilot; run, 试产',
          description: 'Line one\nLine two',
          status: 'TENTATIVE',
          lastModified: new Date('2026-06-10T08:00:00Z'),
        },
      ],
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Lab · milestones');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('m1@example.org');
    expect(event.summary).toBe('Pilot; run, 试产');
    expect(event.description).toBe('Line one\nLine two');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-06-01');
    expect(event.endDate.toString()).toBe('2026-07-01');
  });
});
