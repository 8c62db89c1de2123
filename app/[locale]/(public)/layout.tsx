import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/common/enums';
import { publicOrigin } from '@/server/public-url';
import { PublicHeader } from '@/app/_components/public/PublicHeader';
import { PublicLocaleLinks } from '@/app/_components/public/PublicLocaleLinks';
import { serverI18n } from '@/app/_lib/server-i18n';

// The share images of the public pages (opengraph-image, twitter-image files) are resolved against
// this layout's metadata: without a base here Next.js falls back to localhost and warns on every render.
export function generateMetadata(): Metadata {
  return { metadataBase: new URL(publicOrigin()) };
}

// The account pages (sign-in, invitation, reset) know nothing of the visitor until they submit, and
// carry the public header. The directory, fact sheets and search are not pages of this layout but
// documents of their own, rendered without the framework (app/_documents, decision 019).
export default async function PublicLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const i18n = await serverI18n(locale);
  return (
    <>
      <PublicHeader i18n={i18n} localeLinks={<PublicLocaleLinks locale={locale} label={i18n.t('common.language')} />} />
      {children}
    </>
  );
}
