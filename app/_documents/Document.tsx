import type { ReactNode } from 'react';
import type { Locale } from '@/common/enums';
import { LocaleLinks } from '../_components/public/LocaleLinks';
import { PublicHeader } from '../_components/public/PublicHeader';
import { socialCardSize } from '../_components/public/SocialCard';
import { jsonForScript } from '../_components/fact-sheet/structured-data';
import { otherLocale } from '../_lib/localized';
import type { I18n } from '../_lib/i18n';
import type { DocumentAssets, DocumentRequest } from '@/server/documents/types';

const OPEN_GRAPH_LOCALE: Record<Locale, string> = { en: 'en_US', 'zh-CN': 'zh_CN' };

/** What a document says about itself in its head: the tags search engines and link previews read. */
export type DocumentHead = {
  /** The page's own title; the browser's tab adds the app's name. */
  title: string;
  description: string;
  /**
   * The page in a given language, e.g. (l) => `/${l}/labs`: its canonical URL and hreflang
   * alternates. A page with no address of its own (not found, refused) has none.
   */
  path?: (locale: Locale) => string;
  /** The share card (a route of its own, share.png beside the page). */
  image?: { url: string; alt: string };
  feed?: { url: string; title: string };
  type?: 'website' | 'article';
  robots?: string;
  /** schema.org data, the one script a document carries (it is data, and runs nowhere). */
  jsonLd?: unknown;
};

/**
 * A complete public document: head, the public header with its language links, and the page. It
 * loads one stylesheet and no script at all (decision 016: the directory, fact sheets and search
 * are read, not operated; decision 019: how they are rendered).
 */
export function Document({
  i18n,
  request,
  assets,
  head,
  children,
}: {
  i18n: I18n;
  request: DocumentRequest;
  assets: DocumentAssets;
  head: DocumentHead;
  children: ReactNode;
}) {
  const { locale, t } = i18n;
  const { origin, path, query } = request;
  const siteName = t('meta.title');
  const absolute = (p: string) => new URL(p, origin).toString();
  const image = head.image && { ...head.image, url: absolute(head.image.url) };
  const canonical = head.path && absolute(head.path(locale));
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="stylesheet" href={assets.stylesheet} precedence="documents" />
        <meta name="theme-color" content="#1d4ed8" />
        <title>{head.title === siteName ? siteName : `${head.title} · ${siteName}`}</title>
        <meta name="description" content={head.description} />
        {head.robots ? <meta name="robots" content={head.robots} /> : null}
        {head.path ? (
          <>
            <link rel="canonical" href={canonical} />
            <link rel="alternate" hrefLang="en" href={absolute(head.path('en'))} />
            <link rel="alternate" hrefLang="zh-CN" href={absolute(head.path('zh-CN'))} />
            <link rel="alternate" hrefLang="x-default" href={absolute(head.path('en'))} />
          </>
        ) : null}
        {head.feed ? <link rel="alternate" type="application/atom+xml" href={absolute(head.feed.url)} title={head.feed.title} /> : null}
        {canonical && image ? (
          <>
            <meta property="og:title" content={head.title} />
            <meta property="og:description" content={head.description} />
            <meta property="og:url" content={canonical} />
            <meta property="og:site_name" content={siteName} />
            <meta property="og:locale" content={OPEN_GRAPH_LOCALE[locale]} />
            <meta property="og:image" content={image.url} />
            <meta property="og:image:type" content="image/png" />
            <meta property="og:image:width" content={String(socialCardSize.width)} />
            <meta property="og:image:height" content={String(socialCardSize.height)} />
            <meta property="og:image:alt" content={image.alt} />
            <meta property="og:locale:alternate" content={OPEN_GRAPH_LOCALE[otherLocale(locale)]} />
            <meta property="og:type" content={head.type ?? 'website'} />
            <meta name="twitter:card" content="summary_large_image" />
            <meta name="twitter:title" content={head.title} />
            <meta name="twitter:description" content={head.description} />
            <meta name="twitter:image" content={image.url} />
            <meta name="twitter:image:alt" content={image.alt} />
            <meta name="twitter:image:type" content="image/png" />
            <meta name="twitter:image:width" content={String(socialCardSize.width)} />
            <meta name="twitter:image:height" content={String(socialCardSize.height)} />
          </>
        ) : null}
        <link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml" />
        {head.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(head.jsonLd) }} /> : null}
      </head>
      <body className="min-h-screen antialiased">
        <a href="#main" className="skip-link">
          {t('common.skipToContent')}
        </a>
        <PublicHeader i18n={i18n} localeLinks={<LocaleLinks locale={locale} label={t('common.language')} path={path} search={query} />} />
        {children}
      </body>
    </html>
  );
}
