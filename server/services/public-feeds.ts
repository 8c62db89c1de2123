import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { labs, milestones } from '@/db/schema';
import { parseIsoDate } from '../domain/dates';
import { notFound } from '../errors';
import {
  findPublicLab,
  isPublicMilestone,
  publicGoalsOf,
  publicMilestoneColumns,
  publicMilestonesOf,
  publicUpdatesOf,
  selectPublicLabs,
  type PublicLabRow,
} from './publication';

// What the feeds and calendars publish: public updates and completions of public milestones,
// read through the same allow-lists as the pages.

const FEED_LENGTH = 50;

type FeedLab = Pick<PublicLabRow, 'slug' | 'nameEn' | 'nameZh' | 'acronymEn' | 'acronymZh'>;

export type NewsItem =
  | { kind: 'update'; id: number; lab: FeedLab; at: Date; body: string; health: 'on_track' | 'at_risk' | 'off_track' }
  | { kind: 'completion'; id: number; lab: FeedLab; at: Date; title: string; finishedOn: string };

function feedLab(lab: PublicLabRow): FeedLab {
  return { slug: lab.slug, nameEn: lab.nameEn, nameZh: lab.nameZh, acronymEn: lab.acronymEn, acronymZh: lab.acronymZh };
}

function completionsOf(db: DbOrTx, labIds: number[], limit: number) {
  if (labIds.length === 0) return [];
  return db
    .select({
      id: publicMilestoneColumns.id,
      labId: publicMilestoneColumns.labId,
      title: publicMilestoneColumns.title,
      actualFinish: milestones.actualFinish,
    })
    .from(milestones)
    .innerJoin(labs, eq(labs.id, milestones.labId))
    .where(and(isPublicMilestone, eq(milestones.status, 'done'), isNotNull(milestones.actualFinish), inArray(milestones.labId, labIds)))
    .orderBy(sql`${milestones.actualFinish} desc`, sql`${milestones.id} desc`)
    .limit(limit)
    .all();
}

/** Public updates and milestone completions of the given public labs, newest first. */
function newsOf(db: DbOrTx, publicLabs: PublicLabRow[], limit = FEED_LENGTH): NewsItem[] {
  const byId = new Map(publicLabs.map((l) => [l.id, feedLab(l)]));
  const ids = [...byId.keys()];
  const items: NewsItem[] = [
    ...publicUpdatesOf(db, ids, limit).map((u) => ({
      kind: 'update' as const,
      id: u.id,
      lab: byId.get(u.labId)!,
      at: u.createdAt,
      body: u.body,
      health: u.health,
    })),
    ...completionsOf(db, ids, limit).map((m) => ({
      kind: 'completion' as const,
      id: m.id,
      lab: byId.get(m.labId)!,
      // A completion is dated by the day the milestone actually finished.
      at: parseIsoDate(m.actualFinish!),
      title: m.title,
      finishedOn: m.actualFinish!,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id).slice(0, limit);
}

/** A public lab's news feed; NOT_FOUND for a private or missing lab. */
export function getPublicLabNews(db: DbOrTx, slug: string) {
  const lab = findPublicLab(db, slug);
  if (!lab) throw notFound();
  return { lab, items: newsOf(db, [lab]) };
}

/** The news of every public lab together. */
export function listPublicNews(db: DbOrTx) {
  return newsOf(db, selectPublicLabs(db));
}

/** The public milestones of a public lab, for its calendar; NOT_FOUND for a private or missing lab. */
export function getPublicLabCalendar(db: DbOrTx, slug: string) {
  const lab = findPublicLab(db, slug);
  if (!lab) throw notFound();
  return { lab, milestones: publicMilestonesOf(db, [lab.id]) };
}

/** Public labs with the last time anything public in them changed, for the sitemap. */
export function publicLabsLastModified(db: DbOrTx) {
  const rows = selectPublicLabs(db);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const latest = new Map<number, number>();
  const bump = (labId: number, at: Date) => latest.set(labId, Math.max(latest.get(labId) ?? 0, at.getTime()));
  for (const m of publicMilestonesOf(db, ids)) bump(m.labId, m.updatedAt);
  for (const u of publicUpdatesOf(db, ids, 1000)) bump(u.labId, u.updatedAt);
  for (const g of publicGoalsOf(db, ids)) bump(g.labId, g.updatedAt);
  return rows.map((lab) => ({ slug: lab.slug, lastModified: new Date(Math.max(lab.updatedAt.getTime(), latest.get(lab.id) ?? 0)) }));
}
