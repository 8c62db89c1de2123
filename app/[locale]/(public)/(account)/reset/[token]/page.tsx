import { TRPCError } from '@trpc/server';
import { Clock, KeyRound, Link2Off } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClass } from '@/app/_components/Form';
import { Card } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { serverApi } from '@/app/_trpc/server';
import { TRPCReactProvider } from '@/app/_trpc/client';
import { ResetPasswordForm } from './ResetPasswordForm';

// The token in the address is a secret: never cached, never indexed, never sent on as a referrer.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'account.reset' });
  return { title: t('title'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

async function describe(token: string) {
  try {
    return await (await serverApi()).password.describeReset({ token });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return { state: 'unknown' as const };
    throw error;
  }
}

export default async function ResetPasswordPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('account.reset');
  const info = await describe(token);
  const email = info.state === 'valid' && 'email' in info ? info.email : undefined;

  return (
    <main id="main" className="flex justify-center px-4 py-12 sm:py-20">
      <Card className="w-full max-w-md p-6 sm:p-8">
        <div className="text-muted">
          {email ? (
            <KeyRound aria-hidden className="size-8" />
          ) : info.state === 'expired' ? (
            <Clock aria-hidden className="size-8" />
          ) : (
            <Link2Off aria-hidden className="size-8" />
          )}
        </div>
        <h1 className="mt-3 text-xl font-semibold">{email ? t('title') : t(`states.${info.state}.title`)}</h1>
        {email ? (
          <>
            <p className="mt-2 text-sm text-ink-soft">{t('intro', { email })}</p>
            <ClientMessages namespaces={['forms', 'account']}>
              <TRPCReactProvider>
                <ResetPasswordForm token={token} email={email} />
              </TRPCReactProvider>
            </ClientMessages>
          </>
        ) : (
          <>
            <p className="mt-2 text-sm leading-relaxed text-ink-soft">{t(`states.${info.state}.body`)}</p>
            <p className="mt-6">
              <Link href="/signin" className={buttonClass('secondary')}>
                {t('toSignIn')}
              </Link>
            </p>
          </>
        )}
      </Card>
    </main>
  );
}
