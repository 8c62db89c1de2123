import type { MetadataRoute } from 'next';
import { getDb } from '../server/db';
import { LOCALES, type Locale } from '../common/enums';
import { absoluteUrl, publicPaths } from '../server/public-url';
import { publicLabsLastModified } from '../server/services/public-feeds';

// Rendered per request: it needs the database, which does not exist yet when the app is built.
// It is a handful of indexed queries.
export const dynamic = 'force-dynamic';

function languages(path: (locale: Locale) => string) {
  return Object.fromEntries(LOCALES.map((l) => [l, absoluteUrl(path(l))]));
}

/** The directory and every public lab's fact sheet, in both languages, with their alternates. */
export default function sitemap(): MetadataRoute.Sitemap {
  const labs = publicLabsLastModified(getDb());
  const newest = labs.reduce((max, l) => (l.lastModified > max ? l.lastModified : max), new Date(0));
  return LOCALES.flatMap((locale) => [
    {
      url: absoluteUrl(publicPaths.directory(locale)),
      ...(labs.length ? { lastModified: newest } : {}),
      changeFrequency: 'daily' as const,
      priority: 1,
      alternates: { languages: languages(publicPaths.directory) },
    },
    ...labs.map((lab) => ({
      url: absoluteUrl(publicPaths.factSheet(locale, lab.slug)),
      lastModified: lab.lastModified,
      changeFrequency: 'weekly' as const,
      priority: 0.8,
      alternates: { languages: languages((l) => publicPaths.factSheet(l, lab.slug)) },
    })),
  ]);
}
