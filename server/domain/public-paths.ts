import type { Locale } from '@/common/enums';

// The public URLs' paths in one place: pages, feeds and the sitemap link to each other, and the
// cache is told which of them to rebuild (server/services/public-cache.ts). Pure, so the renderer
// of the public documents (a worker outside Next.js, app/_documents) can use it without the
// server's configuration; server/public-url.ts makes them absolute.
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
