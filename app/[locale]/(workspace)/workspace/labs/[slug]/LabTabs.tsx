'use client';

import { LinkPending } from '@/app/_components/LinkPending';
import { Link, usePathname } from '@/app/_i18n/navigation';

/** The lab's section tabs; the section you are in is marked current. */
export function LabTabs({ base, tabs, label }: { base: string; tabs: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  const current = tabs
    .filter((t) => pathname === t.href || (t.href !== base && pathname.startsWith(`${t.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="no-print -mb-px flex gap-1 overflow-x-auto">
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
