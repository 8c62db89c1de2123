import type { Locale } from './domain/enums';
import { env } from './env';

// The public URLs of the app in one place: pages, feeds and the sitemap link to each other, and the
// cache is told which of them to rebuild (server/services/public-cache.ts).

/**
 * The origin the public reaches the app at. Cached pages and feeds are rendered without a request
 * to look at, so it comes from the configuration: NEXTAUTH_URL in production, localhost otherwise.
 */
export function publicOrigin(): string {
  const { NEXTAUTH_URL, PORT } = env();
  return NEXTAUTH_URL ? new URL(NEXTAUTH_URL).origin : `http://localhost:${PORT}`;
}

export function absoluteUrl(path: string): string {
  return new URL(path, publicOrigin()).toString();
}

export const publicPaths = {
  directory: (locale: Locale) => `/${locale}/labs`,
  search: (locale: Locale) => `/${locale}/search`,
  factSheet: (locale: Locale, slug: string) => `/${locale}/labs/${slug}`,
  labFeed: (locale: Locale, slug: string) => `/${locale}/labs/${slug}/feed.xml`,
  labCalendar: (locale: Locale, slug: string) => `/${locale}/labs/${slug}/calendar.ics`,
  newsFeed: (locale: Locale) => `/${locale}/labs/feed.xml`,
  /** The share cards (og:image, twitter:image) of the directory and of a fact sheet. */
  directoryShareImage: (locale: Locale) => `/${locale}/labs/share.png`,
  labShareImage: (locale: Locale, slug: string) => `/${locale}/labs/${slug}/share.png`,
  sitemap: () => '/sitemap.xml',
};
