import type { DbOrTx } from '@/db/client';
import { notFound } from '../errors';
import type { Lab } from './access';
import { factSheetOf, type PublicFactSheet } from './public-fact-sheet';
import { findLabForPreview, previewedLab } from './publication';

/**
 * What the public fact sheet of a lab shows, or would show once the lab is public: the same
 * allow-lists and item flags as the public page, with the lab's own visibility set aside. Only for
 * the lab's managers (labSettings.previewPublic checks the role before calling this).
 */
export function previewPublicFactSheet(db: DbOrTx, lab: Lab, now: Date = new Date()): PublicFactSheet {
  const found = findLabForPreview(db, lab.id);
  if (!found) throw notFound();
  return factSheetOf(db, found, previewedLab(lab.id), now);
}
