import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { goals, measurements, progressUpdates, users } from '@/db/schema';
import { markdownToText } from '../domain/markdown';

// What waits for a manager before the public sees it (decision 017): public updates edited by
// someone who may not publish, and sources of measurements on public goals that no manager has
// approved. Managers of the lab only (labSettings.awaitingPublication checks the role).

const EXCERPT_LENGTH = 160;

function excerpt(markdown: string): string {
  const text = markdownToText(markdown);
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

export function awaitingPublication(db: DbOrTx, labId: number) {
  const updates = db
    .select({
      id: progressUpdates.id,
      version: progressUpdates.version,
      body: progressUpdates.body,
      publishedBody: progressUpdates.publishedBody,
      editedAt: progressUpdates.updatedAt,
      authorName: users.name,
    })
    .from(progressUpdates)
    .leftJoin(users, eq(users.id, progressUpdates.authorId))
    .where(
      and(
        eq(progressUpdates.labId, labId),
        eq(progressUpdates.isPublic, true),
        isNotNull(progressUpdates.publishedBody),
        // A hidden update is on no public page, whatever it says.
        isNull(progressUpdates.hiddenAt),
      ),
    )
    .orderBy(desc(progressUpdates.updatedAt), desc(progressUpdates.id))
    .all()
    .map(({ body, publishedBody, ...u }) => ({ ...u, excerpt: excerpt(body), publishedExcerpt: excerpt(publishedBody!) }));

  const sources = db
    .select({
      id: measurements.id,
      version: measurements.version,
      goalId: goals.id,
      goalTitleEn: goals.titleEn,
      goalTitleZh: goals.titleZh,
      unit: goals.unit,
      unitLabel: goals.unitLabel,
      value: measurements.value,
      asOf: measurements.asOf,
      source: measurements.source,
      publishedSource: measurements.publishedSource,
      recordedByName: users.name,
    })
    .from(measurements)
    .innerJoin(goals, eq(goals.id, measurements.goalId))
    .leftJoin(users, eq(users.id, measurements.recordedById))
    .where(and(eq(goals.labId, labId), eq(goals.isPublic, true), eq(measurements.sourceAwaitingApproval, true)))
    .orderBy(desc(measurements.updatedAt), desc(measurements.id))
    .all();

  return { updates, sources };
}

export type AwaitingPublication = ReturnType<typeof awaitingPublication>;
