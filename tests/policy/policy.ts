import { and, eq } from 'drizzle-orm';
import type { DB } from '../../db/client';
import { goals, measurements, milestoneDependencies, milestones, progressUpdates } from '../../db/schema';
import { addDays, todayIso } from '../../server/domain/dates';
import type { SessionUser } from '../../server/auth';
import { previewReschedule } from '../../server/services/reschedule';
import { labIdOf, sessionUser } from '../helpers/db';
import type { Access, Outcome, Role } from './roles';

// The declared access policy of every tRPC procedure. The authorization matrix test fails when a
// procedure of the app router has no entry here, so a new procedure cannot ship without one.

export type Fixture = {
  db: DB;
  /** new-display-lab, the lab every lab-scoped call is made in. */
  labId: number;
  role: Role;
  user: SessionUser | null;
};

export type PolicyEntry = {
  access: Access;
  /** Builds a valid input for this caller (it may create records the call needs, e.g. the caller's own update). */
  input: (f: Fixture) => unknown;
  /** Exceptions to the access level, with the reason in the comment next to them. */
  overrides?: Partial<Record<Role, Outcome>>;
};

export function labFixture(db: DB, role: Role, user: SessionUser | null): Fixture {
  return { db, labId: labIdOf(db, 'new-display-lab'), role, user };
}

/** An update in the lab written by the caller (or by the member when the caller has no account). */
function ownUpdate(f: Fixture) {
  const authorId = f.user?.id ?? sessionUser(f.db, 'member@demo.local').id;
  return f.db
    .insert(progressUpdates)
    .values({ labId: f.labId, authorId, body: 'Policy fixture update', health: 'on_track' })
    .returning({ id: progressUpdates.id, version: progressUpdates.version })
    .get();
}

function anyUpdate(f: Fixture) {
  return f.db
    .select()
    .from(progressUpdates)
    .where(and(eq(progressUpdates.labId, f.labId)))
    .get()!;
}

function milestonesOf(f: Fixture) {
  return f.db.select().from(milestones).where(eq(milestones.labId, f.labId)).orderBy(milestones.id).all();
}

function aMilestone(f: Fixture) {
  return milestonesOf(f).find((m) => m.status === 'in_progress')!;
}

function aDependency(f: Fixture) {
  return f.db.select().from(milestoneDependencies).where(eq(milestoneDependencies.labId, f.labId)).get()!;
}

/** Two milestones of the lab that no dependency links yet, earliest first (so no cycle). */
function unlinkedPair(f: Fixture) {
  const ms = milestonesOf(f);
  const deps = f.db.select().from(milestoneDependencies).where(eq(milestoneDependencies.labId, f.labId)).all();
  for (const a of ms)
    for (const b of ms) {
      if (
        a.id < b.id &&
        !deps.some((d) => (d.predecessorId === a.id && d.successorId === b.id) || (d.predecessorId === b.id && d.successorId === a.id))
      ) {
        if (a.forecastFinish <= b.forecastStart) return { predecessorId: a.id, successorId: b.id };
      }
    }
  throw new Error('no unlinked pair');
}

const milestoneFields = (m: typeof milestones.$inferSelect) => ({
  title: m.title,
  description: m.description,
  phase: m.phase,
  ownerOrganisationId: m.ownerOrganisationId,
  forecastStart: m.forecastStart,
  forecastFinish: m.forecastFinish,
  isPublic: m.isPublic,
  status: m.status,
  percentComplete: m.percentComplete,
  actualStart: m.actualStart,
  actualFinish: m.actualFinish,
});

/** A public percentage goal of the lab (its demo values leave room on both sides). */
function aGoal(f: Fixture) {
  return f.db
    .select()
    .from(goals)
    .where(and(eq(goals.labId, f.labId), eq(goals.unit, 'percent'), eq(goals.isPublic, true)))
    .orderBy(goals.id)
    .get()!;
}

const goalFields = (g: typeof goals.$inferSelect) => ({
  titleEn: g.titleEn,
  titleZh: g.titleZh,
  itemKind: g.itemKind,
  itemNameEn: g.itemNameEn,
  itemNameZh: g.itemNameZh,
  metricEn: g.metricEn,
  metricZh: g.metricZh,
  unit: g.unit,
  unitLabel: g.unitLabel,
  direction: g.direction,
  baselineValue: g.baselineValue,
  baselineDate: g.baselineDate,
  targetValue: g.targetValue,
  targetDate: g.targetDate,
  tolerance: g.tolerance,
  ownerOrganisationId: g.ownerOrganisationId,
  isPublic: g.isPublic,
  milestoneIds: [],
});

/** A measurement recorded by the caller (or by the member when the caller has no account). */
function ownMeasurement(f: Fixture) {
  const recordedById = f.user?.id ?? sessionUser(f.db, 'member@demo.local').id;
  return f.db
    .insert(measurements)
    .values({ goalId: aGoal(f).id, value: 20, asOf: addDays(todayIso(), -2), source: 'Policy fixture', recordedById })
    .returning({ id: measurements.id, version: measurements.version })
    .get();
}

export const POLICY: Record<string, PolicyEntry> = {
  'directory.list': { access: 'public', input: () => undefined },

  'me.get': { access: 'authenticated', input: () => undefined },
  'me.setLocale': { access: 'authenticated', input: () => ({ locale: 'zh-CN' }) },

  'lab.mine': { access: 'authenticated', input: () => undefined },
  'lab.context': { access: 'viewer', input: () => ({ slug: 'new-display-lab' }) },
  'lab.overview': { access: 'viewer', input: () => ({ slug: 'new-display-lab' }) },
  'lab.byId': { access: 'viewer', input: (f) => ({ labId: f.labId }) },

  'update.list': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'update.options': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'update.history': { access: 'viewer', input: (f) => ({ labId: f.labId, updateId: anyUpdate(f).id }) },
  'update.preview': { access: 'member', input: (f) => ({ labId: f.labId, body: '**hello**' }) },
  'update.post': { access: 'member', input: (f) => ({ labId: f.labId, body: 'Policy check', health: 'on_track' }) },
  'update.edit': {
    access: 'member',
    input: (f) => {
      const u = ownUpdate(f);
      return { labId: f.labId, updateId: u.id, version: u.version, body: 'Edited by its author', health: 'at_risk' };
    },
  },
  'update.setPublic': {
    access: 'manager',
    input: (f) => {
      const u = anyUpdate(f);
      return { labId: f.labId, updateId: u.id, version: u.version, isPublic: !u.isPublic };
    },
  },
  'update.setHidden': {
    access: 'manager',
    input: (f) => {
      const u = anyUpdate(f);
      return { labId: f.labId, updateId: u.id, version: u.version, hidden: true, reason: 'Policy check' };
    },
  },

  'activity.list': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'activity.filters': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'audit.list': { access: 'manager', input: (f) => ({ labId: f.labId }) },

  'milestone.timeline': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'milestone.create': {
    access: 'manager',
    input: (f) => ({
      labId: f.labId,
      ...milestoneFields(aMilestone(f)),
      title: 'Policy milestone',
      status: 'not_started',
      percentComplete: 0,
      actualStart: null,
      actualFinish: null,
    }),
  },
  'milestone.update': {
    access: 'manager',
    input: (f) => {
      const m = aMilestone(f);
      return { labId: f.labId, id: m.id, version: m.version, ...milestoneFields(m), title: `${m.title} (edited)` };
    },
  },
  'milestone.delete': {
    access: 'manager',
    input: (f) => {
      const m = aMilestone(f);
      return { labId: f.labId, id: m.id, version: m.version };
    },
  },
  'milestone.updateProgress': {
    access: 'member',
    input: (f) => {
      const m = aMilestone(f);
      return {
        labId: f.labId,
        id: m.id,
        version: m.version,
        status: 'in_progress',
        percentComplete: Math.min(100, m.percentComplete + 5),
        actualStart: m.actualStart,
        actualFinish: null,
      };
    },
  },
  'milestone.reschedulePreview': { access: 'manager', input: (f) => ({ labId: f.labId }) },
  'milestone.rescheduleApply': {
    access: 'manager',
    // The moves a manager previewed (the demo lab has a dependency conflict to resolve).
    input: (f) => ({
      labId: f.labId,
      expected: previewReschedule(f.db, sessionUser(f.db, 'manager@demo.local'), { labId: f.labId }).map((m) => ({
        id: m.id,
        version: m.version,
      })),
    }),
  },
  'dependency.add': { access: 'manager', input: (f) => ({ labId: f.labId, ...unlinkedPair(f), lagDays: 3 }) },
  'dependency.updateLag': {
    access: 'manager',
    input: (f) => {
      const d = aDependency(f);
      return { labId: f.labId, id: d.id, version: d.version, lagDays: d.lagDays + 2 };
    },
  },
  'dependency.remove': {
    access: 'manager',
    input: (f) => {
      const d = aDependency(f);
      return { labId: f.labId, id: d.id, version: d.version };
    },
  },
  'baseline.list': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'baseline.set': { access: 'manager', input: (f) => ({ labId: f.labId, name: 'Policy baseline' }) },
  'calendar.status': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'calendar.renew': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'calendar.revoke': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'portfolio.timeline': { access: 'authenticated', input: () => ({}) },

  'goal.list': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'goal.detail': { access: 'viewer', input: (f) => ({ labId: f.labId, goalId: aGoal(f).id }) },
  'goal.editor': { access: 'manager', input: (f) => ({ labId: f.labId, goalId: aGoal(f).id }) },
  'goal.create': { access: 'manager', input: (f) => ({ labId: f.labId, ...goalFields(aGoal(f)), titleEn: 'Policy goal' }) },
  'goal.update': {
    access: 'manager',
    input: (f) => {
      const g = aGoal(f);
      return { labId: f.labId, goalId: g.id, version: g.version, ...goalFields(g), titleEn: `${g.titleEn} (edited)` };
    },
  },
  'goal.delete': {
    access: 'manager',
    input: (f) => {
      const g = aGoal(f);
      return { labId: f.labId, goalId: g.id, version: g.version };
    },
  },
  'goal.portfolio': { access: 'authenticated', input: () => undefined },
  'measurement.record': {
    access: 'member',
    input: (f) => ({
      labId: f.labId,
      goalId: aGoal(f).id,
      value: 21.5,
      asOf: addDays(todayIso(), -1),
      source: 'Policy check',
      sourceUrl: null,
      comment: null,
    }),
  },
  'measurement.update': {
    access: 'member',
    input: (f) => {
      const m = ownMeasurement(f);
      return {
        labId: f.labId,
        measurementId: m.id,
        version: m.version,
        value: 22,
        asOf: addDays(todayIso(), -2),
        source: 'Policy check (edited)',
        sourceUrl: null,
        comment: null,
      };
    },
  },
  'measurement.delete': {
    access: 'member',
    input: (f) => {
      const m = ownMeasurement(f);
      return { labId: f.labId, measurementId: m.id, version: m.version };
    },
  },
};
