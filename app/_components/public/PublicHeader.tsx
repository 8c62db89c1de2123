import type { ReactNode } from 'react';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { Logo } from '../Logo';
import { PageContainer } from '../Page';

/**
 * The header of the public pages: plain links, so it works without JavaScript. `localeLinks` is the
 * language switch: LocaleLinks with the document's own path in the public documents, its client
 * wrapper PublicLocaleLinks on the hydrated account pages.
 */
export function PublicHeader({ i18n, localeLinks }: { i18n: I18n; localeLinks: ReactNode }) {
  const { locale } = i18n;
  const t = scoped(i18n, 'nav');
  const tc = scoped(i18n, 'common');
  return (
    <header className="no-print border-b border-line bg-surface/95 backdrop-blur">
      <PageContainer className="flex h-14 items-center gap-3 sm:gap-6">
        <a href={`/${locale}/labs`} className="flex shrink-0 items-center gap-2 font-semibold text-ink no-underline">
          <Logo />
          <span className="sr-only sm:not-sr-only">{tc('appName')}</span>
        </a>
        <nav aria-label={t('main')} className="flex min-w-0 items-center gap-1 text-sm">
          <a
            href={`/${locale}/labs`}
            className="whitespace-nowrap rounded-md px-2.5 py-1.5 text-ink-soft hover:bg-neutral-soft hover:text-ink"
          >
            {t('directory')}
          </a>
        </nav>
        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          {localeLinks}
          <a
            href={`/${locale}/workspace`}
            className="whitespace-nowrap rounded-lg bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-ink-soft"
          >
            {t('workspace')}
          </a>
        </div>
      </PageContainer>
    </header>
  );
}
