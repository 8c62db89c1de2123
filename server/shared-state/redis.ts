import Redis from 'ioredis';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, SIGN_IN_WINDOW_MS } from '../services/sign-in-guard';
import type { BudgetAnswer, PageCacheEntry, PageCacheStore, SharedState, SignInBlock } from './index';

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
  // The throttle keeps, per account and per address, its failures as a sorted set by time and the
  // time of its latest success, which starts it afresh (as the rows of the SQLite throttle do).
  const throttleKeys = (email: string, ip: string | null) =>
    [
      { failures: `${prefix}throttle:account:${email}`, success: `${prefix}throttle-ok:account:${email}`, limit: ACCOUNT_FAILURE_LIMIT },
      ...(ip ? [{ failures: `${prefix}throttle:address:${ip}`, success: `${prefix}throttle-ok:address:${ip}`, limit: ADDRESS_FAILURE_LIMIT }] : []),
    ] as const;

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

    async signInBlock(email, ip, now = new Date()): Promise<SignInBlock> {
      const since = now.getTime() - SIGN_IN_WINDOW_MS;
      let retryAt: number | null = null;
      for (const key of throttleKeys(email, ip)) {
        const lastSuccess = Number((await redis.get(key.success)) ?? 0);
        const from = Math.max(since, lastSuccess);
        // The `limit` latest failures after `from`; once the oldest of them is out of the window, one more try is allowed.
        const latest = await redis.zrevrangebyscore(key.failures, '+inf', `(${from}`, 'WITHSCORES', 'LIMIT', 0, key.limit);
        if (latest.length / 2 < key.limit) continue;
        const at = Number(latest[latest.length - 1]) + SIGN_IN_WINDOW_MS;
        retryAt = retryAt === null ? at : Math.max(retryAt, at);
      }
      return retryAt === null ? { blocked: false } : { blocked: true, retryAt: new Date(retryAt) };
    },

    async recordSignInAttempt(email, ip, succeeded, now = new Date()) {
      const at = now.getTime();
      const batch = redis.multi();
      for (const key of throttleKeys(email, ip)) {
        if (succeeded) batch.set(key.success, String(at), 'PX', SIGN_IN_WINDOW_MS);
        else
          batch
            .zadd(key.failures, at, `${at}:${Math.random().toString(36).slice(2)}`)
            .zremrangebyscore(key.failures, '-inf', at - SIGN_IN_WINDOW_MS)
            .pexpire(key.failures, SIGN_IN_WINDOW_MS);
      }
      await batch.exec();
    },

    async revokeSession(sessionId, until, now = new Date()) {
      const remaining = until.getTime() - now.getTime();
      if (remaining > 0) await redis.set(`${prefix}revoked:${sessionId}`, '1', 'PX', remaining);
    },

    async isSessionRevoked(sessionId) {
      return (await redis.exists(`${prefix}revoked:${sessionId}`)) === 1;
    },

    async close() {
      await redis.quit();
    },
  };
}
