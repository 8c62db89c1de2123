import { SearchX } from 'lucide-react';
import { publicPaths } from '@/server/domain/public-paths';
import { FormMessage } from '../_components/Form';
import { EmptyState, PageContainer, PageHeader } from '../_components/Page';
import { DirectorySearchForm } from '../_components/public/DirectorySearchForm';
import { LabCards } from '../_components/public/LabCards';
import { SearchPagination } from '../_components/public/SearchPagination';
import { scoped, type I18n } from '../_lib/i18n';
import { Document } from './Document';
import type { DocumentAssets, SearchDocument } from '@/server/documents/types';

/** One page of a directory search: the form as it was filled in, the results, and the pages. */
export function searchDocument(request: SearchDocument, i18n: I18n, assets: DocumentAssets) {
  const { locale } = i18n;
  const t = scoped(i18n, 'directory');
  const { results, values, errors } = request;
  return (
    <Document
      i18n={i18n}
      request={request}
      assets={assets}
      head={{
        title: t('searchTitle'),
        description: t('intro'),
        path: publicPaths.search,
        image: { url: publicPaths.directoryShareImage(locale), alt: t('shareImageAlt') },
        // Result pages are for people; search engines index the directory and the fact sheets instead.
        robots: 'noindex, follow',
      }}
    >
      <main id="main">
        <PageContainer className="pb-16">
          {/* Without words or filters this is the directory's next pages, and is titled as it is. */}
          <PageHeader
            title={request.words ? t('searchTitleFor', { query: request.words }) : request.filtered ? t('searchTitle') : t('title')}
          />
          {Object.keys(errors).length > 0 ? (
            <div className="mb-4">
              <FormMessage tone="warn">{t('badFilters')}</FormMessage>
            </div>
          ) : null}
          <DirectorySearchForm i18n={i18n} facets={request.facets} values={values} errors={errors} />
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
              <LabCards labs={results.labs} i18n={i18n} label={t('results')} />
            )}
            <SearchPagination i18n={i18n} values={values} page={results.page} pageCount={results.pageCount} />
          </section>
        </PageContainer>
      </main>
    </Document>
  );
}
