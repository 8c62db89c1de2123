import Database from 'better-sqlite3';
import { openDatabase } from '@/db/client';
import { searchPublicLabsPage } from '../services/public-search';
import { BENCH_BIG_LAB, BENCH_MEMBER } from './dataset';
import { mutationHeaders, trpcBody, trpcQueryPath } from './http-session';
import type { LoadTarget } from './load';

// What each scenario asks for and what a right answer contains. Checks are cheap substring and
// length tests: the load generator shares the machine with the server, so it must not parse pages.

export const FACT_SHEET_LAB = 'bench-lab-0002';
/**
 * What a visitor would type looking for materials localization. It matches about three public labs
 * in four (26 at scale 0.1, 261 at scale 1), so the first page of results is full at both scales and
 * the growth comparison is about the size of the directory, not about how many cards a page shows
 * ('display' matched 9 labs at scale 0.1 against 137 at scale 1: a page of 9 cards against 20).
 */
export const SEARCH_TERM = 'materials';
export const STATIC_FLOOR_FILE = 'bench-static-floor.html';

export type ScenarioKey = 'timeline' | 'workspace' | 'factSheet' | 'search' | 'writes' | 'timelineFloor' | 'staticFloor' | 'insertFloor';

export type Scenario = {
  key: ScenarioKey;
  label: string;
  kind: 'read' | 'write' | 'floor';
  /** The floor this scenario's requests/s are compared with. */
  floor?: ScenarioKey;
  target: LoadTarget;
};

/** Facts read from the benchmark database, to build requests and to know what a right answer holds. */
export type Expectations = {
  bigLabId: number;
  memberLabSlugs: string[];
  factSheetName: string;
  /** The labs on the first page of the search's results. */
  searchSlugs: string[];
};

export function readExpectations(file: string): Expectations {
  const client = new Database(file, { readonly: true });
  try {
    const bigLabId = (client.prepare(`select id from labs where slug = ?`).get(BENCH_BIG_LAB) as { id: number }).id;
    const memberLabSlugs = (
      client
        .prepare(
          `select l.slug from memberships m join labs l on l.id = m.lab_id join users u on u.id = m.user_id where u.email = ? order by l.id`,
        )
        .all(BENCH_MEMBER) as { slug: string }[]
    ).map((r) => r.slug);
    const factSheetName = (client.prepare(`select name_en from labs where slug = ?`).get(FACT_SHEET_LAB) as { name_en: string }).name_en;
    return { bigLabId, memberLabSlugs, factSheetName, searchSlugs: expectedSearchSlugs(file) };
  } finally {
    client.close();
  }
}

function expectedSearchSlugs(file: string): string[] {
  const db = openDatabase(file);
  try {
    return searchPublicLabsPage(db, { q: SEARCH_TERM }, 1).labs.map((lab) => lab.slug);
  } finally {
    db.$client.close();
  }
}

/** At least this long (a truncated or error page is shorter) and containing every marker. */
function contains(minLength: number, ...markers: string[]) {
  return (body: string) => body.length >= minLength && markers.every((m) => body.includes(m));
}

export function appScenarios(base: string, cookie: string, expect: Expectations, minLengths: Partial<Record<ScenarioKey, number>>) {
  const scenarios: Scenario[] = [
    {
      key: 'timeline',
      label: 'timeline, 320 milestones (tRPC)',
      kind: 'read',
      floor: 'timelineFloor',
      target: {
        url: base + trpcQueryPath('milestone.timeline', { labId: expect.bigLabId }),
        headers: { cookie },
        check: contains(minLengths.timeline ?? 1000, '{"result":{"data":{"json":', BENCH_BIG_LAB, 'criticalCount'),
      },
    },
    {
      key: 'workspace',
      label: 'workspace of a member of 5 labs',
      kind: 'read',
      target: {
        url: `${base}/en/workspace`,
        headers: { cookie },
        check: contains(minLengths.workspace ?? 1000, '</html>', ...expect.memberLabSlugs.map((s) => `/en/workspace/labs/${s}"`)),
      },
    },
    {
      key: 'factSheet',
      label: 'public fact sheet',
      kind: 'read',
      floor: 'staticFloor',
      target: { url: `${base}/en/labs/${FACT_SHEET_LAB}`, check: contains(minLengths.factSheet ?? 1000, '</html>', expect.factSheetName) },
    },
    {
      key: 'search',
      label: `directory search "${SEARCH_TERM}"`,
      kind: 'read',
      target: {
        url: `${base}/en/search?q=${encodeURIComponent(SEARCH_TERM)}`,
        check: contains(
          minLengths.search ?? 1000,
          '</html>',
          ...[expect.searchSlugs[0], expect.searchSlugs.at(-1)].filter((s): s is string => !!s).map((s) => `/en/labs/${s}"`),
        ),
      },
    },
    {
      key: 'writes',
      label: 'post a progress update (tRPC)',
      kind: 'write',
      floor: 'insertFloor',
      target: {
        url: `${base}/api/trpc/update.post`,
        method: 'POST',
        headers: mutationHeaders(base, cookie),
        bodyFor: (n) => trpcBody({ labId: expect.bigLabId, body: `Benchmark update ${n}: line trial on schedule.`, health: 'on_track' }),
        check: contains(0, '{"result":{"data":{"json":', 'version'),
      },
    },
    {
      key: 'staticFloor',
      label: 'floor: Next.js static file (public/)',
      kind: 'floor',
      target: { url: `${base}/${STATIC_FLOOR_FILE}`, check: contains(minLengths.staticFloor ?? 1000, '</html>') },
    },
  ];
  return scenarios;
}

export function floorScenarios(floorBase: string, minLengths: Partial<Record<ScenarioKey, number>>): Scenario[] {
  return [
    {
      key: 'timelineFloor',
      label: 'floor: node:http + same timeline SQL',
      kind: 'floor',
      target: {
        url: `${floorBase}/timeline`,
        check: contains(minLengths.timelineFloor ?? 1000, '{"result":{"data":{"json":', 'criticalCount'),
      },
    },
    {
      key: 'insertFloor',
      label: 'floor: node:http + update and audit insert',
      kind: 'floor',
      target: {
        url: `${floorBase}/update`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        bodyFor: (n) => JSON.stringify({ json: { body: `Floor update ${n}: line trial on schedule.`, health: 'on_track' } }),
        check: contains(0, '{"result":{"data":{"json":', 'version'),
      },
    },
  ];
}
