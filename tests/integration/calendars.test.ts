import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { calendarResponse } from '@/server/api/milestone-files';
import { labCalendar } from '@/server/services/public-documents';
import { callerAs, freshDb, labIdOf } from '../helpers/db';

// Both milestone calendars (the public one of a lab, and the per-user one at a secret URL) are
// written by one iCalendar writer: what a manager types into a milestone reaches every calendar
// client as typed, and no line break in it can start a property of its own.

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});

const TITLES = {
  cr: 'Pilot run\rATTENDEE:mailto:cr@evil.example',
  lf: 'Pilot run\nATTENDEE:mailto:lf@evil.example',
  crlf: 'Pilot run\r\nATTENDEE:mailto:crlf@evil.example',
  punctuation: 'Panels, round 2; C:\\plans\\pilot, "final"',
  long: `试产（一万片）, a title long enough that it needs folding; ${'国产化验证 '.repeat(12)}end`,
};
const DESCRIPTION = 'First line\rsecond line\r\nthird line\nfourth; with, commas \\ and a backslash';

/** Line breaks of every kind come back as the one a calendar knows: LF. */
const asRead = (text: string) => text.replace(/\r\n|\r/g, '\n');

/** Gives the lab's public milestones the titles above (and the description), through the manager's form. */
async function retitleMilestones(): Promise<Map<number, string>> {
  const manager = callerAs(db, 'manager@demo.local');
  const { milestones } = await manager.milestone.timeline({ labId });
  const publicOnes = milestones.filter((m) => m.isPublic);
  const titles = Object.values(TITLES);
  expect(publicOnes.length).toBeGreaterThanOrEqual(titles.length);
  const byId = new Map<number, string>();
  for (const [i, title] of titles.entries()) {
    const m = publicOnes[i]!;
    await manager.milestone.update({
      labId,
      id: m.id,
      version: m.version,
      title,
      description: DESCRIPTION,
      phase: m.phase,
      ownerOrganisationId: m.ownerOrganisationId,
      forecastStart: m.forecastStart,
      forecastFinish: m.forecastFinish,
      isPublic: true,
      status: m.status,
      percentComplete: m.percentComplete,
      actualStart: m.actualStart,
      actualFinish: m.actualFinish,
    });
    byId.set(m.id, title);
  }
  return byId;
}

async function perUserCalendar(): Promise<string> {
  const { path } = await callerAs(db, 'viewer@demo.local').calendar.renew({ labId });
  const res = calendarResponse(db, path.split('/').pop()!, 'https://tracker.example.org');
  expect(res.status).toBe(200);
  return res.text();
}

const feeds = {
  'the public calendar': async () => labCalendar(db, 'en', 'new-display-lab'),
  'the per-user calendar': perUserCalendar,
};

describe.each(Object.entries(feeds))('%s', (_, read) => {
  it('gives back titles and descriptions with CR, LF, CRLF, commas, semicolons and backslashes as typed', async () => {
    const titles = await retitleMilestones();
    const text = await read();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    for (const [id, title] of titles) {
      const component = events.find((c) => String(c.getFirstPropertyValue('uid')).startsWith(`milestone-${id}@`));
      expect(component, `event of milestone ${id}`).toBeDefined();
      const event = new ICAL.Event(component!);
      expect(event.summary).toBe(asRead(title));
      expect(event.description.startsWith(asRead(DESCRIPTION))).toBe(true);
      // A line break in a title stays text: it never becomes a property of the event.
      expect(component!.getAllProperties('attendee')).toEqual([]);
    }
    expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  });

  it('folds every line at 75 octets, continuation lines included, without splitting a character', async () => {
    await retitleMilestones();
    const text = await read();
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    const summary = text
      .replace(/\r\n /g, '')
      .split('\r\n')
      .find((l) => l.startsWith('SUMMARY:试产'));
    expect(summary).toBe(`SUMMARY:${TITLES.long.replaceAll(',', '\\,').replaceAll(';', '\\;')}`);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });
});
