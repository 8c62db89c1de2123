'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/** The sideways-scrolling frame of a timeline; it opens with today in view rather than at the plan's start. */
export function TimelineScroller({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = ref.current;
    const today = Number(frame?.querySelector<HTMLElement>('[data-today-x]')?.dataset.todayX);
    if (!frame || !Number.isFinite(today) || frame.scrollWidth <= frame.clientWidth) return;
    frame.scrollLeft = Math.max(0, today - frame.clientWidth * 0.55);
  }, []);
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
