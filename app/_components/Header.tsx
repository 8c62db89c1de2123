import { getTranslations } from 'next-intl/server';
import { Suspense, type ReactNode } from 'react';
import { Link } from '../_i18n/navigation';
import { LocaleLinks, LocaleSwitcher } from './LocaleSwitcher';
import { Logo } from './Logo';
import { NavLinks } from './NavLinks';
import { PageContainer } from './Page';

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
          <Suspense fallback={<LocaleLinks />}>
            <LocaleSwitcher />
          </Suspense>
          {end}
        </div>
      </PageContainer>
    </header>
  );
}
