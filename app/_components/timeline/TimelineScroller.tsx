'use client';

import clsx from 'clsx';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The sideways-scrolling frame of a timeline; it opens with today in the middle of the chart rather
 * than at the plan's start. Browsers with `scroll-initial-target` do that from the first paint
 * (timeline.css); the others once the page is hydrated.
 */
export function TimelineScroller({
  children,
  className,
  label,
}: {
  children: ReactNode;
  className?: string;
  /**
   * For a timeline without links in it (the public fact sheet): the frame becomes a labelled region
   * in the tab order, so a keyboard can scroll it sideways (WCAG 2.1.1; axe's scrollable-region-focusable).
   */
  label?: string;
}) {
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
    <div ref={ref} className={clsx('tl-scroller', className)} {...(label ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}
