import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { organisations, participations } from '@/db/schema';
import type { SessionUser } from './actor';
import { idField, optionalDate, optionalText, optionalWholeNumber, versionField } from '../domain/fields';
import { PARTICIPATION_ROLES } from '@/common/enums';
import { AppError, notFound, staleVersion } from '../errors';
import type { Lab } from './access';
import { changedFields, recordAudit } from './audit';
import { insertOrganisation, organisationInput } from './organisations';
import { publicLabChanged } from './public-cache';
import { updateVersioned } from './versioning';

const participationFields = {
  role: z.enum(PARTICIPATION_ROLES),
  joinedOn: optionalDate,
  contribution: optionalText(2000),
  budgetCny: optionalWholeNumber,
};

export const addPartnerInput = z
  .object({
    labId: idField,
    /** An existing organisation, or the fields of a new one — exactly one of the two. */
    organisationId: idField.optional(),
    newOrganisation: organisationInput.optional(),
    ...participationFields,
  })
  .superRefine((v, ctx) => {
    if ((v.organisationId === undefined) === (v.newOrganisation === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'validation.chooseOrganisation' });
    }
  });

export const updatePartnerInput = z.object({ labId: idField, participationId: idField, version: versionField, ...participationFields });
export const removePartnerInput = z.object({ labId: idField, participationId: idField, version: versionField });

/** The lab's partners with what the settings page edits (including versions). */
export function listPartnersForEditing(db: DbOrTx, labId: number) {
  return db
    .select({
      id: participations.id,
      version: participations.version,
      role: participations.role,
      joinedOn: participations.joinedOn,
      contribution: participations.contribution,
      budgetCny: participations.budgetCny,
      organisationId: organisations.id,
      nameEn: organisations.nameEn,
      nameZh: organisations.nameZh,
      shortName: organisations.shortName,
      type: organisations.type,
    })
    .from(participations)
    .innerJoin(organisations, eq(organisations.id, participations.organisationId))
    .where(eq(participations.labId, labId))
    .orderBy(sql`case ${participations.role} when 'lead' then 0 when 'core_partner' then 1 else 2 end`, asc(organisations.nameEn))
    .all();
}

export function addPartner(db: DbOrTx, actor: SessionUser, lab: Lab, input: z.infer<typeof addPartnerInput>) {
  const { labId: _labId, organisationId, newOrganisation, ...fields } = input;
  const row = db.transaction((tx) => {
    let orgId = organisationId;
    if (newOrganisation) {
      orgId = insertOrganisation(tx, actor, newOrganisation, lab.id).id;
    } else if (!tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId!)).get()) {
      throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'organisationId' });
    }
    const already = tx
      .select({ id: participations.id })
      .from(participations)
      .where(and(eq(participations.labId, lab.id), eq(participations.organisationId, orgId!)))
      .get();
    if (already) throw new AppError('CONFLICT', 'errors.alreadyPartner', { field: 'organisationId' });
    const created = tx
      .insert(participations)
      .values({ labId: lab.id, organisationId: orgId!, ...fields })
      .returning()
      .get();
    recordAudit(tx, {
      labId: lab.id,
      actorId: actor.id,
      action: 'created',
      entityType: 'participation',
      entityId: created.id,
      after: { organisationId: orgId, ...fields },
    });
    return created;
  });
  publicLabChanged(lab.slug);
  return { id: row.id };
}

function participationOfLab(tx: DbOrTx, labId: number, id: number) {
  // Looked up with its lab: a participation of another lab is not found, whatever its id.
  const row = tx
    .select()
    .from(participations)
    .where(and(eq(participations.id, id), eq(participations.labId, labId)))
    .get();
  if (!row) throw notFound();
  return row;
}

export function updatePartner(db: DbOrTx, actor: SessionUser, lab: Lab, input: z.infer<typeof updatePartnerInput>) {
  const { labId: _labId, participationId, version, ...fields } = input;
  db.transaction((tx) => {
    const before = participationOfLab(tx, lab.id, participationId);
    updateVersioned(tx, participations, participationId, version, fields);
    const diff = changedFields(before, fields);
    if (diff.changed) {
      recordAudit(tx, {
        labId: lab.id,
        actorId: actor.id,
        action: 'updated',
        entityType: 'participation',
        entityId: participationId,
        before: diff.before,
        after: diff.after,
      });
    }
  });
  publicLabChanged(lab.slug);
  return { id: participationId };
}

export function removePartner(db: DbOrTx, actor: SessionUser, lab: Lab, input: z.infer<typeof removePartnerInput>) {
  db.transaction((tx) => {
    const before = participationOfLab(tx, lab.id, input.participationId);
    const deleted = tx
      .delete(participations)
      .where(and(eq(participations.id, before.id), eq(participations.version, input.version)))
      .run();
    if (deleted.changes !== 1) throw staleVersion();
    recordAudit(tx, {
      labId: lab.id,
      actorId: actor.id,
      action: 'deleted',
      entityType: 'participation',
      entityId: before.id,
      before: { organisationId: before.organisationId, role: before.role, joinedOn: before.joinedOn, contribution: before.contribution },
    });
  });
  publicLabChanged(lab.slug);
  return { id: input.participationId };
}
