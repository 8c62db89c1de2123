import { revalidatePath } from 'next/cache';
import { LOCALES } from '../domain/enums';
import { publicPaths } from '../public-url';

/**
 * Tells Next.js that what the public may see of a lab may have changed, so cached public pages
 * (directory, fact sheet, feeds) are rebuilt on their next request. Call it after the transaction
 * that changed a lab's profile, partners, visibility, or any milestone, goal, measurement or update
 * of the lab commits; it is cheap, so call it even when unsure whether the item is public.
 */
export function publicLabChanged(slug: string): void {
  const paths = LOCALES.flatMap((locale) => [`/${locale}/labs`, `/${locale}/labs/${slug}`]);
  for (const path of [...paths, ...extraPublicPaths(slug)]) {
    try {
      revalidatePath(path);
    } catch (error) {
      // Outside a Next.js request (tests, scripts) there is no cache to invalidate.
      if (!(error instanceof Error && error.message.includes('static generation store missing'))) throw error;
    }
  }
}

/** Further public URLs that show lab data: the lab's feed and calendar, the news of all labs, the sitemap. */
export function extraPublicPaths(slug: string): string[] {
  return [
    ...LOCALES.flatMap((locale) => [
      publicPaths.labFeed(locale, slug),
      publicPaths.labCalendar(locale, slug),
      publicPaths.newsFeed(locale),
    ]),
    publicPaths.sitemap(),
  ];
}
