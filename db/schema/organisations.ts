import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CHAIN_POSITIONS, ORGANISATION_TIERS, ORGANISATION_TYPES } from '@/common/enums';
import { oneOf, timestamps, version } from './columns';

export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    legalName: text('legal_name').notNull(),
    shortName: text('short_name').notNull(),
    nameEn: text('name_en').notNull(),
    nameZh: text('name_zh'),
    type: text('type', { enum: ORGANISATION_TYPES }).notNull(),
    tier: text('tier', { enum: ORGANISATION_TIERS }).notNull().default('other'),
    chainPosition: text('chain_position', { enum: CHAIN_POSITIONS }),
    region: text('region'),
    website: text('website'),
    ...version,
    ...timestamps,
  },
  (t) => [
    oneOf('organisations_type_check', t.type, ORGANISATION_TYPES),
    oneOf('organisations_tier_check', t.tier, ORGANISATION_TIERS),
    oneOf('organisations_chain_position_check', t.chainPosition, CHAIN_POSITIONS),
    // Admin search and duplicate detection look organisations up by name.
    index('organisations_name_en_idx').on(sql`lower(${t.nameEn})`),
    index('organisations_short_name_idx').on(sql`lower(${t.shortName})`),
  ],
);
