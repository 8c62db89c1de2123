import { revalidatePath } from 'next/cache';
import { LOCALES } from '../domain/enums';
import { publicPaths } from '../public-url';

/**
 * Where public paths go to be refreshed when the change was made outside a Next.js request: the
 * app's server (server/http/serve.ts) answers tRPC itself and registers one here that hands the paths
 * to a Next.js route. Kept on globalThis because this module is loaded once by that server and again
 * inside each Next.js bundle.
 */
type Revalidator = (paths: string[]) => void;
const REVALIDATOR = Symbol.for('consortium-tracker.revalidator');
const registry = globalThis as unknown as { [REVALIDATOR]?: Revalidator };

export function setPublicRevalidator(revalidator: Revalidator | undefined): void {
  registry[REVALIDATOR] = revalidator;
}

/**
 * Tells Next.js that what the public may see of a lab may have changed, so cached public pages
 * (directory, fact sheet, feeds) are rebuilt on their next request. Call it after the transaction
 * that changed a lab's profile, partners, visibility, or any milestone, goal, measurement or update
 * of the lab commits; it is cheap, so call it even when unsure whether the item is public.
 */
export function publicLabChanged(slug: string): void {
  const paths = [...LOCALES.flatMap((locale) => [`/${locale}/labs`, `/${locale}/labs/${slug}`]), ...extraPublicPaths(slug)];
  try {
    for (const path of paths) revalidatePath(path);
  } catch (error) {
    if (!(error instanceof Error && error.message.includes('static generation store missing'))) throw error;
    // Outside a Next.js request: the app's server passes the paths on; tests and scripts have no
    // cache to invalidate.
    registry[REVALIDATOR]?.(paths);
  }
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
