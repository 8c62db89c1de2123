import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { publicOrigin } from '../../../server/public-url';
import { PublicHeader } from '../../_components/public/PublicHeader';

// The share images of the public pages (opengraph-image, twitter-image files) are resolved against
// this layout's metadata: without a base here Next.js falls back to localhost and warns on every render.
export function generateMetadata(): Metadata {
  return { metadataBase: new URL(publicOrigin()) };
}

// Public pages know nothing of the visitor, so they can be served from cache to everyone. No client
// providers here: the account pages ship as little JavaScript as the framework allows, and the
// directory, fact sheets and search are sent with none (docs/decisions/016).
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
