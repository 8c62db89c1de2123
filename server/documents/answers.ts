import { TRPCError } from '@trpc/server';
import type { DocumentRequest } from './types';
import type { SearchValues } from './types';
import type { DbOrTx } from '@/db/client';
import { issueMessage } from '../api/issues';
import type { SessionUser } from '../auth';
import type { Locale } from '@/common/enums';
import { DEFAULT_LOCALE, isLocale } from '../i18n';
import { publicOrigin } from '../public-url';
import { getPublicFactSheet } from '../services/public-fact-sheet';
import {
  DIRECTORY_FILTERS,
  directoryFacets,
  directorySearchSchema,
  searchPublicLabsPage,
  type DirectorySearch,
} from '../services/public-search';
import { spendAnonymousBudget } from '../services/request-budget';

// What each public document answers, read through the services' allow-lists: the data its renderer
// gets (app/_documents/types.ts) and the status it is sent with. The route handlers under
// app/[locale]/(public) render and send it (respond.ts).

export type DocumentAnswer =
  { request: DocumentRequest; status: number; headers?: Record<string, string> } | { redirect: string; status: 308 };

/** The one answer for an address that shows nothing: the same for a private lab, a missing one and an unknown language. */
function notFound(locale: string, path: string, query = ''): DocumentAnswer {
  const known = isLocale(locale);
  return {
    request: { kind: 'notFound', locale: known ? locale : DEFAULT_LOCALE, origin: publicOrigin(), path, query },
    status: 404,
  };
}

/** The directory: the first page of the public labs, A to Z, and the filters the public labs offer. */
export function directoryAnswer(db: DbOrTx, locale: string): DocumentAnswer {
  if (!isLocale(locale)) return notFound(locale, '/labs');
  const { labs, total, pageCount } = searchPublicLabsPage(db, {}, 1);
  return {
    request: {
      kind: 'directory',
      locale,
      origin: publicOrigin(),
      path: '/labs',
      query: '',
      firstPage: { labs, total, pageCount },
      facets: directoryFacets(db),
    },
    status: 200,
  };
}

/** A public lab's fact sheet; a slug in other letter case goes to the lab's own (one URL per lab and language). */
export function factSheetAnswer(db: DbOrTx, locale: string, slug: string): DocumentAnswer {
  const path = `/labs/${slug}`;
  if (!isLocale(locale)) return notFound(locale, path);
  try {
    const sheet = getPublicFactSheet(db, slug);
    if (sheet.lab.slug !== slug) return { redirect: `/${locale}/labs/${sheet.lab.slug}`, status: 308 };
    return { request: { kind: 'factSheet', locale, origin: publicOrigin(), path, query: '', sheet }, status: 200 };
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return notFound(locale, path);
    throw error;
  }
}

const FIELDS = ['q', ...DIRECTORY_FILTERS] as const;
// Every search is answered afresh (and counted against the budget): no cache keeps one.
const SEARCH_HEADERS = { 'cache-control': 'no-store' };

/**
 * Checks the parameters with the same schema as the API. A value that cannot be used (an unknown
 * sector, a query too long) is reported next to its field and left out; the rest of the search still runs.
 */
function readSearch(locale: Locale, raw: SearchValues): { search: DirectorySearch; errors: Record<string, string> } {
  const parsed = directorySearchSchema.safeParse(raw);
  if (parsed.success) return { search: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'q');
    errors[field] ??= issueMessage(locale, issue);
  }
  const usable = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in errors)));
  return { search: directorySearchSchema.parse(usable), errors };
}

/**
 * One page of a search, for `params` as the visitor sent them (a repeated parameter keeps its first
 * value). A signed-out address spends its anonymous budget on it, as on the search API; past the
 * budget the answer is 429 with Retry-After.
 */
export async function searchAnswer(
  db: DbOrTx,
  { locale, params, user, address }: { locale: string; params: URLSearchParams; user: SessionUser | null; address: string | null },
): Promise<DocumentAnswer> {
  const query = params.toString();
  if (!isLocale(locale)) return notFound(locale, '/search', query);
  const origin = publicOrigin();
  const budget = await spendAnonymousBudget(db, user, address);
  if (budget && !budget.allowed) {
    const { retryAfterSeconds } = budget;
    return {
      request: { kind: 'tooManyRequests', locale, origin, path: '/search', query, retryAfterSeconds },
      status: 429,
      headers: { 'retry-after': String(retryAfterSeconds), ...SEARCH_HEADERS },
    };
  }
  const values: SearchValues = Object.fromEntries(FIELDS.flatMap((f) => (params.has(f) ? [[f, params.get(f)!]] : [])));
  const { search, errors } = readSearch(locale, values);
  // A page number that is not one (edited by hand) shows the first page; one past the end, the last.
  const results = searchPublicLabsPage(db, search, Number(params.get('page') ?? 1));
  return {
    request: {
      kind: 'search',
      locale,
      origin,
      path: '/search',
      query,
      values,
      errors,
      words: search.q ?? null,
      filtered: DIRECTORY_FILTERS.some((f) => search[f]),
      results,
      facets: directoryFacets(db),
    },
    status: 200,
    headers: SEARCH_HEADERS,
  };
}
