'use client';

import { useEffect, useRef } from 'react';
import { LinkPending } from '@/app/_components/LinkPending';
import { Link, usePathname } from '@/app/_i18n/navigation';

/**
 * The lab's section tabs; the section you are in is marked current. On a narrow screen the bar
 * scrolls sideways (a shadow at an edge says more is there) and opens with the current tab in view.
 */
export function LabTabs({ base, tabs, label }: { base: string; tabs: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  const current = tabs
    .filter((t) => pathname === t.href || (t.href !== base && pathname.startsWith(`${t.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const bar = nav.current;
    const tab = bar?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!bar || !tab) return;
    const left = tab.offsetLeft - bar.offsetLeft;
    if (left < bar.scrollLeft || left + tab.offsetWidth > bar.scrollLeft + bar.clientWidth)
      bar.scrollLeft = left - (bar.clientWidth - tab.offsetWidth) / 2;
  }, [current]);
  return (
    <nav ref={nav} aria-label={label} className="scroll-hint no-print -mb-px flex gap-1 overflow-x-auto">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? 'page' : undefined}
          className={
            tab.href === current
              ? 'relative whitespace-nowrap border-b-2 border-brand px-3 py-2.5 text-sm font-medium text-brand'
              : 'relative whitespace-nowrap border-b-2 border-transparent px-3 py-2.5 text-sm text-ink-soft hover:border-line-strong hover:text-ink'
          }
        >
          {tab.label}
          <LinkPending />
        </Link>
      ))}
    </nav>
  );
}
