import type { Metadata } from 'next';
import type { Locale } from '../../server/domain/enums';
import { publicOrigin } from '../../server/public-url';
import { socialCardSize } from '../_components/public/SocialCard';

const OPEN_GRAPH_LOCALE: Record<Locale, string> = { en: 'en_US', 'zh-CN': 'zh_CN' };

/**
 * Metadata every public page shares: its canonical URL and the same page in the other language
 * (hreflang), OpenGraph and Twitter card tags, and, where there is one, the page's Atom feed.
 * The share card (`image`) is a route of its own (share.png next to the page).
 */
export function publicPageMetadata({
  locale,
  path,
  title,
  description,
  siteName,
  feed,
  image,
  type = 'website',
}: {
  locale: Locale;
  /** The page's path in a given language, e.g. (l) => `/${l}/labs`. */
  path: (locale: Locale) => string;
  title: string;
  description: string;
  siteName: string;
  feed?: { url: string; title: string };
  image: { url: string; alt: string };
  type?: 'website' | 'article';
}): Metadata {
  const card = { url: image.url, alt: image.alt, width: socialCardSize.width, height: socialCardSize.height, type: 'image/png' };
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  return {
    metadataBase: new URL(publicOrigin()),
    title,
    description,
    alternates: {
      canonical: path(locale),
      languages: { en: path('en'), 'zh-CN': path('zh-CN'), 'x-default': path('en') },
      ...(feed ? { types: { 'application/atom+xml': [{ url: feed.url, title: feed.title }] } } : {}),
    },
    openGraph: {
      type,
      siteName,
      title,
      description,
      url: path(locale),
      locale: OPEN_GRAPH_LOCALE[locale],
      alternateLocale: [OPEN_GRAPH_LOCALE[other]],
      images: [card],
    },
    twitter: { card: 'summary_large_image', title, description, images: [card] },
  };
}
