import { LOCALES } from '@/common/enums';
import { publicPaths } from '../public-url';
import { pageCache, pathTag } from '../shared-state/store';

/**
 * Tells the shared page cache that what the public may see of a lab may have changed: every cached
 * public answer that shows the lab (directory, fact sheet, feeds, calendar, share card, sitemap)
 * becomes a miss in every server process, and is rendered afresh on its next request. Call it after
 * the transaction that changed a lab's profile, partners, visibility, or any milestone, goal,
 * measurement or update of the lab commits; it is cheap, so call it even when unsure whether the
 * item is public. It works the same inside a request, in a script and in a test.
 */
export function publicLabChanged(slug: string): void {
  const paths = [...LOCALES.flatMap((locale) => [publicPaths.directory(locale), publicPaths.factSheet(locale, slug)]), ...extraPublicPaths(slug)];
  pageCache()
    .expireTags(paths.map(pathTag))
    .catch((error: unknown) => console.error('Refreshing public pages failed:', error));
}

/** Further public URLs that show lab data: the lab's feed, calendar and share card, the news of all labs, the sitemap. */
export function extraPublicPaths(slug: string): string[] {
  return [
    ...LOCALES.flatMap((locale) => [
      publicPaths.labFeed(locale, slug),
      publicPaths.labCalendar(locale, slug),
      publicPaths.labShareImage(locale, slug),
      publicPaths.newsFeed(locale),
    ]),
    publicPaths.sitemap(),
  ];
}
