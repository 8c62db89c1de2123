import type { DbOrTx } from '@/db/client';
import { env, pageCacheFile } from '../env';
import type { PageCacheStore, SharedState } from './index';
import { openRedisSharedState, type RedisSharedState } from './redis';
import { sqliteSharedState } from './sqlite';
import { openPageCache } from './sqlite-page-cache';

// The process's handles on the shared state, opened on first use: Redis when SHARED_STATE_URL
// names one (several machines), else the SQLite files of this machine. The handles are per
// process; what they hold is shared.

let store: PageCacheStore | undefined;
let redis: RedisSharedState | undefined;

function redisState(): RedisSharedState | undefined {
  const url = env().SHARED_STATE_URL;
  if (url) redis ??= openRedisSharedState(url);
  return redis;
}

export function pageCache(): PageCacheStore {
  store ??= redisState() ?? openPageCache(pageCacheFile());
  return store;
}

/** Request budgets: in Redis with the page cache, or in the app's database. */
export function sharedState(db: DbOrTx): SharedState {
  return redisState() ?? sqliteSharedState(db);
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
