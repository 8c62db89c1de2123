import { Building2, Rss } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '../../../../db/client';
import type { Locale } from '../../../../server/domain/enums';
import { publicPaths } from '../../../../server/public-url';
import { directoryFacets, searchPublicLabsPage } from '../../../../server/services/public-search';
import { EmptyState, PageContainer, PageHeader } from '../../../_components/Page';
import { DirectorySearchForm } from '../../../_components/public/DirectorySearchForm';
import { LabCards } from '../../../_components/public/LabCards';
import { SearchPagination } from '../../../_components/public/SearchPagination';
import { publicPageMetadata } from '../../../_lib/public-metadata';

type Params = { params: Promise<{ locale: string }> };

// Cached (ISR) and rebuilt on demand by publicLabChanged(); the timer is only a safety net.
export const revalidate = 300;
// Nothing is rendered at build time, when there is no database yet: the first visit renders and caches.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = (await params).locale as Locale;
  const t = await getTranslations({ locale, namespace: 'directory' });
  const tm = await getTranslations({ locale, namespace: 'meta' });
  return publicPageMetadata({
    locale,
    path: publicPaths.directory,
    title: t('title'),
    description: t('intro'),
    siteName: tm('title'),
    feed: { url: publicPaths.newsFeed(locale), title: t('newsFeed') },
    image: { url: publicPaths.directoryShareImage(locale), alt: t('shareImageAlt') },
  });
}

export default async function DirectoryPage({ params }: Params) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations('directory');
  const db = getDb();
  // A national directory holds hundreds of labs: it shows the first page of them (A to Z), and the
  // search, unfiltered, pages through the rest, so this page stays one cached page.
  const firstPage = searchPublicLabsPage(db, {}, 1);

  return (
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
            <DirectorySearchForm locale={locale} facets={directoryFacets(db)} />
            <div className="mt-6">
              <LabCards labs={firstPage.labs} locale={locale} label={t('title')} />
            </div>
            <SearchPagination locale={locale} values={{}} page={1} pageCount={firstPage.pageCount} />
          </>
        )}
      </PageContainer>
    </main>
  );
}
