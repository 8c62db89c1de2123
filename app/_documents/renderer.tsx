import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { directoryDocument } from './directory';
import { factSheetDocument } from './fact-sheet';
import { documentI18n } from './i18n';
import { failedDocument, notFoundDocument, tooManyRequestsDocument } from './refusals';
import { searchDocument } from './search';
import type { DocumentAssets, DocumentRequest } from '@/server/documents/types';

// The public documents as complete HTML, by react-dom/server. This runs in a worker thread of its
// own (worker.ts, compiled by server/build/documents.mjs), outside Next.js's bundles: React refuses
// react-dom/server under the react-server condition that route handlers are built with (decision 019).

function element(request: DocumentRequest, assets: DocumentAssets): ReactElement {
  // A fact sheet's dates of posting are the lab's days; the other documents show no time of day.
  const i18n = documentI18n(request.locale, request.kind === 'factSheet' ? request.sheet.lab.timeZone : undefined);
  switch (request.kind) {
    case 'directory':
      return directoryDocument(request, i18n, assets);
    case 'factSheet':
      return factSheetDocument(request, i18n, assets);
    case 'search':
      return searchDocument(request, i18n, assets);
    case 'notFound':
      return notFoundDocument(request, i18n, assets);
    case 'tooManyRequests':
      return tooManyRequestsDocument(request, i18n, assets);
    case 'failed':
      return failedDocument(request, i18n, assets);
  }
}

/** The whole document, doctype first. Static markup: nothing hydrates it, so React writes no markers for that. */
export function renderDocument(request: DocumentRequest, assets: DocumentAssets): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(element(request, assets))}`;
}
