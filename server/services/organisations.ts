import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { goals, invitations, labs, milestones, organisations, participations, users } from '@/db/schema';
import { idField, optionalChoice, optionalText, optionalUrl, requiredText, versionField } from '../domain/fields';
import type { SessionUser } from './actor';
import { CHAIN_POSITIONS, ORGANISATION_TIERS, ORGANISATION_TYPES } from '@/common/enums';
import { AppError, notFound } from '../errors';
import { changedFields, recordAudit } from './audit';
import { publicLabChanged } from './public-cache';
import { containsAny } from './search';
import { updateVersioned } from './versioning';

export type Organisation = typeof organisations.$inferSelect;

export const organisationInput = z.object({
  nameEn: requiredText(200),
  nameZh: optionalText(200),
  /** Default to the English name: most people know a partner by one name. */
  shortName: optionalText(100),
  legalName: optionalText(300),
  type: z.enum(ORGANISATION_TYPES),
  tier: z.enum(ORGANISATION_TIERS).default('other'),
  chainPosition: optionalChoice(CHAIN_POSITIONS),
  region: optionalText(100),
  website: optionalUrl,
});
export type OrganisationInput = z.infer<typeof organisationInput>;

function values(input: OrganisationInput) {
  return { ...input, shortName: input.shortName ?? input.nameEn, legalName: input.legalName ?? input.nameEn };
}

/** Two records for one company are what merging repairs; refuse to create the second one. */
function refuseDuplicateName(db: DbOrTx, nameEn: string, exceptId?: number) {
  const same = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(sql`lower(${organisations.nameEn}) = ${nameEn.toLowerCase()}`, exceptId ? ne(organisations.id, exceptId) : undefined))
    .get();
  if (same) throw new AppError('CONFLICT', 'errors.organisationExists', { field: 'nameEn' });
}

const searchColumns = [organisations.nameEn, organisations.nameZh, organisations.shortName, organisations.legalName];

const summaryColumns = {
  id: organisations.id,
  nameEn: organisations.nameEn,
  nameZh: organisations.nameZh,
  shortName: organisations.shortName,
  type: organisations.type,
  tier: organisations.tier,
  chainPosition: organisations.chainPosition,
  region: organisations.region,
};

/** Organisations whose names contain the query, for picking a partner; marks those already in the lab. */
export function searchOrganisations(db: DbOrTx, query: string, labId: number) {
  const rows = db
    .select({ ...summaryColumns, participationId: participations.id })
    .from(organisations)
    .leftJoin(participations, and(eq(participations.organisationId, organisations.id), eq(participations.labId, labId)))
    .where(query ? containsAny(query, searchColumns) : undefined)
    .orderBy(asc(organisations.nameEn))
    .limit(12)
    .all();
  return rows.map(({ participationId, ...o }) => ({ ...o, isPartner: participationId !== null }));
}

/** Every organisation (or those matching the query) with how many labs and people it has. */
export function listOrganisations(db: DbOrTx, query = '') {
  return db
    .select({
      ...summaryColumns,
      version: organisations.version,
      // Written out in full: drizzle leaves columns of a one-table query unqualified, which a
      // correlated subquery would resolve against its own table.
      labCount: sql<number>`(select count(*) from participations p where p.organisation_id = organisations.id)`,
      userCount: sql<number>`(select count(*) from users u where u.organisation_id = organisations.id)`,
    })
    .from(organisations)
    .where(query ? containsAny(query, searchColumns) : undefined)
    .orderBy(asc(organisations.nameEn))
    .limit(500)
    .all();
}

/** An organisation and everywhere it takes part: labs, people, owned milestones and goals, invitations. */
export function organisationDetail(db: DbOrTx, id: number) {
  const organisation = db.select().from(organisations).where(eq(organisations.id, id)).get();
  if (!organisation) throw notFound();
  const labRows = db
    .select({
      participationId: participations.id,
      role: participations.role,
      joinedOn: participations.joinedOn,
      labId: labs.id,
      slug: labs.slug,
      nameEn: labs.nameEn,
      nameZh: labs.nameZh,
      visibility: labs.visibility,
    })
    .from(participations)
    .innerJoin(labs, eq(labs.id, participations.labId))
    .where(eq(participations.organisationId, id))
    .orderBy(asc(labs.nameEn))
    .all();
  const people = db
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.organisationId, id))
    .orderBy(asc(users.name))
    .all();
  const count = (table: typeof milestones | typeof goals) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(eq(table.ownerOrganisationId, id))
      .get()?.n ?? 0;
  const pendingInvitations =
    db
      .select({ n: sql<number>`count(*)` })
      .from(invitations)
      .where(and(eq(invitations.organisationId, id), sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`))
      .get()?.n ?? 0;
  return {
    organisation,
    labs: labRows,
    people,
    counts: { milestones: count(milestones), goals: count(goals), pendingInvitations },
  };
}

/** Creates an organisation; call inside the caller's transaction (a partner may be added with it). */
export function insertOrganisation(tx: DbOrTx, actor: SessionUser, input: OrganisationInput, labId: number | null = null): Organisation {
  refuseDuplicateName(tx, input.nameEn);
  const row = tx.insert(organisations).values(values(input)).returning().get();
  recordAudit(tx, { labId, actorId: actor.id, action: 'created', entityType: 'organisation', entityId: row.id, after: values(input) });
  return row;
}

export function createOrganisation(db: DbOrTx, actor: SessionUser, input: OrganisationInput) {
  return db.transaction((tx) => insertOrganisation(tx, actor, input));
}

export const organisationUpdateInput = organisationInput.extend({ id: idField, version: versionField });

export function updateOrganisation(db: DbOrTx, actor: SessionUser, input: z.infer<typeof organisationUpdateInput>) {
  const { id, version, ...fields } = input;
  const slugs = db.transaction((tx) => {
    const before = tx.select().from(organisations).where(eq(organisations.id, id)).get();
    if (!before) throw notFound();
    refuseDuplicateName(tx, fields.nameEn, id);
    const next = values(fields);
    updateVersioned(tx, organisations, id, version, next);
    const diff = changedFields(before, next);
    if (diff.changed) {
      recordAudit(tx, {
        labId: null,
        actorId: actor.id,
        action: 'updated',
        entityType: 'organisation',
        entityId: id,
        before: diff.before,
        after: diff.after,
      });
    }
    return labSlugsOf(tx, [id]);
  });
  // Partner names appear on public fact sheets.
  for (const slug of slugs) publicLabChanged(slug);
  return { id };
}

export function labSlugsOf(db: DbOrTx, organisationIds: number[]): string[] {
  if (organisationIds.length === 0) return [];
  return db
    .selectDistinct({ slug: labs.slug })
    .from(participations)
    .innerJoin(labs, eq(labs.id, participations.labId))
    .where(inArray(participations.organisationId, organisationIds))
    .all()
    .map((r) => r.slug);
}
