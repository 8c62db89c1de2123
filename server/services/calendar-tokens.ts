import { and, desc, eq, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '@/db/client';
import { calendarTokens, labs, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { renderCalendar } from '../domain/icalendar';
import type { Locale, MilestoneStatus } from '@/common/enums';
import { localizedName } from '../domain/names';
import { isLocale, translate } from '../i18n';
import { labStanding, requireLabAccess } from './access';
import { recordAudit } from './audit';
import { milestonesOfLab } from './timeline';

// A per-user secret calendar URL for a lab's milestones. Only the SHA-256 of the token is stored:
// the URL is shown once, when it is made, and a database copy cannot be turned back into it.

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const calendarPath = (token: string) => `/api/calendar/${token}`;

function activeToken(db: DbOrTx, userId: number, labId: number) {
  return db
    .select({ id: calendarTokens.id, createdAt: calendarTokens.createdAt, lastUsedAt: calendarTokens.lastUsedAt })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.userId, userId), eq(calendarTokens.labId, labId), isNull(calendarTokens.revokedAt)))
    .orderBy(desc(calendarTokens.id))
    .get();
}

/** Whether the caller has a live calendar URL for this lab (the URL itself cannot be shown again). */
export function calendarTokenStatus(db: DbOrTx, user: SessionUser, input: { labId: number }) {
  requireLabAccess(db, user, input.labId, 'viewer');
  const token = activeToken(db, user.id, input.labId);
  return token ? { active: true as const, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt } : { active: false as const };
}

function revokeAll(db: DbOrTx, userId: number, labId: number): number {
  return db
    .update(calendarTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarTokens.userId, userId), eq(calendarTokens.labId, labId), isNull(calendarTokens.revokedAt)))
    .run().changes;
}

/** Makes a new secret URL and revokes any earlier one. Returns the path, which is shown only now. */
export function renewCalendarToken(db: DbOrTx, user: SessionUser, input: { labId: number }) {
  requireLabAccess(db, user, input.labId, 'viewer');
  const token = randomBytes(24).toString('base64url');
  db.transaction((tx) => {
    const revoked = revokeAll(tx, user.id, input.labId);
    const row = tx
      .insert(calendarTokens)
      .values({ userId: user.id, labId: input.labId, tokenHash: hashToken(token) })
      .returning()
      .get();
    recordAudit(tx, {
      labId: input.labId,
      actorId: user.id,
      action: revoked > 0 ? 'renewed' : 'created',
      entityType: 'calendar_token',
      entityId: row.id,
    });
  });
  return { path: calendarPath(token) };
}

export function revokeCalendarToken(db: DbOrTx, user: SessionUser, input: { labId: number }) {
  requireLabAccess(db, user, input.labId, 'viewer');
  db.transaction((tx) => {
    const token = activeToken(tx, user.id, input.labId);
    if (!token) return;
    revokeAll(tx, user.id, input.labId);
    recordAudit(tx, { labId: input.labId, actorId: user.id, action: 'revoked', entityType: 'calendar_token', entityId: token.id });
  });
  return { active: false as const };
}

const icsStatus: Record<MilestoneStatus, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  not_started: 'TENTATIVE',
  in_progress: 'CONFIRMED',
  at_risk: 'CONFIRMED',
  done: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/**
 * The ICS text for a calendar token, or null when the token is unknown or revoked, or its owner
 * is disabled or no longer has a role in the lab (the feed dies with the access it stood for).
 */
export function calendarForToken(db: DbOrTx, token: string, baseUrl: string): { name: string; text: string } | null {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = db
    .select({ id: calendarTokens.id, labId: calendarTokens.labId, lastUsedAt: calendarTokens.lastUsedAt, user: users })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .where(and(eq(calendarTokens.tokenHash, hashToken(token)), isNull(calendarTokens.revokedAt)))
    .get();
  if (!row || row.user.disabledAt) return null;
  const sessionUser: SessionUser = {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    isAdmin: row.user.isAdmin,
    organisationId: row.user.organisationId,
    locale: row.user.locale,
    timeZone: row.user.timeZone,
  };
  if (!labStanding(db, sessionUser, row.labId)) return null;
  const lab = db.select({ slug: labs.slug, nameEn: labs.nameEn, nameZh: labs.nameZh }).from(labs).where(eq(labs.id, row.labId)).get();
  if (!lab) return null;
  // Calendar clients poll often; recording the last use once an hour is enough.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 3_600_000) {
    db.update(calendarTokens).set({ lastUsedAt: new Date() }).where(eq(calendarTokens.id, row.id)).run();
  }
  // In the language the person chose for the app (issue 24: it was English for everyone).
  const locale: Locale = isLocale(row.user.locale) ? row.user.locale : 'en';
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `publicLab.feeds.${key}`, params);
  const percent = (n: number) => new Intl.NumberFormat(locale, { style: 'percent' }).format(n / 100);
  const name = t('calendarName', { name: localizedName(locale, lab.nameEn, lab.nameZh) });
  const text = renderCalendar({
    prodId: '-//Consortium Tracker//Milestones//EN',
    name,
    stamp: new Date(),
    events: milestonesOfLab(db, row.labId).map((m) => ({
      uid: `milestone-${m.id}@consortium-tracker`,
      summary: m.title,
      description: [
        m.description,
        t('eventStatus', { status: translate(locale, `enums.milestoneStatus.${m.status}`), percent: percent(m.percentComplete) }),
      ]
        .filter(Boolean)
        .join('\n\n'),
      start: m.forecastStart,
      end: m.forecastFinish,
      lastModified: m.updatedAt,
      status: icsStatus[m.status],
      url: `${baseUrl}/${locale}/workspace/labs/${lab.slug}/timeline?m=${m.id}`,
    })),
  });
  return { name, text };
}
