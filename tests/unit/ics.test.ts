import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarText } from '../../server/domain/ics';

describe('calendarText', () => {
  it('writes all-day events that a real iCalendar parser reads back, with escaping and folding', () => {
    const title = 'Pilot run, round 2; 试产（一万片）— a long title that certainly needs folding beyond seventy-five octets';
    const text = calendarText('NDTL milestones', [
      {
        uid: 'milestone-7@consortium-tracker',
        title,
        description: 'Line 1\nLine 2',
        start: '2026-03-01',
        finish: '2026-03-31',
        stamp: new Date('2026-02-01T08:00:00Z'),
        status: 'CONFIRMED',
      },
    ]);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const [event] = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(event!.summary).toBe(title);
    expect(event!.description).toBe('Line 1\nLine 2');
    expect(event!.startDate.toString()).toBe('2026-03-01');
    // DTEND is exclusive: the event covers 1–31 March.
    expect(event!.endDate.toString()).toBe('2026-04-01');
    expect(event!.uid).toBe('milestone-7@consortium-tracker');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('NDTL milestones');
  });
});
