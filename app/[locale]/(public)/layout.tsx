import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Header } from '../../_components/Header';
import { Link } from '../../_i18n/navigation';

// Public pages know nothing of the visitor, so they can be served from cache to everyone.
export default async function PublicLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('nav');
  return (
    <>
      <Header
        home="/labs"
        nav={[{ href: '/labs', label: t('directory') }]}
        end={
          <Link
            href="/workspace"
            className="whitespace-nowrap rounded-lg bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-ink-soft"
          >
            {t('workspace')}
          </Link>
        }
      />
      {children}
    </>
  );
}
