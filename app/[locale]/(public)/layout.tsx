import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PublicHeader } from '../../_components/public/PublicHeader';

// Public pages know nothing of the visitor, so they can be served from cache to everyone. No client
// providers here: the public pages ship as little JavaScript as the framework allows.
export default async function PublicLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <>
      <PublicHeader locale={locale} />
      {children}
    </>
  );
}
