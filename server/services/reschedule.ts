import type { DbOrTx } from '@/db/client';
import { milestones } from '@/db/schema';
import type { SessionUser } from './actor';
import { rescheduleSuccessors } from '../domain/schedule';
import { AppError } from '../errors';
import { requireLabAccess } from './access';
import { recordAudit } from './audit';
import { dependenciesOfLab } from './dependencies';
import { milestoneInLab } from './milestones';
import { publicLabChanged } from './public-cache';
import { asScheduled, milestonesOfLab } from './timeline';
import { updateVersioned } from './versioning';

function planMoves(db: DbOrTx, labId: number, fromId: number | null) {
  if (fromId !== null) milestoneInLab(db, labId, fromId);
  const rows = milestonesOfLab(db, labId);
  const byId = new Map(rows.map((m) => [m.id, m]));
  const moves = rescheduleSuccessors(rows.map(asScheduled), dependenciesOfLab(db, labId), fromId);
  return moves.map((move) => {
    const m = byId.get(move.id)!;
    return { ...move, title: m.title, version: m.version };
  });
}

/** What "reschedule successors" would change: every downstream milestone's new dates. Changes nothing. */
export function previewReschedule(db: DbOrTx, actor: SessionUser, input: { labId: number; fromId?: number | null }) {
  requireLabAccess(db, actor, input.labId, 'manager');
  return planMoves(db, input.labId, input.fromId ?? null);
}

export type RescheduleMove = ReturnType<typeof previewReschedule>[number];

/**
 * Applies the moves the manager previewed, all in one transaction. `expected` is the preview as
 * the manager saw it (ids and versions): if the plan has changed since, nothing is saved and the
 * answer is CONFLICT, so the manager previews again rather than applying moves they never saw.
 */
export function applyReschedule(
  db: DbOrTx,
  actor: SessionUser,
  input: { labId: number; fromId?: number | null; expected: { id: number; version: number }[] },
) {
  const { lab } = requireLabAccess(db, actor, input.labId, 'manager');
  const moves = db.transaction((tx) => {
    const planned = planMoves(tx, input.labId, input.fromId ?? null);
    const expected = new Map(input.expected.map((e) => [e.id, e.version]));
    const same = planned.length === expected.size && planned.every((m) => expected.get(m.id) === m.version);
    if (!same) throw new AppError('CONFLICT', 'errors.reschedulePlanChanged');
    for (const move of planned) {
      updateVersioned(tx, milestones, move.id, move.version, { forecastStart: move.to.start, forecastFinish: move.to.finish });
      recordAudit(tx, {
        labId: input.labId,
        actorId: actor.id,
        action: 'rescheduled',
        entityType: 'milestone',
        entityId: move.id,
        before: { forecastStart: move.from.start, forecastFinish: move.from.finish },
        after: { forecastStart: move.to.start, forecastFinish: move.to.finish },
      });
    }
    return planned;
  });
  publicLabChanged(lab.slug);
  return { moved: moves.length };
}
