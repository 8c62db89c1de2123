'use client';

import { Link, usePathname } from '../_i18n/navigation';
import { LinkPending } from './LinkPending';

/** Main navigation; the link for the section you are in is marked as current. */
export function NavLinks({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  // The longest matching prefix wins, so /workspace/labs/x marks "My labs", not a shorter sibling.
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="flex min-w-0 items-center gap-1 overflow-x-auto text-sm">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === current ? 'page' : undefined}
          className={
            item.href === current
              ? 'relative whitespace-nowrap rounded-md bg-brand-soft px-2.5 py-1.5 font-medium text-brand'
              : 'relative whitespace-nowrap rounded-md px-2.5 py-1.5 text-ink-soft hover:bg-neutral-soft hover:text-ink'
          }
        >
          {item.label}
          <LinkPending />
        </Link>
      ))}
    </nav>
  );
}
