import { pageCacheFile } from '../env';
import type { PageCacheStore } from './index';
import { openPageCache } from './sqlite-page-cache';

// The process's handle on the shared page cache, opened on first use. The handle is per process;
// what it holds is in the shared store.

let store: PageCacheStore | undefined;

export function pageCache(): PageCacheStore {
  store ??= openPageCache(pageCacheFile());
  return store;
}

/** For tests: use this store instead of the configured one. */
export function usePageCache(replacement: PageCacheStore): void {
  store = replacement;
}

/**
 * The tag Next.js gives every cached answer of a path (its documented "soft tag", `_N_T_` and the
 * path): expiring it makes that path render afresh on its next request, in every process.
 */
export function pathTag(path: string): string {
  return `_N_T_${path.length > 1 ? path.replace(/\/+$/, '') : path}`;
}
