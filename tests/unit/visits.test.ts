import { describe, expect, it } from 'vitest';
import { changesSince, FIRST_VISIT_WINDOW_DAYS, recordPageView, VISIT_GAP_MS } from '@/server/domain/visits';

const at = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60_000;

describe('visits', () => {
  it('starts the first visit with no earlier one', () => {
    expect(recordPageView({ lastVisitedAt: null, previousVisitAt: null }, at('2026-06-15T09:00:00Z'))).toEqual({
      lastVisitedAt: at('2026-06-15T09:00:00Z'),
      previousVisitAt: null,
    });
  });

  it('keeps page views within 30 minutes of each other in one visit', () => {
    const first = recordPageView({ lastVisitedAt: at('2026-06-01T09:00:00Z'), previousVisitAt: null }, at('2026-06-15T09:00:00Z'));
    const second = recordPageView(first, new Date(first.lastVisitedAt!.getTime() + VISIT_GAP_MS));
    expect(second.previousVisitAt).toEqual(at('2026-06-01T09:00:00Z'));
    expect(second.lastVisitedAt!.getTime() - first.lastVisitedAt!.getTime()).toBe(VISIT_GAP_MS);
  });

  it('starts a new visit after a pause longer than 30 minutes, remembering where the last one ended', () => {
    const state = { lastVisitedAt: at('2026-06-15T09:00:00Z'), previousVisitAt: at('2026-06-01T09:00:00Z') };
    const next = recordPageView(state, new Date(state.lastVisitedAt.getTime() + VISIT_GAP_MS + 1));
    expect(next.previousVisitAt).toEqual(at('2026-06-15T09:00:00Z'));
  });
});

describe('what changed since my last visit', () => {
  const state = { lastVisitedAt: at('2026-06-15T09:00:00Z'), previousVisitAt: at('2026-06-08T17:00:00Z') };

  it('counts from the end of the last visit once it is over', () => {
    expect(changesSince(state, at('2026-06-16T08:00:00Z'))).toEqual({ since: state.lastVisitedAt, basis: 'last_visit' });
  });

  it('counts from the visit before while the person is still in a visit, so the list does not empty itself', () => {
    expect(changesSince(state, new Date(state.lastVisitedAt.getTime() + minutes(5)))).toEqual({
      since: state.previousVisitAt,
      basis: 'last_visit',
    });
  });

  it('shows the last 14 days to someone who never opened the lab or is in their first visit', () => {
    const now = at('2026-06-15T09:10:00Z');
    const window = changesSince({ lastVisitedAt: null, previousVisitAt: null }, now);
    expect(window).toEqual({ since: new Date(now.getTime() - FIRST_VISIT_WINDOW_DAYS * 86_400_000), basis: 'recent' });
    expect(changesSince({ lastVisitedAt: at('2026-06-15T09:00:00Z'), previousVisitAt: null }, now).basis).toBe('recent');
  });
});
