// When a person last looked at a lab, for "what changed since my last visit" (decision 013).
// Pure: the same visit state and clock always give the same answer.

/** Page views in a lab closer together than this belong to one visit (the usual web-analytics session rule). */
export const VISIT_GAP_MS = 30 * 60_000;

/** Someone who has not opened a lab before (or is in their first visit) sees the changes of this many days. */
export const FIRST_VISIT_WINDOW_DAYS = 14;

export type VisitState = {
  /** The latest page view in the lab. */
  lastVisitedAt: Date | null;
  /** The last page view of the visit before the current one. */
  previousVisitAt: Date | null;
};

/** The state after a page view at `now`: a view after a long enough pause starts a new visit. */
export function recordPageView(state: VisitState, now: Date): VisitState {
  const startsNewVisit = state.lastVisitedAt === null || now.getTime() - state.lastVisitedAt.getTime() > VISIT_GAP_MS;
  return { lastVisitedAt: now, previousVisitAt: startsNewVisit ? state.lastVisitedAt : state.previousVisitAt };
}

export type ChangesWindow = {
  /** Changes made strictly after this instant count as new. */
  since: Date;
  /** 'last_visit': since the end of the person's last visit; 'recent': no earlier visit, so the last few days. */
  basis: 'last_visit' | 'recent';
};

/**
 * Where "what changed since my last visit" starts, seen at `now`. When the person's last visit is
 * over, it is the end of that visit; while they are still in a visit (they just came back from the
 * lab), it is the end of the visit before, so the list does not empty itself while they work.
 */
export function changesSince(state: VisitState, now: Date): ChangesWindow {
  if (state.lastVisitedAt && now.getTime() - state.lastVisitedAt.getTime() > VISIT_GAP_MS) {
    return { since: state.lastVisitedAt, basis: 'last_visit' };
  }
  if (state.previousVisitAt) return { since: state.previousVisitAt, basis: 'last_visit' };
  return { since: new Date(now.getTime() - FIRST_VISIT_WINDOW_DAYS * 86_400_000), basis: 'recent' };
}
