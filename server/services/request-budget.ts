import type { DbOrTx } from '@/db/client';
import type { SessionUser } from './actor';
import { env } from '../env';
import type { BudgetAnswer } from '../shared-state';
import { sharedState } from '../shared-state/store';

/**
 * Public reads that cost the server real work (the search, through the API or as a document) spend
 * one unit of a signed-out caller's per-minute budget, per address, counted in the shared state so
 * every server process draws on the same budget. A signed-in caller, or one whose address is
 * unknown, is not budgeted (null).
 */
export async function spendAnonymousBudget(db: DbOrTx, user: SessionUser | null, address: string | null): Promise<BudgetAnswer | null> {
  if (user || !address) return null;
  return (
    sharedState(db)
      .consume(`anonymous:${address}`, env().ANONYMOUS_BUDGET_PER_MINUTE, 60_000)
      // A budget that cannot be counted (the shared store is unreachable) lets the request through:
      // it guards the server's capacity, not anyone's data.
      .catch((error: unknown) => {
        console.error('Counting the request budget failed:', error instanceof Error ? error.message : error);
        return { allowed: true as const, remaining: 0 };
      })
  );
}
