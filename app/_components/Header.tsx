import { getTranslations } from 'next-intl/server';
import { Suspense, type ReactNode } from 'react';
import { Link } from '../_i18n/navigation';
import { LocaleSwitcher } from './LocaleSwitcher';
import { NavLinks } from './NavLinks';
import { PageContainer } from './Page';

export function Logo() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className="size-7">
      <rect width="32" height="32" rx="8" fill="#1d4ed8" />
      <circle cx="11" cy="12" r="4" fill="#fff" />
      <circle cx="21" cy="12" r="4" fill="#93c5fd" />
      <path d="M7 23h18" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      <path d="M7 23l6-4 5 2 7-5" stroke="#bfdbfe" strokeWidth="2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export async function Header({ home, nav, end }: { home: string; nav: { href: string; label: string }[]; end?: ReactNode }) {
  const t = await getTranslations('nav');
  const tc = await getTranslations('common');
  return (
    <header className="no-print border-b border-line bg-surface/95 backdrop-blur">
      <PageContainer className="flex h-14 items-center gap-3 sm:gap-6">
        <Link href={home} className="flex shrink-0 items-center gap-2 font-semibold text-ink no-underline">
          <Logo />
          {/* On phones only the logo shows; the name stays for screen readers, so the link keeps its name. */}
          <span className="sr-only sm:not-sr-only">{tc('appName')}</span>
        </Link>
        <NavLinks items={nav} label={t('main')} />
        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          <Suspense fallback={null}>
            <LocaleSwitcher />
          </Suspense>
          {end}
        </div>
      </PageContainer>
    </header>
  );
}
