import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LAB_STATUSES, PARTICIPATION_ROLES, SECTORS, STAGES, TWO_FACTOR_REQUIREMENTS, VISIBILITIES } from '@/common/enums';
import { isoDate, oneOf, timestamps, version } from './columns';
import { organisations } from './organisations';

export const labs = sqliteTable(
  'labs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    nameEn: text('name_en').notNull(),
    nameZh: text('name_zh'),
    acronymEn: text('acronym_en'),
    acronymZh: text('acronym_zh'),
    objectiveEn: text('objective_en').notNull().default(''),
    objectiveZh: text('objective_zh'),
    sector: text('sector', { enum: SECTORS }).notNull(),
    chainEn: text('chain_en').notNull(),
    chainZh: text('chain_zh'),
    region: text('region'),
    stage: text('stage', { enum: STAGES }).notNull(),
    status: text('status', { enum: LAB_STATUSES }).notNull().default('planning'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('private'),
    /** IANA time zone whose calendar says which day it is in the lab: lateness, "today" (decision 024). */
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    /** Demo labs say so on every page: their figures are illustrative. */
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    /**
     * Whose sign-in to this lab needs a second factor (decision 026). No CHECK: adding one makes
     * drizzle rebuild the table, which drops the search triggers on it; zod guards the values.
     */
    twoFactorRequirement: text('two_factor_requirement', { enum: TWO_FACTOR_REQUIREMENTS }).notNull().default('none'),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('labs_slug_unique').on(sql`lower(${t.slug})`),
    check(
      'labs_slug_format',
      sql`${t.slug} = lower(${t.slug}) and ${t.slug} not glob '*[^a-z0-9-]*' and length(${t.slug}) between 2 and 64`,
    ),
    oneOf('labs_sector_check', t.sector, SECTORS),
    oneOf('labs_stage_check', t.stage, STAGES),
    oneOf('labs_status_check', t.status, LAB_STATUSES),
    oneOf('labs_visibility_check', t.visibility, VISIBILITIES),
    isoDate('labs_start_date_check', t.startDate),
    isoDate('labs_end_date_check', t.endDate),
    check('labs_dates_order', sql`${t.startDate} is null or ${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    index('labs_visibility_idx').on(t.visibility, t.nameEn),
  ],
);

/** The "stuck-neck" (卡脖子) technologies a lab sets out to break through. */
export const labTechnologies = sqliteTable(
  'lab_technologies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    nameEn: text('name_en').notNull(),
    nameZh: text('name_zh'),
    position: integer('position').notNull().default(0),
    ...version,
    ...timestamps,
  },
  (t) => [index('lab_technologies_lab_idx').on(t.labId, t.position)],
);

export const participations = sqliteTable(
  'participations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    role: text('role', { enum: PARTICIPATION_ROLES }).notNull(),
    joinedOn: text('joined_on'),
    contribution: text('contribution'),
    /** Committed budget in CNY (whole yuan), when the partner discloses it. */
    budgetCny: integer('budget_cny'),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('participations_lab_org_unique').on(t.labId, t.organisationId),
    index('participations_org_idx').on(t.organisationId),
    oneOf('participations_role_check', t.role, PARTICIPATION_ROLES),
    isoDate('participations_joined_on_check', t.joinedOn),
    check('participations_budget_check', sql`${t.budgetCny} is null or ${t.budgetCny} >= 0`),
  ],
);
