import { relations } from 'drizzle-orm';
import { auditEvents } from './audit';
import { goalMilestones, goals, measurements } from './goals';
import { labs, labTechnologies, participations } from './labs';
import { baselineItems, milestoneBaselines, milestoneDependencies, milestones } from './milestones';
import { organisations } from './organisations';
import { progressUpdates, updateGoals, updateMilestones, updateRevisions } from './updates';
import { invitations, memberships, users } from './users';

export const labsRelations = relations(labs, ({ many }) => ({
  participations: many(participations),
  technologies: many(labTechnologies),
  memberships: many(memberships),
  milestones: many(milestones),
  goals: many(goals),
  updates: many(progressUpdates),
  baselines: many(milestoneBaselines),
  invitations: many(invitations),
}));

export const labTechnologiesRelations = relations(labTechnologies, ({ one }) => ({
  lab: one(labs, { fields: [labTechnologies.labId], references: [labs.id] }),
}));

export const organisationsRelations = relations(organisations, ({ many }) => ({
  participations: many(participations),
  users: many(users),
}));

export const participationsRelations = relations(participations, ({ one }) => ({
  lab: one(labs, { fields: [participations.labId], references: [labs.id] }),
  organisation: one(organisations, { fields: [participations.organisationId], references: [organisations.id] }),
}));

export const usersRelations = relations(users, ({ one, many }) => ({
  organisation: one(organisations, { fields: [users.organisationId], references: [organisations.id] }),
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  lab: one(labs, { fields: [memberships.labId], references: [labs.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export const invitationsRelations = relations(invitations, ({ one }) => ({
  lab: one(labs, { fields: [invitations.labId], references: [labs.id] }),
  organisation: one(organisations, { fields: [invitations.organisationId], references: [organisations.id] }),
}));

export const milestonesRelations = relations(milestones, ({ one, many }) => ({
  lab: one(labs, { fields: [milestones.labId], references: [labs.id] }),
  owner: one(organisations, { fields: [milestones.ownerOrganisationId], references: [organisations.id] }),
  predecessors: many(milestoneDependencies, { relationName: 'successor' }),
  successors: many(milestoneDependencies, { relationName: 'predecessor' }),
  goalLinks: many(goalMilestones),
}));

export const milestoneDependenciesRelations = relations(milestoneDependencies, ({ one }) => ({
  predecessor: one(milestones, {
    fields: [milestoneDependencies.predecessorId],
    references: [milestones.id],
    relationName: 'predecessor',
  }),
  successor: one(milestones, {
    fields: [milestoneDependencies.successorId],
    references: [milestones.id],
    relationName: 'successor',
  }),
}));

export const milestoneBaselinesRelations = relations(milestoneBaselines, ({ one, many }) => ({
  lab: one(labs, { fields: [milestoneBaselines.labId], references: [labs.id] }),
  items: many(baselineItems),
}));

export const baselineItemsRelations = relations(baselineItems, ({ one }) => ({
  baseline: one(milestoneBaselines, { fields: [baselineItems.baselineId], references: [milestoneBaselines.id] }),
  milestone: one(milestones, { fields: [baselineItems.milestoneId], references: [milestones.id] }),
}));

export const goalsRelations = relations(goals, ({ one, many }) => ({
  lab: one(labs, { fields: [goals.labId], references: [labs.id] }),
  owner: one(organisations, { fields: [goals.ownerOrganisationId], references: [organisations.id] }),
  measurements: many(measurements),
  milestoneLinks: many(goalMilestones),
}));

export const goalMilestonesRelations = relations(goalMilestones, ({ one }) => ({
  goal: one(goals, { fields: [goalMilestones.goalId], references: [goals.id] }),
  milestone: one(milestones, { fields: [goalMilestones.milestoneId], references: [milestones.id] }),
}));

export const measurementsRelations = relations(measurements, ({ one }) => ({
  goal: one(goals, { fields: [measurements.goalId], references: [goals.id] }),
  recordedBy: one(users, { fields: [measurements.recordedById], references: [users.id] }),
}));

export const progressUpdatesRelations = relations(progressUpdates, ({ one, many }) => ({
  lab: one(labs, { fields: [progressUpdates.labId], references: [labs.id] }),
  author: one(users, { fields: [progressUpdates.authorId], references: [users.id] }),
  revisions: many(updateRevisions),
  milestoneLinks: many(updateMilestones),
  goalLinks: many(updateGoals),
}));

export const updateRevisionsRelations = relations(updateRevisions, ({ one }) => ({
  update: one(progressUpdates, { fields: [updateRevisions.updateId], references: [progressUpdates.id] }),
}));

export const updateMilestonesRelations = relations(updateMilestones, ({ one }) => ({
  update: one(progressUpdates, { fields: [updateMilestones.updateId], references: [progressUpdates.id] }),
  milestone: one(milestones, { fields: [updateMilestones.milestoneId], references: [milestones.id] }),
}));

export const updateGoalsRelations = relations(updateGoals, ({ one }) => ({
  update: one(progressUpdates, { fields: [updateGoals.updateId], references: [progressUpdates.id] }),
  goal: one(goals, { fields: [updateGoals.goalId], references: [goals.id] }),
}));

export const auditEventsRelations = relations(auditEvents, ({ one }) => ({
  lab: one(labs, { fields: [auditEvents.labId], references: [labs.id] }),
  actor: one(users, { fields: [auditEvents.actorId], references: [users.id] }),
}));
