import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DB, DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { goals, milestones, organisations, progressUpdates, updateGoals, updateMilestones, updateRevisions, users } from '@/db/schema';
import type { SessionUser } from './actor';
import type { Health } from '@/common/enums';
import { renderMarkdown } from '../domain/markdown';
import { AppError, forbidden, invalidField, notFound } from '../errors';
import { roleAtLeast, type Lab, type LabStanding } from './access';
import { changedFields, recordAudit } from './audit';
import { publicLabChanged } from './public-cache';
import { updateVersioned } from './versioning';

// Progress updates: the lab's append-only feed. Members post and edit their own (earlier text is
// kept as revisions); managers decide what is public and may hide an update with a reason.

export type UpdateInput = {
  body: string;
  health: Health;
  milestoneIds: number[];
  goalIds: number[];
  isPublic: boolean;
};

type Actor = { user: SessionUser; lab: Lab; role: LabStanding };

const AUDIT_TYPE = 'progress_update';

/** Milestones and goals linked to an update must belong to the same lab. */
function assertLinksInLab(db: DbOrTx, labId: number, milestoneIds: number[], goalIds: number[]) {
  const ms = [...new Set(milestoneIds)];
  const gs = [...new Set(goalIds)];
  if (ms.length) {
    const found = db
      .select({ id: milestones.id })
      .from(milestones)
      .where(and(eq(milestones.labId, labId), inArray(milestones.id, ms)))
      .all();
    if (found.length !== ms.length) throw invalidField('milestoneIds', 'updates.errors.unknownMilestone');
  }
  if (gs.length) {
    const found = db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.labId, labId), inArray(goals.id, gs)))
      .all();
    if (found.length !== gs.length) throw invalidField('goalIds', 'updates.errors.unknownGoal');
  }
  return { ms, gs };
}

/** Sets an update's links; a new update (`replace` false) has none to remove. */
function writeLinks(tx: DbOrTx, updateId: number, ms: number[], gs: number[], replace = true) {
  if (replace) {
    tx.delete(updateMilestones).where(eq(updateMilestones.updateId, updateId)).run();
    tx.delete(updateGoals).where(eq(updateGoals.updateId, updateId)).run();
  }
  for (const milestoneId of ms) tx.insert(updateMilestones).values({ updateId, milestoneId }).run();
  for (const goalId of gs) tx.insert(updateGoals).values({ updateId, goalId }).run();
}

function linkIds(db: DbOrTx, updateId: number) {
  const ms = db.select({ id: updateMilestones.milestoneId }).from(updateMilestones).where(eq(updateMilestones.updateId, updateId)).all();
  const gs = db.select({ id: updateGoals.goalId }).from(updateGoals).where(eq(updateGoals.updateId, updateId)).all();
  return { milestoneIds: ms.map((m) => m.id).sort((a, b) => a - b), goalIds: gs.map((g) => g.id).sort((a, b) => a - b) };
}

/** Only managers publish: a member's update is always private to the lab. */
function assertMayPublish({ role }: Actor, isPublic: boolean) {
  if (isPublic && !roleAtLeast(role, 'manager'))
    throw new AppError('FORBIDDEN', 'updates.errors.onlyManagersPublish', { field: 'isPublic' });
}

type Update = typeof progressUpdates.$inferSelect;

/** The public sees an update as it is, or as it was published (decision 017). */
const AS_IT_IS = { publishedBody: null, publishedHealth: null, publishedUpdatedAt: null } as const;

/**
 * What the public sees of an update after an edit. Publishing is a manager's decision about this
 * text, so an edit by anyone else leaves the public with the version a manager published — until a
 * manager publishes the new one, or the edit returns to the published text.
 */
function publicVersionAfterEdit(actor: Actor, current: Update, next: { body: string; health: Health; isPublic: boolean }) {
  if (!next.isPublic || roleAtLeast(actor.role, 'manager')) return AS_IT_IS;
  const published =
    current.publishedBody !== null
      ? { publishedBody: current.publishedBody, publishedHealth: current.publishedHealth, publishedUpdatedAt: current.publishedUpdatedAt }
      : { publishedBody: current.body, publishedHealth: current.health, publishedUpdatedAt: current.updatedAt };
  return published.publishedBody === next.body && published.publishedHealth === next.health ? AS_IT_IS : published;
}

/** An edit of a public update waits for a manager: the public still sees the version they published. */
export function awaitsPublication(u: Pick<Update, 'isPublic' | 'publishedBody'>): boolean {
  return u.isPublic && u.publishedBody !== null;
}

export function postUpdate(db: DB, actor: Actor, input: UpdateInput) {
  assertMayPublish(actor, input.isPublic);
  const { ms, gs } = assertLinksInLab(db, actor.lab.id, input.milestoneIds, input.goalIds);
  const created = db.transaction((tx) => {
    const row = prepared(tx, 'postUpdate', (d) =>
      d
        .insert(progressUpdates)
        .values({
          labId: sql.placeholder('labId'),
          authorId: sql.placeholder('authorId'),
          body: sql.placeholder('body'),
          health: sql.placeholder('health'),
          isPublic: sql.placeholder('isPublic'),
        })
        .returning({ id: progressUpdates.id, version: progressUpdates.version })
        .prepare(),
    ).get({ labId: actor.lab.id, authorId: actor.user.id, body: input.body, health: input.health, isPublic: input.isPublic })!;
    writeLinks(tx, row.id, ms, gs, false);
    recordAudit(tx, {
      labId: actor.lab.id,
      actorId: actor.user.id,
      action: 'created',
      entityType: AUDIT_TYPE,
      entityId: row.id,
      after: { body: input.body, health: input.health, isPublic: input.isPublic, milestoneIds: ms, goalIds: gs },
    });
    return row;
  });
  if (input.isPublic) publicLabChanged(actor.lab.slug);
  return created;
}

function loadUpdate(db: DbOrTx, labId: number, updateId: number) {
  const update = db
    .select()
    .from(progressUpdates)
    .where(and(eq(progressUpdates.id, updateId), eq(progressUpdates.labId, labId)))
    .get();
  if (!update) throw notFound();
  return update;
}

/** The author edits their own update; the earlier text is kept as a revision. */
export function editUpdate(db: DB, actor: Actor, updateId: number, version: number, input: UpdateInput) {
  const current = loadUpdate(db, actor.lab.id, updateId);
  if (current.hiddenAt && !roleAtLeast(actor.role, 'manager')) throw notFound();
  if (current.authorId !== actor.user.id) throw new AppError('FORBIDDEN', 'updates.errors.onlyAuthorEdits');
  if (input.isPublic !== current.isPublic) assertMayPublish(actor, input.isPublic);
  const { ms, gs } = assertLinksInLab(db, actor.lab.id, input.milestoneIds, input.goalIds);
  const diff = changedFields(
    { body: current.body, health: current.health, isPublic: current.isPublic, ...linkIds(db, updateId) },
    {
      body: input.body,
      health: input.health,
      isPublic: input.isPublic,
      milestoneIds: [...ms].sort((a, b) => a - b),
      goalIds: [...gs].sort((a, b) => a - b),
    },
  );
  const publicVersion = publicVersionAfterEdit(actor, current, input);
  const awaiting = awaitsPublication({ isPublic: input.isPublic, ...publicVersion });
  db.transaction((tx) => {
    updateVersioned(tx, progressUpdates, updateId, version, {
      body: input.body,
      health: input.health,
      isPublic: input.isPublic,
      ...publicVersion,
    });
    tx.insert(updateRevisions)
      .values({ updateId, body: current.body, health: current.health, isPublic: current.isPublic, editedById: actor.user.id })
      .run();
    writeLinks(tx, updateId, ms, gs);
    recordAudit(tx, {
      labId: actor.lab.id,
      actorId: actor.user.id,
      action: 'edited',
      entityType: AUDIT_TYPE,
      entityId: updateId,
      before: awaitsPublication(current) !== awaiting ? { ...diff.before, awaitingPublication: !awaiting } : diff.before,
      after: awaitsPublication(current) !== awaiting ? { ...diff.after, awaitingPublication: awaiting } : diff.after,
    });
  });
  if (input.isPublic || current.isPublic) publicLabChanged(actor.lab.slug);
  return { id: updateId, version: version + 1, awaitingPublication: awaiting };
}

/**
 * Managers publish or withdraw any update of their lab. Publishing shows the update as it is now,
 * also when an edit of a published update was waiting for them.
 */
export function setUpdatePublic(db: DB, actor: Actor, updateId: number, version: number, isPublic: boolean) {
  if (!roleAtLeast(actor.role, 'manager')) throw forbidden();
  const current = loadUpdate(db, actor.lab.id, updateId);
  const waited = awaitsPublication(current);
  db.transaction((tx) => {
    updateVersioned(tx, progressUpdates, updateId, version, { isPublic, ...AS_IT_IS });
    recordAudit(tx, {
      labId: actor.lab.id,
      actorId: actor.user.id,
      action: isPublic ? 'published' : 'unpublished',
      entityType: AUDIT_TYPE,
      entityId: updateId,
      before: waited ? { isPublic: current.isPublic, awaitingPublication: true } : { isPublic: current.isPublic },
      after: waited ? { isPublic, awaitingPublication: false } : { isPublic },
    });
  });
  publicLabChanged(actor.lab.slug);
  return { id: updateId, version: version + 1 };
}

/** Managers hide an update (with a reason, kept in the audit log) or show it again. */
export function setUpdateHidden(db: DB, actor: Actor, updateId: number, version: number, hidden: boolean, reason: string | null) {
  if (!roleAtLeast(actor.role, 'manager')) throw forbidden();
  const current = loadUpdate(db, actor.lab.id, updateId);
  if (hidden && !reason?.trim()) throw invalidField('reason', 'updates.errors.reasonRequired');
  db.transaction((tx) => {
    updateVersioned(
      tx,
      progressUpdates,
      updateId,
      version,
      hidden
        ? { hiddenAt: new Date(), hiddenById: actor.user.id, hiddenReason: reason!.trim() }
        : { hiddenAt: null, hiddenById: null, hiddenReason: null },
    );
    recordAudit(tx, {
      labId: actor.lab.id,
      actorId: actor.user.id,
      action: hidden ? 'hidden' : 'unhidden',
      entityType: AUDIT_TYPE,
      entityId: updateId,
      before: { hidden: current.hiddenAt !== null, reason: current.hiddenReason },
      after: { hidden, reason: hidden ? reason!.trim() : null },
    });
  });
  if (current.isPublic) publicLabChanged(actor.lab.slug);
  return { id: updateId, version: version + 1 };
}

export type FeedFilters = {
  health?: Health;
  authorId?: number;
  milestoneId?: number;
  goalId?: number;
  cursor?: string;
  limit?: number;
};

/** `<created ms>.<id>` of the last item on a page: the next page starts strictly after it. */
export function parseCursor(cursor: string | undefined): { at: number; id: number } | null {
  if (!cursor) return null;
  const match = /^(\d{1,15})\.(\d{1,12})$/.exec(cursor);
  if (!match) throw invalidField('cursor', 'validation.invalid');
  return { at: Number(match[1]), id: Number(match[2]) };
}

export function listUpdates(db: DbOrTx, actor: Actor, filters: FeedFilters = {}) {
  const limit = Math.min(Math.max(filters.limit ?? 20, 1), 100);
  const isManager = roleAtLeast(actor.role, 'manager');
  const cursor = parseCursor(filters.cursor);
  const conditions: SQL[] = [eq(progressUpdates.labId, actor.lab.id)];
  if (!isManager) conditions.push(isNull(progressUpdates.hiddenAt));
  if (filters.health) conditions.push(eq(progressUpdates.health, filters.health));
  if (filters.authorId) conditions.push(eq(progressUpdates.authorId, filters.authorId));
  if (filters.milestoneId)
    conditions.push(
      sql`exists (select 1 from ${updateMilestones} where ${updateMilestones.updateId} = ${progressUpdates.id} and ${updateMilestones.milestoneId} = ${filters.milestoneId})`,
    );
  if (filters.goalId)
    conditions.push(
      sql`exists (select 1 from ${updateGoals} where ${updateGoals.updateId} = ${progressUpdates.id} and ${updateGoals.goalId} = ${filters.goalId})`,
    );
  if (cursor) conditions.push(sql`(${progressUpdates.createdAt}, ${progressUpdates.id}) < (${cursor.at}, ${cursor.id})`);

  const hider = db.$with('hider').as(db.select({ id: users.id, name: users.name }).from(users));
  const rows = db
    .with(hider)
    .select({
      id: progressUpdates.id,
      body: progressUpdates.body,
      health: progressUpdates.health,
      isPublic: progressUpdates.isPublic,
      version: progressUpdates.version,
      createdAt: progressUpdates.createdAt,
      updatedAt: progressUpdates.updatedAt,
      hiddenAt: progressUpdates.hiddenAt,
      hiddenReason: progressUpdates.hiddenReason,
      hiddenByName: hider.name,
      publishedBody: progressUpdates.publishedBody,
      authorId: progressUpdates.authorId,
      authorName: users.name,
      orgNameEn: organisations.nameEn,
      orgNameZh: organisations.nameZh,
    })
    .from(progressUpdates)
    .leftJoin(users, eq(users.id, progressUpdates.authorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(hider, eq(hider.id, progressUpdates.hiddenById))
    .where(and(...conditions))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
    .limit(limit + 1)
    .all();

  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const { milestoneLinks, goalLinks } = updateLinks(db, ids);
  const revisions = ids.length
    ? db
        .select({ updateId: updateRevisions.updateId, n: sql<number>`count(*)` })
        .from(updateRevisions)
        .where(inArray(updateRevisions.updateId, ids))
        .groupBy(updateRevisions.updateId)
        .all()
    : [];
  const revisionCount = new Map(revisions.map((r) => [r.updateId, r.n]));

  const items = page.map((r) => ({
    id: r.id,
    body: r.body,
    html: renderMarkdown(r.body),
    health: r.health,
    isPublic: r.isPublic,
    version: r.version,
    createdAt: r.createdAt,
    editedAt: (revisionCount.get(r.id) ?? 0) > 0 ? r.updatedAt : null,
    author: r.authorId ? { id: r.authorId, name: r.authorName ?? '', orgNameEn: r.orgNameEn, orgNameZh: r.orgNameZh } : null,
    hidden: r.hiddenAt ? { at: r.hiddenAt, reason: r.hiddenReason ?? '', byName: r.hiddenByName } : null,
    /** Edited since a manager published it: the public still sees the published text, shown here too. */
    awaitingPublication: awaitsPublication(r) ? { publishedHtml: renderMarkdown(r.publishedBody!) } : null,
    milestones: milestoneLinks.filter((l) => l.updateId === r.id).map(({ updateId: _u, ...m }) => m),
    goals: goalLinks.filter((l) => l.updateId === r.id).map(({ updateId: _u, ...g }) => g),
    revisionCount: revisionCount.get(r.id) ?? 0,
    canEdit: r.authorId === actor.user.id && !r.hiddenAt,
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? `${last.createdAt.getTime()}.${last.id}` : null };
}

export type FeedItem = ReturnType<typeof listUpdates>['items'][number];

/** Earlier versions of an update, newest first, with who replaced them. */
export function updateHistory(db: DbOrTx, actor: Actor, updateId: number) {
  const current = loadUpdate(db, actor.lab.id, updateId);
  if (current.hiddenAt && !roleAtLeast(actor.role, 'manager')) throw notFound();
  return db
    .select({
      id: updateRevisions.id,
      body: updateRevisions.body,
      health: updateRevisions.health,
      isPublic: updateRevisions.isPublic,
      replacedAt: updateRevisions.createdAt,
      editedByName: users.name,
    })
    .from(updateRevisions)
    .leftJoin(users, eq(users.id, updateRevisions.editedById))
    .where(eq(updateRevisions.updateId, updateId))
    .orderBy(desc(updateRevisions.createdAt), desc(updateRevisions.id))
    .all()
    .map((r) => ({ ...r, html: renderMarkdown(r.body) }));
}

/** What a lab's updates may link to, and filter by: its milestones, goals and authors. */
export function feedOptions(db: DbOrTx, labId: number) {
  return {
    milestones: db
      .select({ id: milestones.id, title: milestones.title })
      .from(milestones)
      .where(eq(milestones.labId, labId))
      .orderBy(asc(milestones.forecastStart))
      .all(),
    goals: db
      .select({ id: goals.id, titleEn: goals.titleEn, titleZh: goals.titleZh })
      .from(goals)
      .where(eq(goals.labId, labId))
      .orderBy(asc(goals.titleEn))
      .all(),
    authors: db
      .selectDistinct({ id: users.id, name: users.name })
      .from(progressUpdates)
      .innerJoin(users, eq(users.id, progressUpdates.authorId))
      .where(eq(progressUpdates.labId, labId))
      .orderBy(asc(users.name))
      .all(),
  };
}

/** The milestones and goals each of these updates links to, by title. */
export function updateLinks(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return { milestoneLinks: [], goalLinks: [] };
  return {
    milestoneLinks: db
      .select({ updateId: updateMilestones.updateId, id: milestones.id, title: milestones.title, status: milestones.status })
      .from(updateMilestones)
      .innerJoin(milestones, eq(milestones.id, updateMilestones.milestoneId))
      .where(inArray(updateMilestones.updateId, ids))
      .orderBy(asc(milestones.title))
      .all(),
    goalLinks: db
      .select({ updateId: updateGoals.updateId, id: goals.id, titleEn: goals.titleEn, titleZh: goals.titleZh })
      .from(updateGoals)
      .innerJoin(goals, eq(goals.id, updateGoals.goalId))
      .where(inArray(updateGoals.updateId, ids))
      .orderBy(asc(goals.titleEn))
      .all(),
  };
}
