import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, calendarTokens, memberships, milestones, users } from '@/db/schema';
import { calendarResponse, milestoneCsvResponse } from '@/server/api/milestone-files';
import { callerAs, errorCode, freshDb, labIdOf, sessionUser, tableCounts } from '../helpers/db';

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
});

const tokenOf = (path: string) => path.split('/').pop()!;

describe('CSV export of milestones', () => {
  const csv = (email: string | null, slug = 'new-display-lab', locale: 'en' | 'zh-CN' = 'en', baselineId: number | null = null) =>
    milestoneCsvResponse(db, email ? sessionUser(db, email) : null, { slug, baselineId, locale });

  it('gives a manager every milestone with baseline, forecast, actual and slippage', async () => {
    const res = csv('manager@demo.local');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('new-display-lab-milestones.csv');
    const text = await res.text();
    const [header, ...rows] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'Milestone,Phase,Owner,Status,Percent complete,Baseline start,Baseline finish,Forecast start,Forecast finish,Actual start,Actual finish,Slip (days),Late,Critical path,Total float (days),Public',
    );
    expect(rows).toHaveLength(12);
    const ltpo = rows.find((r) => r.startsWith('LTPO backplane'))!.split(',');
    expect(ltpo[11]).toBe('35'); // slip against the latest baseline
    expect(rows.some((r) => r.startsWith('"Pilot run with domestic materials (10,000 panels)"'))).toBe(true);
  });

  it('compares with a chosen baseline and speaks Chinese when asked', async () => {
    const { baselines } = await callerAs(db, 'manager@demo.local').milestone.timeline({ labId });
    const text = await csv('manager@demo.local', 'new-display-lab', 'zh-CN', baselines[1]!.id).text();
    expect(text.split('\r\n')[0]).toContain('里程碑,阶段,负责单位');
    expect(
      text
        .split('\r\n')
        .find((r) => r.startsWith('LTPO backplane'))!
        .split(',')[11],
    ).toBe('45');
  });

  it('defuses spreadsheet formulas in titles', async () => {
    const m = db.select().from(milestones).where(eq(milestones.labId, labId)).get()!;
    db.update(milestones).set({ title: '=HYPERLINK("http://evil")' }).where(eq(milestones.id, m.id)).run();
    expect(await csv('manager@demo.local').text()).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('is a manager’s right: 401 anonymous, 404 outside the lab, 403 for members and viewers', async () => {
    expect(csv(null).status).toBe(401);
    expect(csv('steel@demo.local').status).toBe(404);
    expect(csv('manager@demo.local', 'key-equipment-consortium').status).toBe(404);
    expect(csv('manager@demo.local', 'no-such-lab').status).toBe(404);
    expect(csv('member@demo.local').status).toBe(403);
    expect(csv('viewer@demo.local').status).toBe(403);
    expect(csv('admin@demo.local', 'key-equipment-consortium').status).toBe(200);
    expect(await csv('member@demo.local').text()).not.toContain('LTPO');
  });
});

describe('calendar feed at a per-user secret URL', () => {
  it('lets any role in the lab make a URL whose ICS parses, with every milestone as an all-day event', async () => {
    const viewer = callerAs(db, 'viewer@demo.local');
    expect(await viewer.calendar.status({ labId })).toEqual({ active: false });
    const { path } = await viewer.calendar.renew({ labId });
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{32}$/);
    // Only the hash is stored.
    const stored = db
      .select()
      .from(calendarTokens)
      .where(eq(calendarTokens.userId, sessionUser(db, 'viewer@demo.local').id))
      .get()!;
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(tokenOf(path));

    const res = calendarResponse(db, tokenOf(path), 'https://tracker.example.org');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(12);
    const ltpo = db.select().from(milestones).where(eq(milestones.title, 'LTPO backplane process verification')).get()!;
    const event = events.find((e) => e.summary === ltpo.title)!;
    expect(event.startDate.toString()).toBe(ltpo.forecastStart);
    expect(event.startDate.isDate).toBe(true);
    expect(event.uid).toBe(`milestone-${ltpo.id}@consortium-tracker`);
    // Members see private milestones in their own feed.
    expect(events.some((e) => e.summary.startsWith('Confidential'))).toBe(true);
    expect((await viewer.calendar.status({ labId })).active).toBe(true);
  });

  it('renewing ends the old URL; revoking ends the current one; both are audited', async () => {
    const member = callerAs(db, 'member@demo.local');
    const first = await member.calendar.renew({ labId });
    const second = await member.calendar.renew({ labId });
    expect(calendarResponse(db, tokenOf(first.path), 'http://x').status).toBe(404);
    expect(calendarResponse(db, tokenOf(second.path), 'http://x').status).toBe(200);
    await member.calendar.revoke({ labId });
    expect(calendarResponse(db, tokenOf(second.path), 'http://x').status).toBe(404);
    expect(await member.calendar.status({ labId })).toEqual({ active: false });
    const actions = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'calendar_token'))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(['created', 'renewed', 'revoked']);
  });

  it('stops working when the user loses their role or is disabled', async () => {
    const member = sessionUser(db, 'member@demo.local');
    const { path } = await callerAs(db, 'member@demo.local').calendar.renew({ labId });
    db.delete(memberships)
      .where(and(eq(memberships.userId, member.id), eq(memberships.labId, labId)))
      .run();
    expect(calendarResponse(db, tokenOf(path), 'http://x').status).toBe(404);
    const viewer = sessionUser(db, 'viewer@demo.local');
    const v = await callerAs(db, 'viewer@demo.local').calendar.renew({ labId });
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, viewer.id)).run();
    expect(calendarResponse(db, tokenOf(v.path), 'http://x').status).toBe(404);
  });

  it('answers 404 to unknown or malformed tokens', () => {
    expect(calendarResponse(db, 'x'.repeat(32), 'http://x').status).toBe(404);
    expect(calendarResponse(db, '../../etc/passwd', 'http://x').status).toBe(404);
  });

  it('refuses anonymous callers and outsiders, changing nothing', async () => {
    for (const call of ['status', 'renew', 'revoke'] as const) {
      const before = tableCounts(db);
      expect(await errorCode(callerAs(db, null).calendar[call]({ labId }))).toBe('UNAUTHORIZED');
      expect(await errorCode(callerAs(db, 'steel@demo.local').calendar[call]({ labId }))).toBe('NOT_FOUND');
      expect(tableCounts(db)).toEqual(before);
    }
  });
});

describe('portfolio.timeline', () => {
  it('shows a user the labs they belong to, an admin all labs, with spans, markers and slippage', async () => {
    const manager = await callerAs(db, 'manager@demo.local').portfolio.timeline();
    expect(manager.labs.map((l) => l.slug)).toEqual(['new-display-lab']);
    const lab = manager.labs[0]!;
    expect(lab.milestones).toHaveLength(12);
    expect(lab.start).toBe('2022-07-01');
    expect(lab.health).toBe('late');
    expect(lab.lateCount).toBeGreaterThan(0);
    expect(lab.slippage.endSlipDays).toBeGreaterThan(0);
    const admin = await callerAs(db, 'admin@demo.local').portfolio.timeline();
    expect(admin.labs.map((l) => l.slug).sort()).toEqual(['green-auto-steel', 'key-equipment-consortium', 'new-display-lab']);
    expect(admin.options.sectors.length).toBeGreaterThan(1);
  });

  it('filters by sector, chain, stage and status', async () => {
    const admin = callerAs(db, 'admin@demo.local');
    expect((await admin.portfolio.timeline({ sector: 'steel_metallurgy' })).labs.map((l) => l.slug)).toEqual(['green-auto-steel']);
    expect((await admin.portfolio.timeline({ chain: 'OLED display' })).labs.map((l) => l.slug)).toEqual(['new-display-lab']);
    expect((await admin.portfolio.timeline({ stage: 'mass_production', status: 'active' })).labs.map((l) => l.slug)).toEqual([
      'green-auto-steel',
    ]);
    const none = await admin.portfolio.timeline({ sector: 'aerospace' });
    expect(none.labs).toEqual([]);
    expect(none.totalLabs).toBe(3);
  });

  it('never shows a lab the user is not in, and refuses anonymous callers', async () => {
    const steel = await callerAs(db, 'steel@demo.local').portfolio.timeline();
    expect(steel.labs.map((l) => l.slug)).toEqual(['green-auto-steel']);
    expect(JSON.stringify(steel)).not.toContain('Confidential');
    expect(await errorCode(callerAs(db, null).portfolio.timeline())).toBe('UNAUTHORIZED');
  });
});
