'use client';

import { Printer } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '@/app/_components/Form';

/** The chart's rows (SVG links), in order. */
const rowsIn = (root: ParentNode) => [...root.querySelectorAll<SVGAElement>('a.tl-row')];

/**
 * Opens a milestone's details without a full page load: rows of the SVG timeline are plain links
 * (they work without JavaScript); with it, a click becomes a client navigation that keeps the scroll.
 * With it too, the chart is one tab stop (the open milestone's row, else the first) and the arrow
 * keys move between its rows, Home and End to the first and last (roving tabindex, issue 24).
 */
export function TimelineLinks({ children }: { children: ReactNode }) {
  const router = useRouter();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const rows = rowsIn(ref.current!);
    const current = rows.find((r) => r.getAttribute('aria-current') === 'true') ?? rows[0];
    for (const row of rows) row.setAttribute('tabindex', row === current ? '0' : '-1');
  });
  return (
    <div
      ref={ref}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const link = (event.target as Element).closest('a[data-timeline-link]');
        const href = link?.getAttribute('href');
        if (!href) return;
        event.preventDefault();
        router.push(href, { scroll: false });
      }}
      onKeyDown={(event) => {
        const row = (event.target as Element).closest('a.tl-row');
        const moves: Record<string, (i: number, n: number) => number> = {
          ArrowDown: (i, n) => Math.min(i + 1, n - 1),
          ArrowUp: (i) => Math.max(i - 1, 0),
          Home: () => 0,
          End: (_, n) => n - 1,
        };
        if (!row || !moves[event.key]) return;
        const rows = rowsIn(ref.current!);
        const next = rows[moves[event.key]!(rows.indexOf(row as SVGAElement), rows.length)];
        if (!next) return;
        event.preventDefault();
        for (const r of rows) r.setAttribute('tabindex', r === next ? '0' : '-1');
        next.focus();
      }}
    >
      {children}
    </div>
  );
}

/** Where the panel is a full-screen sheet (below Tailwind's lg); from lg the page makes room beside it. */
const COVERS_PAGE = '(max-width: 63.999rem)';

/** Makes everything outside `element` inert (no focus, no clicks); returns the undo. */
function inertOutside(element: Element): () => void {
  const changed: HTMLElement[] = [];
  for (let node: Element = element; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert && sibling.tagName !== 'SCRIPT') {
        sibling.inert = true;
        changed.push(sibling);
      }
    }
  }
  return () => changed.forEach((el) => (el.inert = false));
}

/** The row of the chart or table that opens milestone `id`. */
function rowLinkOf(id: number): HTMLElement | SVGElement | null {
  for (const link of document.querySelectorAll<HTMLElement | SVGElement>('a[data-timeline-link]')) {
    const href = link.getAttribute('href');
    if (href && new URL(href, window.location.href).searchParams.get('m') === String(id)) return link;
  }
  return null;
}

/**
 * Moves focus into the details panel when it opens, and closes it with Escape. Nothing behind the
 * panel takes focus: where it covers the page (phones, tablets) the rest of the page is inert while
 * it is open; from lg the page makes room for it (globals.css). Closed, focus goes back to the row of
 * milestone `returnTo` (it was left on <body>).
 */
export function PanelFocus({ closeHref, returnTo, children }: { closeHref: string; returnTo: number | null; children: ReactNode }) {
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
  useEffect(() => {
    const panel = ref.current?.closest('aside');
    if (!panel) return;
    const covers = window.matchMedia(COVERS_PAGE);
    let undo: (() => void) | null = null;
    const apply = () => {
      undo?.();
      undo = covers.matches ? inertOutside(panel) : null;
    };
    apply();
    covers.addEventListener('change', apply);
    return () => {
      covers.removeEventListener('change', apply);
      undo?.();
    };
  }, []);
  // The latest milestone shown, for the cleanup below (it runs once, when the panel closes).
  const shown = useRef(returnTo);
  useEffect(() => {
    shown.current = returnTo;
  }, [returnTo]);
  useEffect(
    () => () => {
      const id = shown.current;
      if (id !== null) rowLinkOf(id)?.focus();
    },
    [],
  );
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
