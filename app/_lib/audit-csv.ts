import { createFormatter, createTranslator } from 'next-intl';
import type { Locale } from '@/common/enums';
import type { DbOrTx } from '@/server/db';
import { messagesByLocale } from '@/server/i18n';
import type { Lab } from '@/server/services/access';
import { listAuditEvents, type AuditFilters } from '@/server/services/activity';
import { auditActionLabel, auditChanges, auditKindLabel, type AuditWording } from './audit-wording';

// The audit log as CSV rows (app/api/labs/[slug]/audit.csv): the events as the service reads them
// for managers, put into the reader's words by the same wording as the audit page.

/**
 * CSV of the audit log, in the reader's language like the other downloads: one row per event with
 * its time (UTC, as ISO 8601 and in words), who, the action and record in words, and every changed
 * field as "label: value" before and after, ids named as on the page.
 */
export function auditCsvRows(db: DbOrTx, lab: Lab, filters: AuditFilters, locale: Locale = 'en') {
  const w = csvWording(locale);
  const column = (key: string) => w.t(`activity.csv.${key}`);
  const header = ['id', 'timeUtc', 'actor', 'action', 'recordType', 'recordId', 'record', 'before', 'after'].map(column);
  const rows: string[][] = [header];
  const inWords = (changes: ReturnType<typeof auditChanges>, side: 'before' | 'after') =>
    changes
      .filter((c) => c[side] !== '')
      .map((c) => w.t('activity.pair', { field: c.label, value: c[side] }))
      .join(w.t('activity.pairSeparator'));
  let cursor: string | undefined;
  do {
    const page = listAuditEvents(db, lab, 'audit', { ...filters, cursor, limit: 500 }, locale);
    for (const e of page.entries) {
      const changes = auditChanges(w, e.before, e.after, page.names);
      rows.push([
        String(e.id),
        e.at.toISOString(),
        e.actor?.name ?? '',
        auditActionLabel(w, e.action),
        auditKindLabel(w, e.entityType),
        e.entityId === null ? '' : String(e.entityId),
        e.entityLabel ?? '',
        e.before ? inWords(changes, 'before') : '',
        e.after ? inWords(changes, 'after') : '',
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

const csvWordings = new Map<Locale, AuditWording>();

/** The audit wording outside a request: times in UTC, as the CSV's time column is. */
function csvWording(locale: Locale): AuditWording {
  let w = csvWordings.get(locale);
  if (!w) {
    const t = createTranslator({ locale, messages: messagesByLocale[locale], timeZone: 'UTC' });
    w = {
      locale,
      t: t as unknown as AuditWording['t'],
      format: createFormatter({ locale, timeZone: 'UTC' }),
      has: (key) => t.has(key as never),
    };
    csvWordings.set(locale, w);
  }
  return w;
}
