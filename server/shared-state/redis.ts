import Redis from 'ioredis';
import type { BudgetAnswer, PageCacheEntry, PageCacheStore, SharedState } from './index';

// The shared state on Redis, for several machines behind a load balancer (decision 020): the same
// interfaces as the SQLite files of one machine, so nothing above them changes. Each operation is
// one round trip (a Lua script where it must read and write at once).

/** Entries nobody refreshed for this long are dropped by Redis itself (the cache stays bounded). */
const ENTRY_TTL_MS = 7 * 24 * 60 * 60_000;

const CONSUME = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return hits`;

// The entry and the latest expiry among its tags and the extra tags, in one step.
const READ_ENTRY = `
local e = redis.call('HMGET', KEYS[1], 'value', 'lastModified', 'tags', 'cacheControl')
if not e[1] then return nil end
local latest = 0
local function consider(list)
  for _, tag in ipairs(list) do
    local at = tonumber(redis.call('HGET', KEYS[2], tag) or '0')
    if at > latest then latest = at end
  end
end
consider(cjson.decode(e[3]))
consider(cjson.decode(ARGV[1]))
return { e[1], e[2], e[3], e[4] or '', tostring(latest) }`;

type Commands = {
  consumeBudget(key: string, windowMs: number): Promise<number>;
  readEntryBuffer(entry: string, tags: string, extraTags: string): Promise<Buffer[] | null>;
};

export type RedisSharedState = SharedState & PageCacheStore & { close(): Promise<void> };

export function openRedisSharedState(url: string, prefix = 'consortium-tracker:'): RedisSharedState {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true }) as Redis & Commands;
  redis.defineCommand('consumeBudget', { numberOfKeys: 1, lua: CONSUME });
  redis.defineCommand('readEntry', { numberOfKeys: 2, lua: READ_ENTRY });
  redis.on('error', (error: Error) => console.error(`Shared state (Redis) error: ${error.message}`));
  const entryKey = (key: string) => `${prefix}page:${key}`;
  const tagsKey = `${prefix}tags`;

  return {
    async consume(key, limit, windowMs, now = Date.now()): Promise<BudgetAnswer> {
      const windowStart = now - (now % windowMs);
      const hits = await redis.consumeBudget(`${prefix}budget:${key}:${windowStart}`, windowMs * 2);
      if (hits <= limit) return { allowed: true, remaining: limit - hits };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
    },

    async get(key, extraTags = [], now = Date.now()): Promise<PageCacheEntry | null> {
      const row = await redis.readEntryBuffer(entryKey(key), tagsKey, JSON.stringify(extraTags));
      if (!row) return null;
      const [value, lastModified, tags, cacheControl, expired] = row as [Buffer, Buffer, Buffer, Buffer, Buffer];
      const made = Number(lastModified.toString());
      const latest = Number(expired.toString());
      if (latest > made && latest <= now) return null;
      return { value, lastModified: made, tags: JSON.parse(tags.toString()) as string[], cacheControl: cacheControl.length ? cacheControl.toString() : null };
    },

    async set(key, entry) {
      await redis
        .multi()
        .hset(entryKey(key), {
          value: entry.value,
          lastModified: String(entry.lastModified),
          tags: JSON.stringify(entry.tags),
          cacheControl: entry.cacheControl ?? '',
        })
        .pexpire(entryKey(key), ENTRY_TTL_MS)
        .exec();
    },

    async delete(key) {
      await redis.del(entryKey(key));
    },

    async expireTags(tags, at = Date.now()) {
      if (tags.length) await redis.hset(tagsKey, Object.fromEntries(tags.map((tag) => [tag, String(at)])));
    },

    async close() {
      await redis.quit();
    },
  };
}
