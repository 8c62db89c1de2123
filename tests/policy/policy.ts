import { and, eq } from 'drizzle-orm';
import type { DB } from '@/db/client';
import {
  goals,
  jobs,
  labTechnologies,
  labs as labsTable,
  measurements,
  memberships,
  milestoneDependencies,
  milestones,
  organisations,
  participations,
  progressUpdates,
  securityKeys,
  users,
} from '@/db/schema';
import { addDays, todayIso } from '@/server/domain/dates';
import type { SessionUser } from '@/server/auth';
import { insertEmailConfirmation } from '@/server/services/email-confirmations';
import { insertInvitation } from '@/server/services/invitations';
import { insertPasswordReset } from '@/server/services/passwords';
import { enqueueJob } from '@/server/services/jobs';
import { previewReschedule } from '@/server/services/reschedule';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { labIdOf, sessionUser } from '../helpers/db';
import { enableTotpDirectly, pendTotpDirectly, totpCode } from '../helpers/two-factor';
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

/**
 * Text in new-display-lab that only some callers may read, and so must appear in no answer to anyone
 * else: what "may read" means beyond "may call". Each is written the way users write it.
 */
export type UnreadableText = { what: string; text: string; readers: Role[] };

const MANAGERS: Role[] = ['manager', 'admin'];

export async function plantUnreadableTexts(db: DB): Promise<UnreadableText[]> {
  const labId = labIdOf(db, 'new-display-lab');
  const as = (email: string) => createCaller(createContext({ db, user: sessionUser(db, email) }));
  const manager = as('manager@demo.local');
  const member = as('member@demo.local');

  // An audit-only value: a milestone's description as it was before a manager rewrote it.
  const m = await manager.milestone.create({
    labId,
    title: 'Policy reading milestone',
    description: 'Old description for the audit log only',
    phase: 'rnd',
    ownerOrganisationId: null,
    forecastStart: addDays(todayIso(), 10),
    forecastFinish: addDays(todayIso(), 40),
    actualStart: null,
    actualFinish: null,
    status: 'not_started',
    percentComplete: 0,
    isPublic: false,
  });
  await manager.milestone.update({ labId, id: m.id, version: m.version, ...milestoneFields(m), description: 'The description now' });

  // A member's update that a manager hid, with the reason only managers read.
  const u = await member.update.post({ labId, body: 'Hidden update text withdrawn by a manager', health: 'off_track' });
  const edited = await member.update.edit({
    labId,
    updateId: u.id,
    version: u.version,
    body: 'Hidden update text, edited',
    health: 'off_track',
  });
  await manager.update.setHidden({
    labId,
    updateId: u.id,
    version: edited.version,
    hidden: true,
    reason: 'Moderation reason for managers',
  });

  // A pending invitation: its address and role are for managers (invitation.list).
  await manager.invitation.create({ labId, email: 'pending.invitee@example.org', role: 'manager' });

  return [
    { what: 'an audit-only earlier value', text: 'Old description for the audit log only', readers: MANAGERS },
    { what: 'a hidden update', text: 'Hidden update text', readers: MANAGERS },
    { what: 'the reason an update was hidden', text: 'Moderation reason for managers', readers: MANAGERS },
    { what: 'a pending invitation’s address', text: 'pending.invitee@example.org', readers: MANAGERS },
  ];
}

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

/** The editable fields of a milestone as `milestone.update` takes them. */
export const milestoneFields = (m: typeof milestones.$inferSelect) => ({
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

/** A member's measurement of the public goal whose source waits for a manager (decision 017). */
function measurementAwaitingApproval(f: Fixture) {
  return f.db
    .insert(measurements)
    .values({
      goalId: aGoal(f).id,
      value: 20,
      asOf: addDays(todayIso(), -3),
      source: 'Policy fixture, not yet approved',
      recordedById: sessionUser(f.db, 'member@demo.local').id,
      sourceAwaitingApproval: true,
    })
    .returning({ id: measurements.id, version: measurements.version })
    .get();
}

function manager(f: Fixture) {
  return sessionUser(f.db, 'manager@demo.local');
}

/** A fresh invitation link (its raw token) into a lab, for an address. */
function invitationLink(f: Fixture, slug: string, email: string) {
  return insertInvitation(f.db, manager(f), labIdOf(f.db, slug), { email, role: 'member', organisationId: null });
}

function userRow(f: Fixture, email: string) {
  return f.db.select().from(users).where(eq(users.email, email)).get()!;
}

function membershipOf(f: Fixture, email: string) {
  return f.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.labId, f.labId), eq(memberships.userId, userRow(f, email).id)))
    .get()!;
}

function orgByShortName(f: Fixture, shortName: string) {
  return f.db.select().from(organisations).where(eq(organisations.shortName, shortName)).get()!;
}

const labProfile = (f: Fixture) => {
  const lab = f.db.select().from(labsTable).where(eq(labsTable.id, f.labId)).get()!;
  return {
    version: lab.version,
    slug: lab.slug,
    nameEn: lab.nameEn,
    nameZh: lab.nameZh,
    acronymEn: lab.acronymEn,
    acronymZh: lab.acronymZh,
    objectiveEn: lab.objectiveEn,
    objectiveZh: lab.objectiveZh,
    sector: lab.sector,
    chainEn: lab.chainEn,
    chainZh: lab.chainZh,
    region: lab.region,
    stage: lab.stage,
    status: lab.status,
    startDate: lab.startDate,
    endDate: lab.endDate,
  };
};

export const POLICY: Record<string, PolicyEntry> = {
  'directory.list': { access: 'public', input: () => undefined },
  'directory.search': { access: 'public', input: () => ({ q: 'display' }) },
  'directory.facets': { access: 'public', input: () => undefined },
  'directory.factSheet': { access: 'public', input: () => ({ slug: 'new-display-lab' }) },

  'me.get': { access: 'authenticated', input: () => undefined },
  'twoFactor.status': { access: 'authenticated', input: () => undefined },
  'twoFactor.beginSetup': { access: 'authenticated', input: () => undefined },
  'twoFactor.confirmSetup': {
    access: 'authenticated',
    input: (f) => {
      if (f.user) pendTotpDirectly(f.db, f.user.id);
      return { code: totpCode() };
    },
  },
  'twoFactor.disable': {
    access: 'authenticated',
    input: (f) => {
      if (f.user) enableTotpDirectly(f.db, f.user.id);
      return { password: 'demo-password' };
    },
  },
  'twoFactor.keyRegistrationOptions': {
    access: 'authenticated',
    input: (f) => {
      if (f.user) enableTotpDirectly(f.db, f.user.id);
      return undefined;
    },
  },
  // Without an authenticator there is no real credential to add: every caller's answer is checked
  // and refused next to the field (e2e two-factor.spec.ts adds a real one), changing nothing.
  'twoFactor.addKey': {
    access: 'authenticated',
    input: (f) => {
      if (f.user) enableTotpDirectly(f.db, f.user.id);
      return { name: 'Laptop', response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'oA' } } };
    },
    overrides: {
      outsider: 'BAD_REQUEST',
      viewer: 'BAD_REQUEST',
      member: 'BAD_REQUEST',
      manager: 'BAD_REQUEST',
      otherManager: 'BAD_REQUEST',
      admin: 'BAD_REQUEST',
    },
  },
  'twoFactor.removeKey': {
    access: 'authenticated',
    input: (f) => {
      if (!f.user) return { id: 1 };
      const key = f.db
        .insert(securityKeys)
        .values({ userId: f.user.id, credentialId: `policy-key-${f.user.id}`, publicKey: 'AAAA', name: 'Policy key' })
        .returning({ id: securityKeys.id })
        .get();
      return { id: key.id };
    },
  },
  'twoFactor.signInKeyOptions': { access: 'public', input: () => undefined },
  'twoFactor.platformRequirement': { access: 'admin', input: () => undefined },
  'twoFactor.setPlatformRequirement': { access: 'admin', input: () => ({ version: 1, requirement: 'managers' }) },
  'me.setLocale': { access: 'authenticated', input: () => ({ locale: 'zh-CN' }) },
  'me.setTimeZone': { access: 'authenticated', input: () => ({ timeZone: 'Europe/Berlin' }) },
  'me.signOutEverywhere': { access: 'authenticated', input: () => undefined },

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
  'labAdmin.list': { access: 'admin', input: () => ({ query: 'lab' }) },
  'labAdmin.create': {
    access: 'admin',
    input: () => ({
      slug: 'policy-lab',
      nameEn: 'Policy Lab',
      sector: 'electronics',
      chainEn: 'Policy chain',
      stage: 'rnd',
      status: 'planning',
      managerEmail: 'steel@demo.local',
    }),
  },
  'labSettings.get': { access: 'manager', input: (f) => ({ labId: f.labId }) },
  'labSettings.previewPublic': { access: 'manager', input: (f) => ({ labId: f.labId }) },
  'labSettings.awaitingPublication': { access: 'manager', input: (f) => ({ labId: f.labId }) },
  'labSettings.updateProfile': { access: 'manager', input: (f) => ({ labId: f.labId, ...labProfile(f), region: 'Beijing' }) },
  'labSettings.setTechnologies': {
    access: 'manager',
    input: (f) => {
      const current = f.db.select().from(labTechnologies).where(eq(labTechnologies.labId, f.labId)).orderBy(labTechnologies.position).all();
      return {
        labId: f.labId,
        expected: current.map((t) => ({ id: t.id, version: t.version })),
        items: [...current.map((t) => ({ id: t.id, nameEn: t.nameEn, nameZh: t.nameZh })), { nameEn: 'Policy technology', nameZh: null }],
      };
    },
  },
  'labSettings.setTwoFactorRequirement': {
    access: 'manager',
    input: (f) => ({ labId: f.labId, version: labProfile(f).version, requirement: 'everyone' }),
  },
  'labSettings.setVisibility': {
    access: 'manager',
    input: (f) => ({ labId: f.labId, version: labProfile(f).version, visibility: 'private' }),
  },

  'partner.list': { access: 'manager', input: (f) => ({ labId: f.labId }) },
  'partner.searchOrganisations': { access: 'manager', input: (f) => ({ labId: f.labId, query: 'HB' }) },
  'partner.add': { access: 'manager', input: (f) => ({ labId: f.labId, organisationId: orgByShortName(f, 'HBIS').id, role: 'supplier' }) },
  'partner.update': {
    access: 'manager',
    input: (f) => {
      const p = f.db
        .select()
        .from(participations)
        .where(and(eq(participations.labId, f.labId), eq(participations.organisationId, orgByShortName(f, 'Tianma').id)))
        .get()!;
      return {
        labId: f.labId,
        participationId: p.id,
        version: p.version,
        role: 'core_partner',
        joinedOn: p.joinedOn,
        contribution: 'Updated',
        budgetCny: null,
      };
    },
  },
  'partner.remove': {
    access: 'manager',
    input: (f) => {
      const p = f.db
        .select()
        .from(participations)
        .where(and(eq(participations.labId, f.labId), eq(participations.organisationId, orgByShortName(f, 'CSOT Wuhan').id)))
        .get()!;
      return { labId: f.labId, participationId: p.id, version: p.version };
    },
  },

  'member.list': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  'member.changeRole': {
    access: 'manager',
    input: (f) => {
      const m = membershipOf(f, 'viewer@demo.local');
      return { labId: f.labId, membershipId: m.id, version: m.version, role: 'member' };
    },
  },
  'member.remove': {
    access: 'manager',
    input: (f) => {
      const m = membershipOf(f, 'viewer@demo.local');
      return { labId: f.labId, membershipId: m.id, version: m.version };
    },
  },
  'member.leave': {
    access: 'viewer',
    input: (f) => ({ labId: f.labId }),
    // The only manager may not leave (the lab would have none); an admin who is not a member has nothing to leave.
    overrides: { manager: 'PRECONDITION_FAILED', admin: 'NOT_FOUND' },
  },

  'invitation.list': { access: 'manager', input: (f) => ({ labId: f.labId }) },
  'invitation.create': {
    access: 'manager',
    input: (f) => ({ labId: f.labId, email: 'new.partner@example.org', role: 'member', organisationId: null }),
  },
  'invitation.revoke': {
    access: 'manager',
    input: (f) => ({ labId: f.labId, invitationId: invitationLink(f, 'new-display-lab', 'revoke.me@example.org').id }),
  },
  // The token is the secret: anyone holding the link may read what it leads to, and accept it.
  'invitation.describe': { access: 'public', input: (f) => ({ token: invitationLink(f, 'new-display-lab', 'someone@example.org').token }) },
  'invitation.accept': {
    access: 'authenticated',
    // An invitation to the private lab for the caller's own address.
    input: (f) => ({ token: invitationLink(f, 'key-equipment-consortium', f.user?.email ?? 'nobody@example.org').token }),
  },
  'invitation.acceptAsNewUser': {
    access: 'public',
    input: (f) => ({
      token: invitationLink(f, 'new-display-lab', 'brand.new@example.org').token,
      name: 'Brand New',
      password: 'a-long-enough-secret',
    }),
  },

  'organisation.list': { access: 'admin', input: () => ({ query: 'a' }) },
  'organisation.get': { access: 'admin', input: (f) => ({ id: orgByShortName(f, 'HBIS').id }) },
  'organisation.create': { access: 'admin', input: () => ({ nameEn: 'Policy Organisation', type: 'enterprise' }) },
  'organisation.update': {
    access: 'admin',
    input: (f) => {
      const o = orgByShortName(f, 'HBIS');
      return {
        id: o.id,
        version: o.version,
        nameEn: o.nameEn,
        nameZh: o.nameZh,
        shortName: o.shortName,
        legalName: o.legalName,
        type: o.type,
        tier: o.tier,
        chainPosition: o.chainPosition,
        region: 'Hebei province',
        website: o.website,
      };
    },
  },
  'organisation.merge': {
    access: 'admin',
    input: (f) => {
      const keep = orgByShortName(f, 'HBIS');
      const duplicate = f.db
        .insert(organisations)
        .values({ legalName: 'HBIS duplicate', shortName: 'HBIS 2', nameEn: 'HBIS Group Co.', type: 'enterprise' })
        .returning()
        .get();
      return { keepId: keep.id, keepVersion: keep.version, duplicateId: duplicate.id, duplicateVersion: duplicate.version };
    },
  },

  'user.list': { access: 'admin', input: () => ({ query: 'demo' }) },
  'user.create': {
    access: 'admin',
    input: () => ({ email: 'created@example.org', name: 'Created Person', organisationId: null, isAdmin: false }),
  },
  'user.setDisabled': {
    access: 'admin',
    input: (f) => {
      const u = userRow(f, 'viewer@demo.local');
      return { userId: u.id, version: u.version, disabled: true };
    },
  },
  'user.setAdmin': {
    access: 'admin',
    input: (f) => {
      const u = userRow(f, 'viewer@demo.local');
      return { userId: u.id, version: u.version, isAdmin: true };
    },
  },
  'user.issuePasswordReset': { access: 'admin', input: (f) => ({ userId: userRow(f, 'viewer@demo.local').id }) },
  'user.resetTwoFactor': {
    access: 'admin',
    input: (f) => {
      const viewer = userRow(f, 'viewer@demo.local');
      enableTotpDirectly(f.db, viewer.id);
      return { userId: viewer.id };
    },
  },

  'job.overview': { access: 'admin', input: () => undefined },
  'job.retry': { access: 'admin', input: (f) => ({ jobId: failedJob(f) }) },

  'password.change': {
    access: 'authenticated',
    input: () => ({ currentPassword: 'demo-password', newPassword: 'a-brand-new-passphrase' }),
  },
  'password.describeReset': {
    access: 'public',
    input: (f) => ({ token: insertPasswordReset(f.db, userRow(f, 'viewer@demo.local').id, null).token }),
  },
  'password.reset': {
    access: 'public',
    input: (f) => ({
      token: insertPasswordReset(f.db, userRow(f, 'viewer@demo.local').id, null).token,
      password: 'a-brand-new-passphrase',
    }),
  },
  'password.requestReset': {
    access: 'public',
    input: () => ({ email: 'viewer@demo.local' }),
    // Self-service reset exists only where mail is configured; the test environment has no SMTP_URL.
    overrides: {
      anonymous: 'PRECONDITION_FAILED',
      outsider: 'PRECONDITION_FAILED',
      viewer: 'PRECONDITION_FAILED',
      member: 'PRECONDITION_FAILED',
      manager: 'PRECONDITION_FAILED',
      otherManager: 'PRECONDITION_FAILED',
      admin: 'PRECONDITION_FAILED',
    },
  },

  'measurement.publishSource': {
    access: 'manager',
    input: (f) => {
      const m = measurementAwaitingApproval(f);
      return { labId: f.labId, measurementId: m.id, version: m.version };
    },
  },
  'emailConfirmation.status': { access: 'authenticated', input: () => undefined },
  'emailConfirmation.request': {
    access: 'authenticated',
    input: () => undefined,
    // The demo accounts are verified (nothing to send); the outsider is not, and the tests have no SMTP_URL.
    overrides: { outsider: 'PRECONDITION_FAILED' },
  },
  // The token is the secret, mailed to the address it confirms.
  'emailConfirmation.describe': {
    access: 'public',
    input: (f) => ({ token: insertEmailConfirmation(f.db, userRow(f, 'viewer@demo.local').id).token }),
  },
  'emailConfirmation.confirm': {
    access: 'public',
    input: (f) => ({ token: insertEmailConfirmation(f.db, userRow(f, 'viewer@demo.local').id).token }),
  },

  'measurement.delete': {
    access: 'member',
    input: (f) => {
      const m = ownMeasurement(f);
      return { labId: f.labId, measurementId: m.id, version: m.version };
    },
  },

  'workspace.overview': { access: 'authenticated', input: () => undefined },
  // A page view of the lab; admins who are not members are answered without a visit being kept.
  'workspace.logChoices': { access: 'member', input: (f) => ({ labId: f.labId }) },
  'workspace.recordVisit': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
  // The status report holds nothing a viewer cannot already read in the lab (decision 013).
  'report.status': { access: 'viewer', input: (f) => ({ labId: f.labId }) },
};

/** A job that failed for good, for the admin to retry. */
function failedJob(f: Fixture): number {
  const { id } = enqueueJob(f.db, { kind: 'mail', key: `policy-failed-${Math.random()}`, payload: {}, maxAttempts: 1 });
  f.db
    .update(jobs)
    .set({ state: 'failed', attempts: 1, finishedAt: Date.now(), lastError: '550 mailbox unavailable' })
    .where(eq(jobs.id, id))
    .run();
  return id;
}
