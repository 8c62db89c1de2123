import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { labs } from '../../db/schema';
import { LAB_STATUSES, SECTORS, STAGES } from '../domain/enums';
import { ftsMatchExpression, likePattern, MAX_QUERY_LENGTH, searchTerms } from '../domain/search-query';
import { isPublicLab, listPublicLabs, selectPublicLabs, type PublicLabCard } from './publication';

/** Empty form fields arrive as ''; they mean "no filter". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
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

/** The public labs that match a search, most relevant first (by name when there is no text query). */
export function searchPublicLabs(db: DbOrTx, search: DirectorySearch): PublicLabCard[] {
  let where = filterConditions(search);
  let order: Map<string, number> | undefined;
  if (search.q) {
    const matches = matchingLabs(db, search.q);
    if (matches.length === 0) return [];
    const ids = matches.map((m) => m.labId);
    where = where ? and(where, inArray(labs.id, ids)) : inArray(labs.id, ids);
    order = new Map(matches.map((m, i) => [m.slug, i]));
  }
  let results = listPublicLabs(db, where);
  if (search.region) {
    const wanted = search.region.toLowerCase();
    results = results.filter((lab) => regionParts(lab.region).some((r) => r.toLowerCase() === wanted));
  }
  if (order) results.sort((a, b) => (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0));
  return results;
}

export type FilterOption = { value: string; labelEn: string; labelZh: string | null; count: number };

/** The values each filter can take among the public labs, with how many labs have each. */
export function directoryFacets(db: DbOrTx) {
  const rows = selectPublicLabs(db);
  const tally = <K extends string>(pick: (lab: (typeof rows)[number]) => { value: K; labelEn: string; labelZh: string | null }[]) => {
    const options = new Map<string, FilterOption>();
    for (const lab of rows) {
      for (const option of pick(lab)) {
        const key = option.value.toLowerCase();
        const existing = options.get(key);
        if (existing) existing.count += 1;
        else options.set(key, { ...option, count: 1 });
      }
    }
    return [...options.values()].sort((a, b) => a.labelEn.localeCompare(b.labelEn));
  };
  return {
    sector: tally((l) => [{ value: l.sector, labelEn: l.sector, labelZh: null }]),
    chain: tally((l) => [{ value: l.chainEn, labelEn: l.chainEn, labelZh: l.chainZh }]),
    region: tally((l) => regionParts(l.region).map((r) => ({ value: r, labelEn: r, labelZh: null }))),
    stage: tally((l) => [{ value: l.stage, labelEn: l.stage, labelZh: null }]),
    status: tally((l) => [{ value: l.status, labelEn: l.status, labelZh: null }]),
  };
}

export type DirectoryFacets = ReturnType<typeof directoryFacets>;
