import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/common/enums';
import { auditFiltersFromSearch, type AuditFilters } from '@/server/services/activity';
import { buttonClass, lineInputClass, selectClass } from '@/app/_components/Form';
import { Link } from '@/app/_i18n/navigation';
import { auditActionLabel, auditFieldLabel, auditKindLabel, auditValue, type AuditWording } from '@/app/_lib/audit-wording';

// Pieces shared by the activity feed and the audit log: the filters (kept in the URL) and the
// wording of records, actions, fields and values.

export type HistoryQuery = AuditFilters;
export const parseHistoryQuery = auditFiltersFromSearch;

export function historySearch(query: HistoryQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (query.actorId) params.set('person', String(query.actorId));
  if (query.entityType) params.set('kind', query.entityType);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.size ? `?${params}` : '';
}

/** The reader's wording of events (app/_lib/audit-wording.ts), from the request's language and time zone. */
export async function historyWording(): Promise<AuditWording> {
  const t = await getTranslations();
  return { locale: (await getLocale()) as Locale, t, format: await getFormatter(), has: (key) => t.has(key) };
}

export async function kindLabel(type: string): Promise<string> {
  return auditKindLabel(await historyWording(), type);
}

export async function actionLabel(action: string): Promise<string> {
  return auditActionLabel(await historyWording(), action);
}

export async function fieldLabel(field: string): Promise<string> {
  return auditFieldLabel(await historyWording(), field);
}

/** A value as a person reads it: enumerations in words, dates and numbers per locale. */
export async function formatValue(field: string, value: unknown): Promise<string> {
  return auditValue(await historyWording(), field, value);
}

export async function HistoryFilters({
  action,
  query,
  actors,
  entityTypes,
  extra,
}: {
  action: string;
  query: HistoryQuery;
  actors: { id: number; name: string }[];
  entityTypes: string[];
  extra?: React.ReactNode;
}) {
  const t = await getTranslations('activity');
  const kinds = await Promise.all(entityTypes.map(async (type) => ({ type, label: await kindLabel(type) })));
  const filtered = Boolean(query.actorId || query.entityType || query.from || query.to);
  return (
    <form
      method="get"
      action={action}
      className="grid gap-3 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="history-person" className="text-xs font-medium text-muted">
          {t('person')}
        </label>
        <select id="history-person" name="person" defaultValue={query.actorId ?? ''} className={selectClass}>
          <option value="">{t('any')}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="history-kind" className="text-xs font-medium text-muted">
          {t('kind')}
        </label>
        <select id="history-kind" name="kind" defaultValue={query.entityType ?? ''} className={selectClass}>
          <option value="">{t('any')}</option>
          {kinds.map((k) => (
            <option key={k.type} value={k.type}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="history-from" className="text-xs font-medium text-muted">
          {t('from')}
        </label>
        <input id="history-from" type="date" name="from" defaultValue={query.from} className={lineInputClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="history-to" className="text-xs font-medium text-muted">
          {t('to')}
        </label>
        <input id="history-to" type="date" name="to" defaultValue={query.to} className={lineInputClass} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          {t('apply')}
        </button>
        {filtered ? (
          <Link href={action.replace(/^\/[^/]+/, '')} className={buttonClass('ghost', 'sm')}>
            {t('clear')}
          </Link>
        ) : null}
        {extra}
      </div>
    </form>
  );
}

export async function HistoryPager({ base, query, nextCursor }: { base: string; query: HistoryQuery; nextCursor: string | null }) {
  const t = await getTranslations('activity');
  if (!query.cursor && !nextCursor) return null;
  return (
    <nav className="mt-4 flex gap-3" aria-label={t('older')}>
      {query.cursor ? (
        <Link href={`${base}${historySearch({ ...query, cursor: undefined })}`} className={buttonClass('secondary', 'sm')}>
          {t('newest')}
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={`${base}${historySearch(query, { cursor: nextCursor })}`} className={buttonClass('secondary', 'sm')}>
          {t('older')}
        </Link>
      ) : null}
    </nav>
  );
}
