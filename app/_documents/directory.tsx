import { Building2, Rss } from 'lucide-react';
import { publicPaths } from '@/server/domain/public-paths';
import { EmptyState, PageContainer, PageHeader } from '../_components/Page';
import { DirectorySearchForm } from '../_components/public/DirectorySearchForm';
import { LabCards } from '../_components/public/LabCards';
import { SearchPagination } from '../_components/public/SearchPagination';
import { scoped, type I18n } from '../_lib/i18n';
import { Document } from './Document';
import type { DirectoryDocument, DocumentAssets } from '@/server/documents/types';

/**
 * The directory: the first page of the public labs, A to Z, with the search form; its "next page"
 * link continues in the unfiltered search, so the directory stays one cached page (decision 012).
 */
export function directoryDocument(request: DirectoryDocument, i18n: I18n, assets: DocumentAssets) {
  const { locale } = i18n;
  const t = scoped(i18n, 'directory');
  const { firstPage } = request;
  return (
    <Document
      i18n={i18n}
      request={request}
      assets={assets}
      head={{
        title: t('title'),
        description: t('intro'),
        path: publicPaths.directory,
        feed: { url: publicPaths.newsFeed(locale), title: t('newsFeed') },
        image: { url: publicPaths.directoryShareImage(locale), alt: t('shareImageAlt') },
      }}
    >
      <main id="main">
        <PageContainer className="pb-16">
          <PageHeader
            title={t('title')}
            description={t('intro')}
            actions={
              <a
                href={publicPaths.newsFeed(locale)}
                type="application/atom+xml"
                className="inline-flex items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm text-ink-soft hover:bg-neutral-soft hover:text-ink"
              >
                <Rss aria-hidden className="size-4 text-warn" />
                {t('newsFeed')}
              </a>
            }
          >
            <p className="num mt-3 text-sm text-muted">{t('count', { count: firstPage.total })}</p>
          </PageHeader>
          {firstPage.total === 0 ? (
            <EmptyState icon={<Building2 className="size-8" aria-hidden />}>{t('empty')}</EmptyState>
          ) : (
            <>
              <DirectorySearchForm i18n={i18n} facets={request.facets} />
              <div className="mt-6">
                <LabCards labs={firstPage.labs} i18n={i18n} label={t('title')} />
              </div>
              <SearchPagination i18n={i18n} values={{}} page={1} pageCount={firstPage.pageCount} />
            </>
          )}
        </PageContainer>
      </main>
    </Document>
  );
}
