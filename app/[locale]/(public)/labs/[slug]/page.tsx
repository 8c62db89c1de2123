import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { permanentRedirect } from 'next/navigation';
import type { Locale } from '../../../../../server/domain/enums';
import { markdownToText } from '../../../../../server/domain/markdown';
import { publicPaths } from '../../../../../server/public-url';
import { FactSheet } from '../../../../_components/fact-sheet/FactSheet';
import { jsonForScript, researchProjectJsonLd } from '../../../../_components/fact-sheet/structured-data';
import { localized } from '../../../../_lib/localized';
import { publicPageMetadata } from '../../../../_lib/public-metadata';
import { loadFactSheet } from './load';

type Params = { params: Promise<{ locale: string; slug: string }> };

// Cached (ISR) and rebuilt on demand by publicLabChanged(); the timer is only a safety net.
export const revalidate = 300;
// Nothing is rendered at build time (there is no database then); each fact sheet is cached on its first visit.
export function generateStaticParams() {
  return [];
}

function summary(text: string, max = 160): string {
  const plain = markdownToText(text);
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const { lab } = loadFactSheet(slug);
  const t = await getTranslations({ locale, namespace: 'publicLab' });
  const tm = await getTranslations({ locale, namespace: 'meta' });
  const name = localized(locale, lab.nameEn, lab.nameZh);
  const objective = localized(locale, lab.objectiveEn, lab.objectiveZh);
  return publicPageMetadata({
    locale,
    path: (l) => publicPaths.factSheet(l, lab.slug),
    title: lab.acronymEn ? `${name} (${lab.acronymEn})` : name,
    description: objective ? summary(objective) : t('metaDescription', { name }),
    siteName: tm('title'),
    feed: { url: publicPaths.labFeed(locale, lab.slug), title: t('feeds.labTitle', { name }) },
    image: { url: publicPaths.labShareImage(locale, lab.slug), alt: t('shareImageAlt', { name }) },
    type: 'article',
  });
}

export default async function FactSheetPage({ params }: Params) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  setRequestLocale(locale);
  const sheet = loadFactSheet(slug);
  // One URL per lab and language: /en/labs/New-Display-Lab goes to the lowercase slug.
  if (sheet.lab.slug !== slug) permanentRedirect(publicPaths.factSheet(locale, sheet.lab.slug));
  return (
    <main id="main">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(researchProjectJsonLd(sheet, locale)) }} />
      <FactSheet sheet={sheet} locale={locale} />
    </main>
  );
}
