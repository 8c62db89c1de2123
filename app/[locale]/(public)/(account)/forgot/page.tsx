import { KeyRound } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { mailEnabled } from '@/server/services/mail';
import { buttonClass } from '@/app/_components/Form';
import { Card } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { TRPCReactProvider } from '@/app/_trpc/client';
import { ForgotPasswordForm } from './ForgotPasswordForm';

// Whether mail is configured is known only at run time.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'account.forgot' });
  return { title: t('title'), robots: { index: false } };
}

export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('account.forgot');
  const canMail = mailEnabled();
  return (
    <main id="main" className="flex justify-center px-4 py-12 sm:py-20">
      <Card className="w-full max-w-md p-6 sm:p-8">
        <KeyRound aria-hidden className="size-8 text-muted" />
        <h1 className="mt-3 text-xl font-semibold">{t('title')}</h1>
        {canMail ? (
          <>
            <p className="mt-2 text-sm text-ink-soft">{t('intro')}</p>
            <ClientMessages namespaces={['forms', 'account.forgot']}>
              <TRPCReactProvider>
                <ForgotPasswordForm />
              </TRPCReactProvider>
            </ClientMessages>
          </>
        ) : (
          <p className="mt-2 text-sm leading-relaxed text-ink-soft">{t('askAdmin')}</p>
        )}
        <p className="mt-6 border-t border-line pt-4">
          <Link href="/signin" className={buttonClass('ghost', 'sm')}>
            {t('backToSignIn')}
          </Link>
        </p>
      </Card>
    </main>
  );
}
