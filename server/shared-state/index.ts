// State that every server process must agree on, behind small interfaces so that a deployment on
// several machines can put it in a shared store instead of the local SQLite files (decision 020):
// request budgets, the sign-in throttle, signed-out sessions, and the cache of public pages with
// the tags that refresh them. Methods are asynchronous so such a store fits the same interfaces.

export type BudgetAnswer = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** Whether a sign-in (or a password check) may be tried now, and if not, when. */
export type SignInBlock = { blocked: false } | { blocked: true; retryAt: Date };

export interface SharedState {
  /**
   * The sign-in throttle (decision 008): too many failures for the account (`email`) or from the
   * address (`ip`) within the window, since the key's last success, block further attempts.
   */
  signInBlock(email: string, ip: string | null, now?: Date): Promise<SignInBlock>;
  recordSignInAttempt(email: string, ip: string | null, succeeded: boolean, now?: Date): Promise<void>;
  /** Ends one session everywhere (decision 021) until `until`, when its last token expires anyway. */
  revokeSession(sessionId: string, until: Date, now?: Date): Promise<void>;
  isSessionRevoked(sessionId: string): Promise<boolean>;

  /**
   * Counts one request against `key`'s budget of `limit` requests per `windowMs` (a fixed window)
   * and answers whether it is within the budget. A refused request is counted too, so hammering
   * a closed budget does not reopen it early.
   */
  consume(key: string, limit: number, windowMs: number, now?: number): Promise<BudgetAnswer>;
}

/** A cached answer as the page cache keeps it: opaque bytes, when it was made, what refreshes it. */
export type PageCacheEntry = {
  /** The serialized value (the cache handler decides the format). */
  value: Buffer;
  /** When the value was made, ms since the epoch. */
  lastModified: number;
  /** Tags whose expiry after `lastModified` makes the entry unusable. */
  tags: string[];
  /** Lifetime metadata the framework stored with the entry (JSON), if any. */
  cacheControl: string | null;
};

/**
 * The cache of public pages and feeds, shared by every server process: entries by key, and tags
 * that expire them. Expiring a tag makes every entry carrying it a miss for every process at once.
 */
export interface PageCacheStore {
  /** The entry under `key` unless one of its tags (or of `extraTags`) expired after it was made. */
  get(key: string, extraTags?: string[], now?: number): Promise<PageCacheEntry | null>;
  set(key: string, entry: PageCacheEntry): Promise<void>;
  delete(key: string): Promise<void>;
  /** Marks the tags expired at `at` (default now): entries made before then are misses. */
  expireTags(tags: string[], at?: number): Promise<void>;
}
