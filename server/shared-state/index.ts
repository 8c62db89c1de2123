// State that every server process must agree on (request budgets today; throttles, revoked
// sessions and the public page cache as they move here), behind one small interface so that a
// deployment on several machines can put it in a shared store instead of the local database
// (docs/decisions). Methods are asynchronous so such a store fits the same interface.

export type BudgetAnswer = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface SharedState {
  /**
   * Counts one request against `key`'s budget of `limit` requests per `windowMs` (a fixed window)
   * and answers whether it is within the budget. A refused request is counted too, so hammering
   * a closed budget does not reopen it early.
   */
  consume(key: string, limit: number, windowMs: number, now?: number): Promise<BudgetAnswer>;
}
