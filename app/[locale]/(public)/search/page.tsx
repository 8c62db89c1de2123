import { SearchX } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '../../../../db/client';
import { issueMessage } from '../../../../server/api/issues';
import type { Locale } from '../../../../server/domain/enums';
import { publicPaths } from '../../../../server/public-url';
import {
  DIRECTORY_FILTERS,
  directoryFacets,
  directorySearchSchema,
  searchPublicLabsPage,
  type DirectorySearch,
} from '../../../../server/services/public-search';
import { FormMessage } from '../../../_components/Form';
import { EmptyState, PageContainer, PageHeader } from '../../../_components/Page';
import { DirectorySearchForm, type SearchValues } from '../../../_components/public/DirectorySearchForm';
import { LabCards } from '../../../_components/public/LabCards';
import { SearchPagination } from '../../../_components/public/SearchPagination';
import { publicPageMetadata } from '../../../_lib/public-metadata';

// Every search is its own page: rendered per request, never cached.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELDS = ['q', ...DIRECTORY_FILTERS] as const;

/** The first value of each known parameter, as typed (repeated parameters keep the first). */
function rawValues(searchParams: Record<string, string | string[] | undefined>): SearchValues {
  return Object.fromEntries(FIELDS.map((f) => [f, firstValue(searchParams[f])]).filter(([, v]) => v !== undefined));
}

/** A repeated parameter keeps its first value. */
function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Checks the URL with the same schema as the API. A value that cannot be used (an unknown sector,
 * a query too long) is reported next to its field and left out; the rest of the search still runs.
 */
function readSearch(locale: Locale, raw: SearchValues): { search: DirectorySearch; errors: Record<string, string> } {
  const parsed = directorySearchSchema.safeParse(raw);
  if (parsed.success) return { search: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'q');
    errors[field] ??= issueMessage(locale, issue);
  }
  const usable = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in errors)));
  return { search: directorySearchSchema.parse(usable), errors };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = (await params).locale as Locale;
  const t = await getTranslations({ locale, namespace: 'directory' });
  const tm = await getTranslations({ locale, namespace: 'meta' });
  return {
    ...publicPageMetadata({
      locale,
      path: publicPaths.search,
      title: t('searchTitle'),
      description: t('intro'),
      siteName: tm('title'),
      image: { url: publicPaths.directoryShareImage(locale), alt: t('shareImageAlt') },
    }),
    // Result pages are for people; search engines index the directory and the fact sheets instead.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations('directory');
  const raw = rawValues(await searchParams);
  const { search, errors } = readSearch(locale, raw);
  const db = getDb();
  // A page number that is not one (edited by hand) shows the first page; one past the end, the last.
  const requestedPage = Number(firstValue((await searchParams).page) ?? 1);
  const results = searchPublicLabsPage(db, search, requestedPage);

  return (
    <main id="main">
      <PageContainer className="pb-16">
        {/* Without words or filters this is the directory's next pages, and is titled as it is. */}
        <PageHeader
          title={
            search.q ? t('searchTitleFor', { query: search.q }) : DIRECTORY_FILTERS.some((f) => search[f]) ? t('searchTitle') : t('title')
          }
        />
        {Object.keys(errors).length > 0 ? (
          <div className="mb-4">
            <FormMessage tone="warn">{t('badFilters')}</FormMessage>
          </div>
        ) : null}
        <DirectorySearchForm locale={locale} facets={directoryFacets(db)} values={raw} errors={errors} />
        <section aria-labelledby="results-heading" className="mt-6">
          <h2 id="results-heading" className="sr-only">
            {t('results')}
          </h2>
          <p role="status" className="num mb-3 text-sm text-muted">
            {t('resultCount', { count: results.total })}
            {results.pageCount > 1 ? ` · ${t('showing', { first: results.first, last: results.last })}` : null}
          </p>
          {results.total === 0 ? (
            <EmptyState icon={<SearchX className="size-8" aria-hidden />}>{t('noResults')}</EmptyState>
          ) : (
            <LabCards labs={results.labs} locale={locale} label={t('results')} />
          )}
          <SearchPagination locale={locale} values={raw} page={results.page} pageCount={results.pageCount} />
        </section>
      </PageContainer>
    </main>
  );
}
