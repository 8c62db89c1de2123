'use client';

import { Link, usePathname } from '@/app/_i18n/navigation';

/** The settings sections: a row of links on small screens, a column beside the form on large ones. */
export function SettingsNav({ base, items, label }: { base: string; items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="no-print">
      <ul className="flex gap-1 overflow-x-auto lg:flex-col">
        {items.map((item) => {
          const current = item.href === base ? pathname === base : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={
                  current
                    ? 'block whitespace-nowrap rounded-md bg-brand-soft px-3 py-1.5 text-sm font-medium text-brand'
                    : 'block whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-ink-soft hover:bg-neutral-soft hover:text-ink'
                }
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
