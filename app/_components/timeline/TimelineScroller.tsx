'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The sideways-scrolling frame of a timeline; it opens with today in the middle of the chart rather
 * than at the plan's start. Browsers with `scroll-initial-target` do that from the first paint
 * (timeline.css); the others once the page is hydrated.
 */
export function TimelineScroller({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = ref.current;
    if (!frame || CSS.supports('scroll-initial-target', 'nearest')) return;
    const today = Number(frame.querySelector<HTMLElement>('[data-today-x]')?.dataset.todayX);
    if (!Number.isFinite(today) || frame.scrollWidth <= frame.clientWidth) return;
    // The middle of what the sticky column of names leaves in view.
    const names = frame.querySelector<HTMLElement>('.tl-sticky')?.offsetWidth ?? 0;
    frame.scrollLeft = Math.max(0, today - (frame.clientWidth + names) / 2);
  }, []);
  return (
    <div ref={ref} className={className ? `tl-scroller ${className}` : 'tl-scroller'}>
      {children}
    </div>
  );
}
