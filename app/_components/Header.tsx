import { getTranslations } from 'next-intl/server';
import { Suspense, type ReactNode } from 'react';
import { Link } from '../_i18n/navigation';
import { LocaleSwitcher } from './LocaleSwitcher';
import { Logo } from './Logo';
import { NavLinks } from './NavLinks';
import { PageContainer } from './Page';

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
