import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { goals, labs, labTechnologies, milestones, participations, progressUpdates } from '@/db/schema';
import type { SessionUser } from './actor';
import { optionalDate, optionalText, requiredText, slugField, versionField } from '../domain/fields';
import { LAB_STATUSES, SECTORS, STAGES, VISIBILITIES } from '@/common/enums';
import { isTimeZone } from '../domain/working-day';
import { AppError, notFound, staleVersion } from '../errors';
import type { Lab } from './access';
import { changedFields, recordAudit } from './audit';
import { publicLabChanged } from './public-cache';
import { updateVersioned } from './versioning';

/** Every field of a lab's profile, as the admin's "new lab" form and the settings form send them. */
export const labProfileShape = {
  slug: slugField,
  nameEn: requiredText(200),
  nameZh: optionalText(200),
  acronymEn: optionalText(32),
  acronymZh: optionalText(32),
  objectiveEn: z.string().trim().max(4000).default(''),
  objectiveZh: optionalText(4000),
  sector: z.enum(SECTORS),
  chainEn: requiredText(200),
  chainZh: optionalText(200),
  region: optionalText(200),
  stage: z.enum(STAGES),
  status: z.enum(LAB_STATUSES),
  startDate: optionalDate,
  endDate: optionalDate,
  /** Its calendar says which day it is in the lab (decision 024); left out, it stays (a new lab: China Standard Time). */
  timeZone: z.string().trim().refine(isTimeZone, 'validation.timeZone').optional(),
};

/** The end date may not come before the start date (the database refuses it too). */
export function datesInOrder(value: { startDate?: string | null; endDate?: string | null }, ctx: z.RefinementCtx) {
  const { startDate, endDate } = value;
  if (startDate && endDate && /^\d{4}-\d{2}-\d{2}$/.test(startDate) && endDate < startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'validation.endBeforeStart' });
  }
}

export type LabProfileInput = z.infer<z.ZodObject<typeof labProfileShape>>;

export const labProfileUpdateInput = z
  .object({ labId: z.number().int().positive(), version: versionField, ...labProfileShape })
  .superRefine(datesInOrder);

export const labVisibilityInput = z.object({
  labId: z.number().int().positive(),
  version: versionField,
  visibility: z.enum(VISIBILITIES),
});

/**
 * Slugs are unique, so a taken one must be refused; how it is worded depends on who asks. An admin
 * sees every lab and is told another lab uses it; a lab's manager may not know that a private lab
 * exists, so they are only told the address is not available (`errors.slugUnavailable`).
 */
export function refuseTakenSlug(db: DbOrTx, slug: string, exceptLabId?: number, key = 'errors.slugTaken') {
  const taken = db
    .select({ id: labs.id })
    .from(labs)
    .where(and(sql`lower(${labs.slug}) = ${slug.toLowerCase()}`, exceptLabId ? ne(labs.id, exceptLabId) : undefined))
    .get();
  if (taken) throw new AppError('CONFLICT', key, { field: 'slug' });
}

/** What the settings pages edit: the profile with its version, and the technologies with theirs. */
export function getLabSettings(db: DbOrTx, lab: Lab) {
  const technologies = db
    .select({ id: labTechnologies.id, nameEn: labTechnologies.nameEn, nameZh: labTechnologies.nameZh, version: labTechnologies.version })
    .from(labTechnologies)
    .where(eq(labTechnologies.labId, lab.id))
    .orderBy(asc(labTechnologies.position), asc(labTechnologies.id))
    .all();
  return { lab, technologies, publication: publicationSummary(db, lab.id) };
}

/** How much of the lab a public page would show: what a manager is told before publishing. */
export function publicationSummary(db: DbOrTx, labId: number) {
  const count = (rows: { n: number } | undefined) => rows?.n ?? 0;
  const n = sql<number>`count(*)`;
  return {
    partners: count(db.select({ n }).from(participations).where(eq(participations.labId, labId)).get()),
    publicMilestones: count(
      db
        .select({ n })
        .from(milestones)
        .where(and(eq(milestones.labId, labId), eq(milestones.isPublic, true)))
        .get(),
    ),
    publicGoals: count(
      db
        .select({ n })
        .from(goals)
        .where(and(eq(goals.labId, labId), eq(goals.isPublic, true)))
        .get(),
    ),
    publicUpdates: count(
      db
        .select({ n })
        .from(progressUpdates)
        .where(and(eq(progressUpdates.labId, labId), eq(progressUpdates.isPublic, true), isNull(progressUpdates.hiddenAt)))
        .get(),
    ),
  };
}

export function updateLabProfile(db: DbOrTx, actor: SessionUser, lab: Lab, input: z.infer<typeof labProfileUpdateInput>) {
  const { labId: _labId, version, ...fields } = input;
  db.transaction((tx) => {
    // A stale form is answered as stale before anything is said about the slug it carries.
    const current = tx.select({ version: labs.version }).from(labs).where(eq(labs.id, lab.id)).get();
    if (!current) throw notFound();
    if (current.version !== version) throw staleVersion();
    refuseTakenSlug(tx, fields.slug, lab.id, 'errors.slugUnavailable');
    updateVersioned(tx, labs, lab.id, version, fields);
    const diff = changedFields(lab, fields);
    if (diff.changed) {
      recordAudit(tx, {
        labId: lab.id,
        actorId: actor.id,
        action: 'updated',
        entityType: 'lab',
        entityId: lab.id,
        before: diff.before,
        after: diff.after,
      });
    }
  });
  publicLabChanged(lab.slug);
  if (fields.slug !== lab.slug) publicLabChanged(fields.slug);
  return { slug: fields.slug };
}

export function setLabVisibility(db: DbOrTx, actor: SessionUser, lab: Lab, input: z.infer<typeof labVisibilityInput>) {
  db.transaction((tx) => {
    updateVersioned(tx, labs, lab.id, input.version, { visibility: input.visibility });
    if (lab.visibility !== input.visibility) {
      recordAudit(tx, {
        labId: lab.id,
        actorId: actor.id,
        action: 'updated',
        entityType: 'lab',
        entityId: lab.id,
        before: { visibility: lab.visibility },
        after: { visibility: input.visibility },
      });
    }
  });
  publicLabChanged(lab.slug);
  return { visibility: input.visibility };
}
