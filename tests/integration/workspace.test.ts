import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { auditEvents, goals, memberships, milestones } from '@/db/schema';
import { addDays } from '@/server/domain/dates';
import { VISIT_GAP_MS } from '@/server/domain/visits';
import { recordLabVisit } from '@/server/services/visits';
import { getWorkspace } from '@/server/services/workspace';
import { callerAs, freshDb, labIdOf, sessionUser, tableCounts, TEST_TODAY } from '../helpers/db';
import { addOutsider, ACTORS, errorCode, expectRefusals, type Actor } from '../helpers/roles';
import { expectAll } from '../helpers/expect-all';

// The workspace after sign-in: labs with latest health, late and due work, goals in trouble, what
// others changed since the last visit, one attention list, and what the quick-progress forms log.

let db: DB;
let labId: number;
beforeEach(async () => {
  db = await freshDb();
  labId = labIdOf(db, 'new-display-lab');
  addOutsider(db);
});

/** Noon on the test database's "today", when its demo dates were seeded. */
const NOW = new Date(`${TEST_TODAY}T12:00:00Z`);
const workspaceOf = (email: string, now = NOW) => getWorkspace(db, sessionUser(db, email), { now });
const milestoneId = (title: string) => db.select().from(milestones).where(eq(milestones.title, title)).get()!.id;

describe('the workspace of a member', () => {
  it('lists their lab with role, counts of late and due work, and the latest health', () => {
    const { labs } = workspaceOf(ACTORS.member);
    expect(labs.map((l) => [l.slug, l.role])).toEqual([['new-display-lab', 'member']]);
    const [lab] = labs;
    // Overdue: the mask trial (due 5 days ago); due in 30 days: LTPO (in 15 days).
    expect(lab).toMatchObject({ overdue: 1, dueSoon: 1, canLog: true });
    expect(lab!.latestUpdate).toMatchObject({ health: 'at_risk', authorName: 'Zhang Min', orgShortName: 'Tianma' });
    expect(lab!.latestUpdate!.excerpt).toMatch(/^LTPO at 70 %/);
  });

  it('puts everything that needs attention in one list, late work first', () => {
    const { attention } = workspaceOf(ACTORS.member);
    expect(attention[0]).toMatchObject({
      reason: 'overdue',
      kind: 'milestone',
      id: milestoneId('Domestic fine metal mask pilot trial'),
      days: 5,
      canLog: true,
      lab: { slug: 'new-display-lab' },
      owner: { shortName: 'CSOT Wuhan' },
      ownedByMyOrganisation: false,
    });
    const ltpo = attention.find((a) => a.id === milestoneId('LTPO backplane process verification'));
    expect(ltpo).toMatchObject({ reason: 'due_soon', days: 15, ownedByMyOrganisation: true });
    const rank = ['overdue', 'off_track', 'at_risk', 'due_soon', 'stale'];
    const ranks = attention.map((a) => rank.indexOf(a.reason));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Goals in trouble are listed with their latest figure; done and far-off milestones are not.
    expect(attention.some((a) => a.kind === 'goal' && (a.reason === 'off_track' || a.reason === 'at_risk'))).toBe(true);
    expect(attention.some((a) => a.id === milestoneId('Joint lab charter and governance signed') && a.kind === 'milestone')).toBe(false);
    expect(
      attention.some((a) => a.id === milestoneId('Mass production with at least 30 % domestic materials') && a.kind === 'milestone'),
    ).toBe(false);
  });

  it('offers the goals of the lab to the quick-progress forms with the page, and its milestones when a form opens', async () => {
    const [log] = workspaceOf(ACTORS.member).log;
    expect(log!.lab.slug).toBe('new-display-lab');
    expect(log!.canPublish).toBe(false);
    expect(log!.goals.length).toBe(db.select().from(goals).where(eq(goals.labId, labId)).all().length);
    // The next figure usually comes from the same report as the last one: the form offers its source.
    expect(log!.goals.find((g) => g.titleEn === 'Qualify domestic fine metal masks')?.latestSource).toBe('Line report');
    // The page itself carries no milestone lists: a member of large labs would get all of them.
    expect(log).not.toHaveProperty('milestones');

    const choices = await callerAs(db, ACTORS.member).workspace.logChoices({ labId });
    expect(choices.milestones.length).toBeGreaterThan(0);
    expectAll(choices.milestones, (m) => m.status !== 'done' && m.status !== 'cancelled');
    expect(choices.milestones.find((m) => m.title === 'LTPO backplane process verification')).toMatchObject({
      percentComplete: 70,
      version: 1,
    });
    expect(choices.linkMilestones.length).toBe(db.select().from(milestones).where(eq(milestones.labId, labId)).all().length);
  });

  it('gives the milestone choices to members and managers only', async () => {
    expect(await errorCode(callerAs(db, 'viewer@demo.local').workspace.logChoices({ labId }))).toBe('FORBIDDEN');
    expect(await errorCode(callerAs(db, 'steel@demo.local').workspace.logChoices({ labId }))).toBe('NOT_FOUND');
    expect(await errorCode(callerAs(db, null).workspace.logChoices({ labId }))).toBe('UNAUTHORIZED');
  });

  it('takes the latest health from the newest update that is not hidden', async () => {
    const { id, version } = await callerAs(db, ACTORS.member).update.post({ labId, body: 'Wrong lab, sorry', health: 'off_track' });
    await callerAs(db, ACTORS.manager).update.setHidden({ labId, updateId: id, version, hidden: true, reason: 'Posted by mistake' });
    const now = new Date();
    expect(workspaceOf(ACTORS.manager, now).labs[0]!.latestUpdate).toMatchObject({ health: 'at_risk', authorName: 'Zhang Min' });
  });
});

describe('what changed since my last visit', () => {
  it('counts what others changed after the end of the last visit, never the person’s own changes', () => {
    const { changes } = workspaceOf(ACTORS.member).labs[0]!;
    // The demo member last opened the lab 21 days before the seed day.
    expect(changes.basis).toBe('last_visit');
    expect(changes.since).toEqual(new Date(`${addDays(TEST_TODAY, -21)}T09:00:00Z`));
    const member = sessionUser(db, ACTORS.member).id;
    const expected = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.labId, labId))
      .all()
      .filter((e) => e.createdAt > changes.since && e.actorId !== member);
    expect(changes.total).toBe(expected.length);
    expect(changes.total).toBeGreaterThan(0);
    expect(changes.latest.length).toBe(Math.min(5, expected.length));
    expectAll(changes.latest, (e) => e.actor?.id !== member);
    expect(changes.latest[0]!.id).toBe(Math.max(...expected.map((e) => e.id)));
  });

  it('shows a manager a member’s new update, and the member nothing of their own', async () => {
    const before = workspaceOf(ACTORS.manager, new Date()).labs[0]!.changes.total;
    const mine = workspaceOf(ACTORS.member, new Date()).labs[0]!.changes.total;
    await callerAs(db, ACTORS.member).update.post({ labId, body: 'Mask tension within spec on all six masks.', health: 'on_track' });
    const manager = workspaceOf(ACTORS.manager, new Date()).labs[0]!.changes;
    expect(manager.total).toBe(before + 1);
    expect(manager.latest[0]).toMatchObject({ action: 'created', entityType: 'progress_update', actor: { name: 'Zhang Min' } });
    expect(workspaceOf(ACTORS.member, new Date()).labs[0]!.changes.total).toBe(mine);
  });

  it('starts from the end of the last visit once it is over, and keeps the list while the person is still visiting', async () => {
    const member = sessionUser(db, ACTORS.member);
    const visit = new Date();
    recordLabVisit(db, member, labId, visit);
    // Back on the workspace five minutes later: still the same visit, still the changes since the one before.
    const during = workspaceOf(ACTORS.member, new Date(visit.getTime() + 5 * 60_000)).labs[0]!.changes;
    expect(during.since).toEqual(new Date(`${addDays(TEST_TODAY, -21)}T09:00:00Z`));
    expect(during.total).toBeGreaterThan(0);
    // The next day: only what happened after that visit.
    const later = new Date(visit.getTime() + VISIT_GAP_MS + 60_000);
    expect(workspaceOf(ACTORS.member, later).labs[0]!.changes).toMatchObject({ since: visit, basis: 'last_visit', total: 0 });
  });

  it('shows the last 14 days to someone who never opened the lab', () => {
    const { changes } = workspaceOf(ACTORS.viewer).labs[0]!;
    expect(changes.basis).toBe('recent');
    expect(changes.since).toEqual(new Date(NOW.getTime() - 14 * 86_400_000));
  });
});

describe('workspace.recordVisit', () => {
  it('remembers a page view without changing the membership’s version or writing an audit event', async () => {
    const member = sessionUser(db, ACTORS.member);
    const row = () =>
      db
        .select()
        .from(memberships)
        .where(and(eq(memberships.labId, labId), eq(memberships.userId, member.id)))
        .get()!;
    const before = row();
    const events = db.select().from(auditEvents).all().length;
    expect(await callerAs(db, ACTORS.member).workspace.recordVisit({ labId })).toEqual({ recorded: true });
    const after = row();
    expect(after.lastVisitedAt!.getTime()).toBeGreaterThan(before.lastVisitedAt!.getTime());
    expect(after.previousVisitAt).toEqual(before.lastVisitedAt);
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(db.select().from(auditEvents).all().length).toBe(events);
    // A second view within the same visit keeps where the visit before ended.
    await callerAs(db, ACTORS.member).workspace.recordVisit({ labId });
    expect(row().previousVisitAt).toEqual(before.lastVisitedAt);
  });

  it('keeps nothing for an admin who is not a member, and changes no table', async () => {
    const counts = tableCounts(db);
    expect(await callerAs(db, ACTORS.admin).workspace.recordVisit({ labId })).toEqual({ recorded: false });
    expect(tableCounts(db)).toEqual(counts);
  });

  it('records for every role in the lab, and refuses everyone else without changing anything', async () => {
    for (const actor of ['viewer', 'member', 'manager'] as Actor[]) {
      expect(await callerAs(db, ACTORS[actor]).workspace.recordVisit({ labId })).toEqual({ recorded: true });
    }
    const viewerRule: Record<Actor, string> = {
      anonymous: 'UNAUTHORIZED',
      outsider: 'NOT_FOUND',
      otherManager: 'NOT_FOUND',
      viewer: 'OK',
      member: 'OK',
      manager: 'OK',
      admin: 'OK',
    };
    await expectRefusals(db, viewerRule, (c) => c.workspace.recordVisit({ labId }));
    expect(await errorCode(callerAs(db, ACTORS.member).workspace.recordVisit({ labId: 999_999 }))).toBe('NOT_FOUND');
  });
});

describe('workspace.overview for every kind of caller', () => {
  it('refuses anonymous callers', async () => {
    expect(await errorCode(callerAs(db, null).workspace.overview())).toBe('UNAUTHORIZED');
  });

  it('gives a signed-in person with no lab an empty workspace', async () => {
    expect(await callerAs(db, ACTORS.outsider).workspace.overview()).toMatchObject({ labs: [], attention: [], log: [] });
  });

  it('shows a viewer the lab and what needs attention, with nothing to log', () => {
    const workspace = workspaceOf(ACTORS.viewer);
    expect(workspace.labs.map((l) => [l.slug, l.role, l.canLog])).toEqual([['new-display-lab', 'viewer', false]]);
    expect(workspace.attention.length).toBeGreaterThan(0);
    expectAll(workspace.attention, (a) => !a.canLog);
    expect(workspace.log).toEqual([]);
  });

  it('gives a manager the right to publish from the quick update form', () => {
    expect(workspaceOf(ACTORS.manager).log[0]!.canPublish).toBe(true);
  });

  it('keeps each person to their own labs: the steel manager sees nothing of the display lab', () => {
    const workspace = workspaceOf(ACTORS.otherManager);
    expect(workspace.labs.map((l) => l.slug)).toEqual(['green-auto-steel']);
    expectAll(workspace.attention, (a) => a.lab.slug === 'green-auto-steel');
    expect(workspace.log.map((l) => l.lab.slug)).toEqual(['green-auto-steel']);
    // Every change in the steel lab is the steel manager's own.
    expect(workspace.labs[0]!.changes.total).toBe(0);
  });

  it('shows an admin every lab, with the last 14 days of changes where they keep no visits', () => {
    const workspace = workspaceOf(ACTORS.admin);
    expect(workspace.labs.map((l) => l.slug).sort()).toEqual(['green-auto-steel', 'key-equipment-consortium', 'new-display-lab']);
    expectAll(workspace.labs, (l) => l.role === 'admin' && l.changes.basis === 'recent');
    expect(workspace.log.length).toBe(3);
  });

  it('changes nothing when read', async () => {
    const counts = tableCounts(db);
    await callerAs(db, ACTORS.member).workspace.overview();
    expect(tableCounts(db)).toEqual(counts);
  });
});
