'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The sideways-scrolling frame of a timeline; it opens with today in the middle rather than at the
 * plan's start. Browsers with `scroll-initial-target` do that from the first paint (timeline.css);
 * the others once the page is hydrated.
 */
export function TimelineScroller({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = ref.current;
    if (!frame || CSS.supports('scroll-initial-target', 'nearest')) return;
    const today = Number(frame.querySelector<HTMLElement>('[data-today-x]')?.dataset.todayX);
    if (!Number.isFinite(today) || frame.scrollWidth <= frame.clientWidth) return;
    frame.scrollLeft = Math.max(0, today - frame.clientWidth / 2);
  }, []);
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
