import { getTranslations } from 'next-intl/server';
import { Logo } from '../Logo';
import { PageContainer } from '../Page';
import { PublicLocaleLinks } from './PublicLocaleLinks';

/**
 * The header of the public pages. Server-rendered with plain links, so it works without
 * JavaScript; the language switch renders its links on the server too, and reads the address in
 * the browser only on the account pages, which are hydrated (documents are not: decision 016).
 */
export async function PublicHeader({ locale }: { locale: string }) {
  const t = await getTranslations('nav');
  const tc = await getTranslations('common');
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
          <PublicLocaleLinks locale={locale} label={tc('language')} />
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
