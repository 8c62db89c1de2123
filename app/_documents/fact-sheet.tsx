import { markdownToText } from '@/server/domain/markdown';
import { publicPaths } from '@/server/domain/public-paths';
import { FactSheet } from '../_components/fact-sheet/FactSheet';
import { researchProjectJsonLd } from '../_components/fact-sheet/structured-data';
import { scoped, type I18n } from '../_lib/i18n';
import { localized } from '../_lib/localized';
import { Document } from './Document';
import type { DocumentAssets, FactSheetDocument } from '@/server/documents/types';

/** The meta description: the objective as plain text, cut at a word if it is long. */
function summary(text: string, max = 160): string {
  const plain = markdownToText(text);
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}

/** A public lab's fact sheet, with its ResearchProject structured data. */
export function factSheetDocument(request: FactSheetDocument, i18n: I18n, assets: DocumentAssets) {
  const { locale } = i18n;
  const { sheet } = request;
  const { lab } = sheet;
  const t = scoped(i18n, 'publicLab');
  const name = localized(locale, lab.nameEn, lab.nameZh);
  const objective = localized(locale, lab.objectiveEn, lab.objectiveZh);
  return (
    <Document
      i18n={i18n}
      request={request}
      assets={assets}
      head={{
        title: lab.acronymEn ? `${name} (${lab.acronymEn})` : name,
        description: objective ? summary(objective) : t('metaDescription', { name }),
        path: (l) => publicPaths.factSheet(l, lab.slug),
        feed: { url: publicPaths.labFeed(locale, lab.slug), title: t('feeds.labTitle', { name }) },
        image: { url: publicPaths.labShareImage(locale, lab.slug), alt: t('shareImageAlt', { name }) },
        type: 'article',
        jsonLd: researchProjectJsonLd(sheet, locale, request.origin),
      }}
    >
      <main id="main">
        <FactSheet sheet={sheet} i18n={i18n} />
      </main>
    </Document>
  );
}
