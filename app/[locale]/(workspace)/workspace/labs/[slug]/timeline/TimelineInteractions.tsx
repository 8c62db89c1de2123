'use client';

import { Printer } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../../../../../_components/Form';

/**
 * Opens a milestone's details without a full page load: rows of the SVG timeline are plain links
 * (they work without JavaScript); with it, a click becomes a client navigation that keeps the scroll.
 */
export function TimelineLinks({ children }: { children: ReactNode }) {
  const router = useRouter();
  return (
    <div
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const link = (event.target as Element).closest('a[data-timeline-link]');
        const href = link?.getAttribute('href');
        if (!href) return;
        event.preventDefault();
        router.push(href, { scroll: false });
      }}
    >
      {children}
    </div>
  );
}

/** Moves focus into the details panel when it opens, and closes it with Escape. */
export function PanelFocus({ closeHref, children }: { closeHref: string; children: ReactNode }) {
  const router = useRouter();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('h2')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) router.push(closeHref, { scroll: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closeHref, router]);
  return <div ref={ref}>{children}</div>;
}

export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" size="sm" onClick={() => window.print()}>
      <Printer aria-hidden className="size-4" />
      {label}
    </Button>
  );
}
