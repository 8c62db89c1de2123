import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { labs, organisations, participations } from '../../db/schema';

// What the public may see, field by field. Public pages, feeds, the sitemap and public API
// answers select through these allow-lists only, so a column added to a table later stays
// private until someone adds it here on purpose.

export const publicLabColumns = {
  id: labs.id,
  slug: labs.slug,
  nameEn: labs.nameEn,
  nameZh: labs.nameZh,
  acronymEn: labs.acronymEn,
  acronymZh: labs.acronymZh,
  objectiveEn: labs.objectiveEn,
  objectiveZh: labs.objectiveZh,
  sector: labs.sector,
  chainEn: labs.chainEn,
  chainZh: labs.chainZh,
  region: labs.region,
  stage: labs.stage,
  status: labs.status,
  startDate: labs.startDate,
  endDate: labs.endDate,
  isDemo: labs.isDemo,
  updatedAt: labs.updatedAt,
};

export const publicPartnerColumns = {
  labId: participations.labId,
  role: participations.role,
  joinedOn: participations.joinedOn,
  nameEn: organisations.nameEn,
  nameZh: organisations.nameZh,
  shortName: organisations.shortName,
  type: organisations.type,
  tier: organisations.tier,
  chainPosition: organisations.chainPosition,
  region: organisations.region,
  website: organisations.website,
};

const isPublicLab = eq(labs.visibility, 'public');

export function listPublicLabs(db: DbOrTx) {
  const rows = db.select(publicLabColumns).from(labs).where(isPublicLab).orderBy(asc(labs.nameEn)).all();
  const partners = rows.length
    ? db
        .select(publicPartnerColumns)
        .from(participations)
        .innerJoin(organisations, eq(organisations.id, participations.organisationId))
        .where(
          inArray(
            participations.labId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(organisations.nameEn))
        .all()
    : [];
  return rows.map(({ id, ...lab }) => ({
    ...lab,
    partners: partners.filter((p) => p.labId === id).map(({ labId: _labId, ...p }) => p),
  }));
}

export type PublicLabCard = ReturnType<typeof listPublicLabs>[number];
