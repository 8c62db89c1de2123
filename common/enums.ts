// The closed vocabularies of the domain. The database CHECK constraints, the zod input schemas
// and the message files are all derived from these lists, so adding a value is one edit here.

export const ORGANISATION_TYPES = ['enterprise', 'university', 'research_institute', 'government_body', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TIERS = ['chain_leader', 'single_item_champion', 'little_giant', 'other'] as const;
export type OrganisationTier = (typeof ORGANISATION_TIERS)[number];

export const CHAIN_POSITIONS = [
  'upstream_materials',
  'upstream_equipment',
  'upstream_components',
  'midstream_manufacturing',
  'downstream_products',
] as const;
export type ChainPosition = (typeof CHAIN_POSITIONS)[number];

export const SECTORS = [
  'electronics',
  'semiconductors',
  'automotive',
  'steel_metallurgy',
  'chemicals_materials',
  'machinery_equipment',
  'new_energy',
  'aerospace',
  'biomedicine',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Lifecycle stage of a lab, also the phase of a milestone: research to mass production. */
export const STAGES = ['rnd', 'tech_verification', 'pilot', 'commercialization', 'mass_production'] as const;
export type Stage = (typeof STAGES)[number];

export const LAB_STATUSES = ['planning', 'active', 'completed', 'suspended'] as const;
export type LabStatus = (typeof LAB_STATUSES)[number];

export const VISIBILITIES = ['private', 'public'] as const;

/** Who must use two-factor authentication: nobody, managers (of the lab, or of any lab and admins), everyone. */
export const TWO_FACTOR_REQUIREMENTS = ['none', 'managers', 'everyone'] as const;
export type TwoFactorRequirement = (typeof TWO_FACTOR_REQUIREMENTS)[number];
export type Visibility = (typeof VISIBILITIES)[number];

export const PARTICIPATION_ROLES = ['lead', 'core_partner', 'supplier', 'end_user', 'research_partner'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

/** Ordered from least to most rights: a role includes everything the roles before it may do. */
export const LAB_ROLES = ['viewer', 'member', 'manager'] as const;
export type LabRole = (typeof LAB_ROLES)[number];

export const MILESTONE_STATUSES = ['not_started', 'in_progress', 'at_risk', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const ITEM_KINDS = ['material', 'component', 'equipment', 'software'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const GOAL_UNITS = ['percent', 'tonnes', 'units', 'cny', 'usd', 'kg_co2e_per_t', 'count', 'other'] as const;
export type GoalUnit = (typeof GOAL_UNITS)[number];

export const GOAL_DIRECTIONS = ['raise', 'lower'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

export const HEALTHS = ['on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof HEALTHS)[number];

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** A goal's status, computed from its measurements (server/domain/goal-status.ts); never stored. */
export const GOAL_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'stale', 'no_data'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Where a background job is (server/services/jobs.ts): waiting or due, claimed, done, given up. */
export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];
