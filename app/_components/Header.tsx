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
      {/* On phones the navigation gets a row of its own under the logo and account controls. */}
      <PageContainer className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 sm:h-14 sm:flex-nowrap sm:gap-6 sm:py-0">
        <Link href={home} className="flex shrink-0 items-center gap-2 font-semibold text-ink no-underline">
          <Logo />
          {/* On phones only the logo shows; the name stays for screen readers, so the link keeps its name. */}
          <span className="sr-only sm:not-sr-only">{tc('appName')}</span>
        </Link>
        <div className="order-last -mx-2.5 w-[calc(100%+1.25rem)] sm:order-none sm:mx-0 sm:w-auto sm:min-w-0">
          <NavLinks items={nav} label={t('main')} />
        </div>
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
