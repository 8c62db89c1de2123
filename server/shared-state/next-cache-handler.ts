import { deserialize, serialize } from 'node:v8';
import type { PageCacheStore } from './index';
import { pageCache } from './store';

// Next.js's cache of rendered pages and route answers (next.config.mjs `cacheHandler`, with its own
// in-memory cache turned off), kept in the shared page cache so that every server process serves
// the same answers and a change refreshes them for all (issue 16). Compiled by the build into
// dist/cache-handler.cjs, since Next.js loads it by path at run time.

/**
 * A render that began before a change may finish after it: its answer is stored as this much older
 * than it is, so an expiry in that window still makes it a miss (the next request renders again).
 */
export const RENDER_MARGIN_MS = 2_000;

const TAGS_HEADER = 'x-next-cache-tags';

type Kind = 'APP_PAGE' | 'APP_ROUTE' | 'PAGES' | 'FETCH' | 'IMAGE' | 'REDIRECT';
type GetContext = { kind?: Kind; tags?: string[]; softTags?: string[] };
type SetContext = { tags?: string[]; cacheControl?: unknown };
type Value = { kind?: string; headers?: Record<string, string | string[] | undefined>; tags?: string[] } | null;

function log(action: string, error: unknown) {
  console.error(`Page cache ${action} failed:`, error instanceof Error ? error.message : error);
}

/** The tags an answer carries: those Next.js puts in its header (the path's soft tags among them) and those given. */
function tagsOf(value: Value, ctx: SetContext | undefined): string[] {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').filter(Boolean);
  return [...new Set([...fromHeader, ...(value?.tags ?? []), ...(ctx?.tags ?? [])])];
}

export default class SharedPageCacheHandler {
  /** Next.js passes its context first; tests pass the store a process would use. */
  constructor(
    _context?: unknown,
    private readonly store: () => PageCacheStore = pageCache,
  ) {}

  async get(key: string, ctx?: GetContext) {
    try {
      const extra = ctx?.kind === 'FETCH' ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
      const entry = await this.store().get(key, extra);
      if (!entry) return null;
      return {
        lastModified: entry.lastModified,
        value: deserialize(entry.value) as Value,
        cacheControl: entry.cacheControl ? (JSON.parse(entry.cacheControl) as unknown) : undefined,
      };
    } catch (error) {
      // A cache that cannot be read is a miss: the page is rendered, not refused.
      log('read', error);
      return null;
    }
  }

  async set(key: string, data: Value, ctx?: SetContext) {
    try {
      if (data === null) return await this.store().delete(key);
      await this.store().set(key, {
        value: serialize(data),
        lastModified: Date.now() - RENDER_MARGIN_MS,
        tags: tagsOf(data, ctx),
        cacheControl: ctx?.cacheControl === undefined ? null : JSON.stringify(ctx.cacheControl),
      });
    } catch (error) {
      log('write', error);
    }
  }

  async revalidateTag(tags: string | string[], durations?: { expire?: number }) {
    const now = Date.now();
    await this.store().expireTags(typeof tags === 'string' ? [tags] : tags, durations?.expire ? now + durations.expire * 1000 : now);
  }

  resetRequestCache() {}
}
