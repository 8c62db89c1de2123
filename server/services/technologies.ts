import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { labTechnologies } from '@/db/schema';
import type { SessionUser } from './actor';
import { idField, optionalText, requiredText, versionField } from '../domain/fields';
import { staleVersion } from '../errors';
import type { Lab } from './access';
import { recordAudit } from './audit';
import { publicLabChanged } from './public-cache';

export const MAX_TECHNOLOGIES = 12;

export const technologiesInput = z.object({
  labId: idField,
  /** The list as the editor loaded it: any change since then is a conflict. */
  expected: z.array(z.object({ id: idField, version: versionField })).max(100),
  items: z.array(z.object({ id: idField.optional(), nameEn: requiredText(200), nameZh: optionalText(200) })).max(MAX_TECHNOLOGIES),
});

/**
 * Replaces a lab's stuck-neck technologies with an ordered list in one step. The editor sends the
 * ids and versions it started from; if anyone changed the list since, nothing is saved.
 */
export function setLabTechnologies(db: DbOrTx, actor: SessionUser, lab: Lab, input: z.infer<typeof technologiesInput>) {
  db.transaction((tx) => {
    const current = tx
      .select()
      .from(labTechnologies)
      .where(eq(labTechnologies.labId, lab.id))
      .orderBy(asc(labTechnologies.position), asc(labTechnologies.id))
      .all();
    const expected = new Map(input.expected.map((e) => [e.id, e.version]));
    if (current.length !== expected.size || current.some((t) => expected.get(t.id) !== t.version)) throw staleVersion();
    const byId = new Map(current.map((t) => [t.id, t]));
    // An id the lab does not have (another lab's, or deleted) would be a conflict, never a cross-lab edit.
    if (input.items.some((i) => i.id !== undefined && !byId.has(i.id))) throw staleVersion();

    const kept = new Set(input.items.flatMap((i) => (i.id === undefined ? [] : [i.id])));
    const removed = current.filter((t) => !kept.has(t.id)).map((t) => t.id);
    if (removed.length) tx.delete(labTechnologies).where(inArray(labTechnologies.id, removed)).run();
    input.items.forEach((item, position) => {
      const old = item.id === undefined ? undefined : byId.get(item.id);
      if (!old) {
        tx.insert(labTechnologies).values({ labId: lab.id, nameEn: item.nameEn, nameZh: item.nameZh, position }).run();
      } else if (old.nameEn !== item.nameEn || old.nameZh !== item.nameZh || old.position !== position) {
        tx.update(labTechnologies)
          .set({ nameEn: item.nameEn, nameZh: item.nameZh, position, version: old.version + 1 })
          .where(eq(labTechnologies.id, old.id))
          .run();
      }
    });
    const list = (rows: { nameEn: string; nameZh: string | null }[]) => rows.map((r) => ({ nameEn: r.nameEn, nameZh: r.nameZh }));
    const before = list(current);
    const after = list(input.items);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      recordAudit(tx, {
        labId: lab.id,
        actorId: actor.id,
        action: 'updated',
        entityType: 'lab_technologies',
        entityId: lab.id,
        before: { technologies: before },
        after: { technologies: after },
      });
    }
  });
  publicLabChanged(lab.slug);
  return { count: input.items.length };
}
