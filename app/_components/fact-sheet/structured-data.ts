import type { Locale } from '@/common/enums';
import { publicPaths } from '@/server/domain/public-paths';
import type { PublicFactSheet } from '@/server/services/public-fact-sheet';
import { localized, secondaryName } from '@/app/_lib/localized';

/**
 * schema.org ResearchProject for a fact sheet, built from the same allow-listed data as the page.
 * `origin` is where the public reaches the app (server/public-url.ts).
 */
export function researchProjectJsonLd(sheet: PublicFactSheet, locale: Locale, origin: string) {
  const { lab } = sheet;
  const alternateNames = [secondaryName(locale, lab.nameEn, lab.nameZh), lab.acronymEn, lab.acronymZh].filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'ResearchProject',
    name: localized(locale, lab.nameEn, lab.nameZh),
    ...(alternateNames.length ? { alternateName: alternateNames } : {}),
    description: localized(locale, lab.objectiveEn, lab.objectiveZh),
    url: new URL(publicPaths.factSheet(locale, lab.slug), origin).toString(),
    inLanguage: locale,
    ...(lab.startDate ? { foundingDate: lab.startDate } : {}),
    ...(lab.region ? { areaServed: lab.region } : {}),
    keywords: [localized(locale, lab.chainEn, lab.chainZh), ...sheet.technologies.map((t) => localized(locale, t.nameEn, t.nameZh))].join(
      ', ',
    ),
    member: sheet.partners.map((p) => ({
      '@type': 'Organization',
      name: localized(locale, p.nameEn, p.nameZh),
      alternateName: p.shortName,
      ...(p.website ? { url: p.website } : {}),
    })),
  };
}

/** JSON for a <script> element: "<" is escaped so no text in the data can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
