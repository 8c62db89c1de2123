import type { Locale } from '@/common/enums';
import type { PublicFactSheet } from '../services/public-fact-sheet';
import type { DirectoryFacets, SearchPage } from '../services/public-search';

/** The directory search's parameters as a visitor typed them (the form shows them again). */
export type SearchValues = Partial<Record<'q' | 'sector' | 'chain' | 'region' | 'stage' | 'status', string>>;

// What a route handler hands the renderer of the public documents (a worker thread, decision 019):
// plain, structured-clone-able data, read through the allow-lists (server/services/publication.ts)
// before it gets here. The renderer has no other source: it cannot reach the database.

type Common = {
  locale: Locale;
  /** Where the public reaches the app (server/public-url.ts): canonical links and JSON-LD are absolute. */
  origin: string;
  /**
   * The address asked for, after its locale (`/labs/new-display-lab`), and its query string without
   * the question mark: where the language links lead, and what "try again" asks for again.
   */
  path: string;
  query: string;
};

export type DirectoryDocument = Common & {
  kind: 'directory';
  /** The first page of the public labs, A to Z (the search pages on from there). */
  firstPage: Pick<SearchPage, 'labs' | 'total' | 'pageCount'>;
  facets: DirectoryFacets;
};

export type FactSheetDocument = Common & { kind: 'factSheet'; sheet: PublicFactSheet };

export type SearchDocument = Common & {
  kind: 'search';
  /** The parameters as the visitor typed them: what the form shows again. */
  values: SearchValues;
  /** A value that could not be used, by field, in the reader's language; it was left out of the search. */
  errors: Record<string, string>;
  /** Whether words or filters were used (the title says so), after the unusable ones were left out. */
  words: string | null;
  filtered: boolean;
  results: SearchPage;
  facets: DirectoryFacets;
};

/** The answers without content of their own. */
export type NotFoundDocument = Common & { kind: 'notFound' };
export type TooManyRequestsDocument = Common & { kind: 'tooManyRequests'; retryAfterSeconds: number };
export type FailedDocument = Common & { kind: 'failed' };

export type DocumentRequest =
  DirectoryDocument | FactSheetDocument | SearchDocument | NotFoundDocument | TooManyRequestsDocument | FailedDocument;

/** What the renderer needs besides the request: the build's stylesheet (dist/documents/manifest.json). */
export type DocumentAssets = { stylesheet: string };

/** What server/documents/render.ts posts to the renderer's worker thread, and what comes back. */
export type RenderMessage = { id: number; request: DocumentRequest };
export type RenderAnswer = { id: number; html: string } | { id: number; error: { message: string; stack?: string } };
