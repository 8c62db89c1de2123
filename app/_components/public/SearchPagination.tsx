import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { Locale } from '@/common/enums';
import { publicPaths } from '@/server/domain/public-paths';
import { scoped, type I18n } from '@/app/_lib/i18n';
import type { SearchValues } from '@/server/documents/types';

/** The address of another page of the same search: the same words and filters, another page number. */
function pageHref(locale: Locale, values: SearchValues, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `${publicPaths.search(locale)}${query ? `?${query}` : ''}`;
}

const linkClass =
  'inline-flex items-center gap-1 rounded-lg border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-brand/40 hover:text-brand focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand';

/** Previous and next page of a search's results, as plain links (they work without JavaScript). */
export function SearchPagination({ i18n, values, page, pageCount }: { i18n: I18n; values: SearchValues; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const { locale } = i18n;
  const t = scoped(i18n, 'directory');
  return (
    <nav aria-label={t('pagination')} className="no-print mt-6 flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <a href={pageHref(locale, values, page - 1)} rel="prev" className={linkClass}>
          <ChevronLeft aria-hidden className="size-4" />
          {t('previousPage')}
        </a>
      ) : (
        <span />
      )}
      <p className="num text-sm text-muted">{t('pageOf', { page, pageCount })}</p>
      {page < pageCount ? (
        <a href={pageHref(locale, values, page + 1)} rel="next" className={linkClass}>
          {t('nextPage')}
          <ChevronRight aria-hidden className="size-4" />
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
