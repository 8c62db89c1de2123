'use client';

import { useLinkStatus } from 'next/link';

/**
 * A bar under a navigation link while the page it opens is on its way. Workspace pages arrive
 * whole (no loading skeleton, decision 022), so this is what shows that a click was taken.
 * Put it inside the link; the link needs `relative`.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return pending ? <span aria-hidden className="absolute inset-x-2 bottom-0 h-0.5 animate-pulse rounded-full bg-brand" /> : null;
}
