import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { labs } from '@/db/schema';
import { LAB_STATUSES, SECTORS, STAGES } from '@/common/enums';
import { searchText } from '../domain/fields';
import { ftsMatchExpression, likePattern, MAX_QUERY_LENGTH, searchTerms } from '../domain/search-query';
import { isPublicLab, selectPublicLabs, withPublicPartners, type PublicLabCard, type PublicLabRow } from './publication';

/** Empty form fields arrive as ''; they mean "no filter". */
const optionalText = (max: number) =>
  searchText(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());

/** What a directory search may ask for; the same schema checks the URL of the search page and the API input. */
export const directorySearchSchema = z.object({
  q: optionalText(MAX_QUERY_LENGTH),
  sector: optionalChoice(SECTORS),
  chain: optionalText(120),
  region: optionalText(120),
  stage: optionalChoice(STAGES),
  status: optionalChoice(LAB_STATUSES),
});

export type DirectorySearch = Partial<z.infer<typeof directorySearchSchema>>;
export const DIRECTORY_FILTERS = ['sector', 'chain', 'region', 'stage', 'status'] as const;

/** A lab's region may name several places ("Hebei · Liaoning"); each one is a filter value. */
export function regionParts(region: string | null): string[] {
  if (!region) return [];
  return region
    .split(/\s*[·,;，、；/]\s*/u)
    .map((r) => r.trim())
    .filter(Boolean);
}

type Match = { labId: number; slug: string; rank: number };

/**
 * Public lab ids matching every term, best first. Terms of three or more characters go through
 * the FTS5 trigram index; shorter ones are a LIKE over the same indexed (allow-listed) text.
 */
function matchingLabs(db: DbOrTx, query: string): Match[] {
  const { indexed, short } = searchTerms(query);
  if (indexed.length === 0 && short.length === 0) return [];
  const conditions: SQL[] = [isPublicLab];
  if (indexed.length > 0) conditions.push(sql`lab_search match ${ftsMatchExpression(indexed)}`);
  for (const term of short) {
    const p = likePattern(term);
    conditions.push(
      sql`(lab_search.names like ${p} escape '\\' or lab_search.objective like ${p} escape '\\' or lab_search.chain like ${p} escape '\\'
        or lab_search.technologies like ${p} escape '\\' or lab_search.partners like ${p} escape '\\')`,
    );
  }
  // bm25 weights: a hit in the name counts most, then chain and technologies, then partners and objective.
  const rank = indexed.length > 0 ? sql`bm25(lab_search, 10.0, 2.0, 5.0, 4.0, 3.0)` : sql`0`;
  return db.all<Match>(
    sql`select lab_search.rowid as labId, labs.slug as slug, ${rank} as rank from lab_search join labs on labs.id = lab_search.rowid
        where ${sql.join(conditions, sql` and `)} order by rank, labs.name_en`,
  );
}

function filterConditions(search: DirectorySearch): SQL | undefined {
  const conditions: SQL[] = [];
  if (search.sector) conditions.push(eq(labs.sector, search.sector));
  if (search.stage) conditions.push(eq(labs.stage, search.stage));
  if (search.status) conditions.push(eq(labs.status, search.status));
  if (search.chain) conditions.push(sql`lower(${labs.chainEn}) = ${search.chain.toLowerCase()}`);
  return conditions.length ? and(...conditions) : undefined;
}

/** The public labs (without partners) that match a search, most relevant first (by name when there is no text query). */
function matchingPublicLabs(db: DbOrTx, search: DirectorySearch): PublicLabRow[] {
  let where = filterConditions(search);
  let order: Map<number, number> | undefined;
  if (search.q) {
    const matches = matchingLabs(db, search.q);
    if (matches.length === 0) return [];
    const ids = matches.map((m) => m.labId);
    where = where ? and(where, inArray(labs.id, ids)) : inArray(labs.id, ids);
    order = new Map(matches.map((m, i) => [m.labId, i]));
  }
  let results = selectPublicLabs(db, where);
  if (search.region) {
    const wanted = search.region.toLowerCase();
    results = results.filter((lab) => regionParts(lab.region).some((r) => r.toLowerCase() === wanted));
  }
  if (order) results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return results;
}

export function searchPublicLabs(db: DbOrTx, search: DirectorySearch): PublicLabCard[] {
  return withPublicPartners(db, matchingPublicLabs(db, search));
}

/** How many results a page of the search shows. */
export const SEARCH_PAGE_SIZE = 20;

export type SearchPage = { labs: PublicLabCard[]; total: number; page: number; pageCount: number; first: number; last: number };

/**
 * One page of a search's results, with how many there are in all. A national directory can match
 * hundreds of labs; a page renders (and loads partners for) only its own. A page past the end shows
 * the last one.
 */
export function searchPublicLabsPage(db: DbOrTx, search: DirectorySearch, page: number, pageSize = SEARCH_PAGE_SIZE): SearchPage {
  const all = matchingPublicLabs(db, search);
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = all.slice((current - 1) * pageSize, current * pageSize);
  const first = rows.length ? (current - 1) * pageSize + 1 : 0;
  return {
    labs: withPublicPartners(db, rows),
    total: all.length,
    page: current,
    pageCount,
    first,
    last: first ? first + rows.length - 1 : 0,
  };
}

export type FilterOption = { value: string; labelEn: string; labelZh: string | null; count: number };

type Group = { value: string | null; labelZh: string | null; count: number };

/**
 * The public labs grouped by one column, counted by SQLite (a national directory has hundreds of
 * labs, and the search page shows the filters on every request). Groups come in the order of their
 * first lab by name, so the label a filter value shows is the same as when counted lab by lab.
 */
function groupsOf(db: DbOrTx, value: SQLiteColumn, labelZh?: SQLiteColumn): Group[] {
  return db
    .select({ value, labelZh: labelZh ?? sql<null>`null`, count: sql<number>`count(*)` })
    .from(labs)
    .where(isPublicLab)
    .groupBy(value, ...(labelZh ? [labelZh] : []))
    .orderBy(sql`min(${labs.nameEn})`)
    .all() as Group[];
}

/** The values each filter can take among the public labs, with how many labs have each. */
export function directoryFacets(db: DbOrTx) {
  const tally = (groups: Group[], split: (value: string) => string[] = (v) => [v]) => {
    const options = new Map<string, FilterOption>();
    for (const group of groups) {
      for (const value of group.value === null ? [] : split(group.value)) {
        const key = value.toLowerCase();
        const existing = options.get(key);
        if (existing) existing.count += group.count;
        else options.set(key, { value, labelEn: value, labelZh: group.labelZh, count: group.count });
      }
    }
    return [...options.values()].sort((a, b) => a.labelEn.localeCompare(b.labelEn));
  };
  return {
    sector: tally(groupsOf(db, labs.sector)),
    chain: tally(groupsOf(db, labs.chainEn, labs.chainZh)),
    region: tally(groupsOf(db, labs.region), (region) => regionParts(region)),
    stage: tally(groupsOf(db, labs.stage)),
    status: tally(groupsOf(db, labs.status)),
  };
}

export type DirectoryFacets = ReturnType<typeof directoryFacets>;
