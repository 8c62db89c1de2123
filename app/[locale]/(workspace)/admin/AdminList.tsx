import { Plus } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { buttonClass } from '@/app/_components/Form';
import { withoutControlCharacters } from '@/server/domain/fields';
import { EmptyState } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { SearchForm } from './SearchForm';

/** The search text of an admin list, as the URL carries it (`?q=`), less what the search refuses. */
export async function adminQuery(searchParams: Promise<{ q?: string | string[] }>): Promise<string> {
  const q = (await searchParams).q;
  return withoutControlCharacters((Array.isArray(q) ? q[0] : q) ?? '')
    .trim()
    .slice(0, 100);
}

/**
 * One admin list (labs, organisations, users): its heading with the count, the search, the "new"
 * button, and the list itself or an empty state that tells a failed search from an empty list.
 */
export async function AdminList({
  area,
  count,
  query,
  icon,
  children,
}: {
  area: 'labs' | 'organisations' | 'users';
  count: number;
  query: string;
  icon: ReactNode;
  children: ReactNode;
}) {
  const t = await getTranslations(`admin.${area}`);
  const headingId = `${area}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 id={headingId} className="text-lg font-semibold">
          {t('title')} <span className="num text-sm font-normal text-muted">({count})</span>
        </h2>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <SearchForm query={query} label={t('search')} placeholder={t('searchPlaceholder')} />
          <Link href={`/admin/${area}/new`} className={buttonClass('primary')}>
            <Plus aria-hidden className="size-4" />
            {t('new')}
          </Link>
        </div>
      </div>
      {count === 0 ? (
        <EmptyState icon={icon} title={query ? t('noMatch', { query }) : t('emptyTitle')}>
          {query ? t('noMatchHint') : t('empty')}
        </EmptyState>
      ) : (
        children
      )}
    </section>
  );
}
