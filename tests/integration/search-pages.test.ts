import { describe, expect, it } from 'vitest';
import { generateBenchDataset } from '@/server/bench/dataset';
import { directoryFacets, regionParts, searchPublicLabs, searchPublicLabsPage } from '@/server/services/public-search';
import { selectPublicLabs } from '@/server/services/publication';
import { freshDb } from '../helpers/db';
import { expectAll } from '../helpers/expect-all';

// The search page of a national directory shows one page of results at a time, and counts its
// filters in SQL (issue 9). Both must say exactly what the full, lab-by-lab answer says.

async function benchDb() {
  const db = await freshDb({ seed: false });
  generateBenchDataset(db.$client, { scale: 0.2, passwordHash: 'x' });
  return db;
}

/** The filters counted lab by lab, in name order: the definition the SQL counting must match. */
function facetsLabByLab(rows: ReturnType<typeof selectPublicLabs>) {
  const tally = (pick: (lab: (typeof rows)[number]) => { value: string; labelZh: string | null }[]) => {
    const options = new Map<string, { value: string; labelEn: string; labelZh: string | null; count: number }>();
    for (const lab of rows)
      for (const o of pick(lab)) {
        const existing = options.get(o.value.toLowerCase());
        if (existing) existing.count += 1;
        else options.set(o.value.toLowerCase(), { value: o.value, labelEn: o.value, labelZh: o.labelZh, count: 1 });
      }
    return [...options.values()].sort((a, b) => a.labelEn.localeCompare(b.labelEn));
  };
  return {
    sector: tally((l) => [{ value: l.sector, labelZh: null }]),
    chain: tally((l) => [{ value: l.chainEn, labelZh: l.chainZh }]),
    region: tally((l) => regionParts(l.region).map((r) => ({ value: r, labelZh: null }))),
    stage: tally((l) => [{ value: l.stage, labelZh: null }]),
    status: tally((l) => [{ value: l.status, labelZh: null }]),
  };
}

describe('directory filters counted in SQL', () => {
  it('match the lab-by-lab count on the demo data and on a hundred generated labs', async () => {
    for (const db of [await freshDb(), await benchDb()]) {
      expect(directoryFacets(db)).toEqual(facetsLabByLab(selectPublicLabs(db)));
    }
  });
});

describe('a page of search results', () => {
  it('splits the full result list into pages, in the same order, with the right counts', async () => {
    const db = await benchDb();
    const search = { q: 'photoresist' };
    const all = searchPublicLabs(db, search);
    expect(all.length).toBeGreaterThan(7);
    const pages = [1, 2, 3, 4].map((page) => searchPublicLabsPage(db, search, page, 3));
    expect(pages[0]).toMatchObject({ total: all.length, page: 1, pageCount: Math.ceil(all.length / 3), first: 1, last: 3 });
    expect(pages.flatMap((p) => p.labs).map((l) => l.slug)).toEqual(all.slice(0, 12).map((l) => l.slug));
    expect(pages[1]!.labs).toEqual(all.slice(3, 6));
  });

  it('shows the last page for a page past the end, page 1 for nonsense, and an empty first page when nothing matches', async () => {
    const db = await benchDb();
    const search = { q: 'photoresist', stage: 'pilot' as const };
    const all = searchPublicLabs(db, search);
    const last = Math.ceil(all.length / 2);
    expect(searchPublicLabsPage(db, search, 999, 2)).toMatchObject({ page: last, last: all.length });
    expect(searchPublicLabsPage(db, search, NaN, 2)).toMatchObject({ page: 1, first: 1 });
    expect(searchPublicLabsPage(db, search, -3, 2).page).toBe(1);
    expect(searchPublicLabsPage(db, { q: 'zzzqqqxxx' }, 1)).toEqual({ labs: [], total: 0, page: 1, pageCount: 1, first: 0, last: 0 });
  });

  it('applies the region filter before paging', async () => {
    const db = await benchDb();
    const region = directoryFacets(db).region[0]!.value;
    const all = searchPublicLabs(db, { region });
    const page = searchPublicLabsPage(db, { region }, 1, 2);
    expect(page.total).toBe(all.length);
    expectAll(page.labs, (l) => regionParts(l.region).includes(region));
  });
});
