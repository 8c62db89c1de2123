// Audit events store ids where a record refers to another.

/** The kinds of record a field refers to by id; named for the audit log by listAuditEvents. */
export const REFERENCE_FIELDS: Record<string, 'organisation' | 'milestone' | 'goal' | 'user' | 'invitation' | 'lab'> = {
  organisationId: 'organisation',
  ownerOrganisationId: 'organisation',
  predecessorId: 'milestone',
  successorId: 'milestone',
  milestoneIds: 'milestone',
  goalId: 'goal',
  goalIds: 'goal',
  userId: 'user',
  recordedById: 'user',
  invitedById: 'user',
  acceptedById: 'user',
  createdById: 'user',
  authorId: 'user',
  hiddenById: 'user',
  invitationId: 'invitation',
  labId: 'lab',
};

/** Names of the records an event refers to, by `kind:id` (`organisation:2` → "BOE"). */
export type ReferenceNames = Readonly<Record<string, string>>;
