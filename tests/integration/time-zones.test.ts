import { createFormatter } from 'next-intl';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, labs, organisations, progressUpdates } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { readerTimeZone } from '@/server/domain/working-day';
import { freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';

// Issue 23.2: one definition of the consortium's day. At 20:00 UTC on 7 December it is already
// 04:00 on 8 December in Beijing: a milestone due on the 7th is late there, by one day, on every
// page that says so (workspace cards and attention list, timeline, lab overview, status report).

/** 04:00 on 8 December in Beijing; still the 7th in UTC and in Europe. */
const CLOCK = new Date('2026-12-07T20:00:00.000Z');

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});

const at = (email: string, now = CLOCK) => createCaller(createContext({ db, user: sessionUser(db, email), now: () => now }));
const tianma = () => db.select().from(organisations).where(eq(organisations.shortName, 'Tianma')).get()!.id;

async function milestoneDue(title: string, forecastFinish: string) {
  return at('manager@demo.local').milestone.create({
    labId,
    title,
    description: '',
    phase: 'pilot',
    ownerOrganisationId: tianma(),
    forecastStart: '2026-11-01',
    forecastFinish,
    actualStart: '2026-11-02',
    actualFinish: null,
    status: 'in_progress',
    percentComplete: 40,
    isPublic: false,
  });
}

/** What each page says about one milestone's lateness at the clock. */
async function latenessEverywhere(id: number, email = 'manager@demo.local') {
  const caller = at(email);
  const workspace = await caller.workspace.overview();
  const timeline = await caller.milestone.timeline({ labId });
  const overview = await caller.lab.overview({ slug: 'new-display-lab' });
  const report = await caller.report.status({ labId });
  const entry = workspace.attention.find((e) => e.kind === 'milestone' && e.id === id);
  const row = timeline.milestones.find((m) => m.id === id)!;
  const late = report.milestones.late.find((m) => m.id === id);
  return {
    attention: entry ? { reason: entry.reason, days: entry.days } : null,
    timelineLate: row.late,
    reportDaysLate: late?.daysLate ?? null,
    today: { timeline: timeline.today, report: report.today, overview: overview.today },
    lateCounts: {
      card: workspace.labs.find((l) => l.id === labId)!.overdue,
      timeline: timeline.milestones.filter((m) => m.late).length,
      overview: overview.counts.milestones.late,
    },
  };
}

describe('the consortium’s day', () => {
  it('is the lab’s calendar day: at 20:00 UTC on 7 December every page agrees a milestone due on the 7th is a day late', async () => {
    const dueSeventh = await milestoneDue('Due on the seventh', '2026-12-07');
    const dueSecond = await milestoneDue('Due on the second', '2026-12-02');

    const seventh = await latenessEverywhere(dueSeventh.id);
    expect(seventh.today).toEqual({ timeline: '2026-12-08', report: '2026-12-08', overview: '2026-12-08' });
    expect(seventh.attention).toEqual({ reason: 'overdue', days: 1 });
    expect(seventh.timelineLate).toBe(true);
    expect(seventh.reportDaysLate).toBe(1);

    const second = await latenessEverywhere(dueSecond.id);
    // Six days late everywhere (the server's UTC date would have said five).
    expect(second.attention).toEqual({ reason: 'overdue', days: 6 });
    expect(second.reportDaysLate).toBe(6);
    // The lab card, the timeline and the overview count the same late milestones.
    expect(second.lateCounts.card).toBe(second.lateCounts.timeline);
    expect(second.lateCounts.overview).toBe(second.lateCounts.timeline);
  });

  it('follows the lab’s own time zone: in a lab that works in UTC the milestone due on the 7th is due today, not late', async () => {
    const dueSeventh = await milestoneDue('Due on the seventh', '2026-12-07');
    db.update(labs).set({ timeZone: 'UTC' }).where(eq(labs.id, labId)).run();
    const seventh = await latenessEverywhere(dueSeventh.id);
    expect(seventh.today).toEqual({ timeline: '2026-12-07', report: '2026-12-07', overview: '2026-12-07' });
    expect(seventh.attention).toEqual({ reason: 'due_soon', days: 0 });
    expect(seventh.timelineLate).toBe(false);
    expect(seventh.reportDaysLate).toBeNull();
    expect(seventh.lateCounts.card).toBe(seventh.lateCounts.timeline);
  });

  it('takes a value dated 8 December in Beijing at that clock, and refuses the 9th', async () => {
    const member = at('member@demo.local');
    const goal = (await member.goal.list({ labId })).goals.find((g) => g.unit === 'percent')!;
    await member.measurement.record({ labId, goalId: goal.id, value: '50', asOf: '2026-12-08', source: 'Line report' });
    const before = tableCounts(db);
    await expect(member.measurement.record({ labId, goalId: goal.id, value: '51', asOf: '2026-12-09', source: 'Line report' })).rejects.toThrow(
      /future/i,
    );
    expect(tableCounts(db)).toEqual(before);
    expect((await member.goal.detail({ labId, goalId: goal.id })).latestAsOf).toBe('2026-12-08');
  });

  it('is set by a lab’s managers in its profile; an unknown zone is refused next to the field and nothing changes', async () => {
    const manager = at('manager@demo.local');
    const profile = (await manager.labSettings.get({ labId })).lab;
    const { version: _v, id: _id, ...fields } = profile;
    const before = tableCounts(db);
    const refused = await manager.labSettings
      .updateProfile({ ...fields, labId, version: profile.version, timeZone: 'Mars/Olympus_Mons' } as never)
      .catch((e: { code: string }) => e.code);
    expect(refused).toBe('BAD_REQUEST');
    expect(tableCounts(db)).toEqual(before);
    await manager.labSettings.updateProfile({ ...fields, labId, version: profile.version, timeZone: 'Europe/Berlin' } as never);
    expect(db.select({ timeZone: labs.timeZone }).from(labs).where(eq(labs.id, labId)).get()!.timeZone).toBe('Europe/Berlin');
    // Leaving the field out keeps the zone (an older form or script does not reset it).
    const again = (await manager.labSettings.get({ labId })).lab;
    const { timeZone: _tz, version: _v2, id: _id2, ...withoutZone } = again;
    await manager.labSettings.updateProfile({ ...withoutZone, labId, version: again.version } as never);
    expect(db.select({ timeZone: labs.timeZone }).from(labs).where(eq(labs.id, labId)).get()!.timeZone).toBe('Europe/Berlin');
  });
});

describe('a reader’s own time zone', () => {
  it('shows a person in Europe/Berlin their own post at their local time, after they chose the zone or by their browser’s', async () => {
    const member = at('member@demo.local');
    const { id } = await member.update.post({ labId, body: 'Evening check-in from Munich', health: 'on_track' });
    const posted = db.select({ at: progressUpdates.createdAt }).from(progressUpdates).where(eq(progressUpdates.id, id)).get()!.at;
    const shown = (zone: string) => createFormatter({ locale: 'en', timeZone: zone }).dateTime(posted, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
    // December in Berlin is UTC+1.
    const berlinTime = new Date(posted.getTime() + 3_600_000).toISOString().slice(11, 16);

    // No zone chosen: the browser's (the cookie the workspace writes) is used.
    expect(sessionUser(db, 'member@demo.local').timeZone).toBeNull();
    expect(shown(readerTimeZone(null, 'Europe/Berlin'))).toBe(berlinTime);
    // Nothing known: China Standard Time.
    expect(readerTimeZone(null, undefined)).toBe('Asia/Shanghai');
    expect(readerTimeZone(null, 'not/a zone')).toBe('Asia/Shanghai');

    // Chosen in the account: it wins over the browser's, and the change is in the audit log.
    await member.me.setTimeZone({ timeZone: 'Europe/Berlin' });
    const user = sessionUser(db, 'member@demo.local');
    expect(user.timeZone).toBe('Europe/Berlin');
    expect(shown(readerTimeZone(user.timeZone, 'Asia/Tokyo'))).toBe(berlinTime);
    const event = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, user.id))).all().at(-1)!;
    expect(event).toMatchObject({ action: 'updated', before: { timeZone: null }, after: { timeZone: 'Europe/Berlin' } });

    // Back to the browser's.
    await member.me.setTimeZone({ timeZone: null });
    expect(sessionUser(db, 'member@demo.local').timeZone).toBeNull();
  });

  it('refuses a zone that does not exist, naming the field, and changes nothing', async () => {
    const before = tableCounts(db);
    const error = await at('member@demo.local')
      .me.setTimeZone({ timeZone: 'Europe/Atlantis' })
      .catch((e: { code: string }) => e.code);
    expect(error).toBe('BAD_REQUEST');
    expect(tableCounts(db)).toEqual(before);
  });
});
