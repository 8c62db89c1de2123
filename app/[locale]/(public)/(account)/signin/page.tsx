import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { sameOriginPath } from '@/server/domain/redirect-target';
import { Card } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { TRPCReactProvider } from '@/app/_trpc/client';
import { SignInForm } from './SignInForm';

// The page reads where to return to (?callbackUrl=) and checks it here, on the server: per request.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  return { title: t('signInTitle'), robots: { index: false } };
}

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ callbackUrl?: string | string[] }> };

/** The page to return to after signing in: `?callbackUrl=` when it is a page of this site, else the workspace. */
async function returnPath(locale: string, callbackUrl: string | string[] | undefined): Promise<string> {
  const asked = Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl;
  const h = await headers();
  const origin = `${h.get('x-forwarded-proto') === 'https' ? 'https' : 'http'}://${h.get('host') ?? 'localhost'}`;
  return sameOriginPath(asked, origin) ?? `/${locale}/workspace`;
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const callbackPath = await returnPath(locale, (await searchParams).callbackUrl);
  const t = await getTranslations('auth');
  const ta = await getTranslations('account.forgot');
  return (
    <main id="main" className="flex justify-center px-4 py-12 sm:py-20">
      <Card className="w-full max-w-sm p-6 sm:p-8">
        <h1 className="text-xl font-semibold">{t('signInTitle')}</h1>
        <p className="mt-1 text-sm text-ink-soft">{t('signInIntro')}</p>
        <TRPCReactProvider>
          <SignInForm callbackPath={callbackPath} />
        </TRPCReactProvider>
        <p className="mt-3 text-sm">
          <Link href="/forgot" className="text-ink-soft underline-offset-2 hover:text-ink hover:underline">
            {ta('link')}
          </Link>
        </p>
        <p className="mt-6 border-t border-line pt-4 text-sm text-muted">
          <Link href="/labs" className="text-brand underline-offset-2 hover:underline">
            {t('publicHint')}
          </Link>
        </p>
      </Card>
    </main>
  );
}
