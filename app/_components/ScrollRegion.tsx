import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside the page instead of widening it (issue 23.6): a region
 * named for screen readers, and a tab stop, so a keyboard can scroll it with the arrow keys.
 */
export function ScrollRegion({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
