import { ShieldAlert, ShieldCheck } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/app/_components/Badge';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { FormMessage } from '@/app/_components/Form';
import { Card, CardHeader, PageContainer, PageHeader } from '@/app/_components/Page';
import { formatIsoDate } from '@/app/_lib/dates';
import { requireUser, serverApi } from '@/app/_trpc/server';
import { SecurityKeys } from './SecurityKeys';
import { TwoFactorDisable, TwoFactorSetup } from './TwoFactorSetup';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'account.twoFactor' });
  return { title: t('title'), robots: { index: false } };
}

// The one page someone a setting requires to use two-factor can open before setting it up.
export default async function TwoFactorPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser({ enrolling: true });
  const status = await (await serverApi()).twoFactor.status();
  const t = await getTranslations('account.twoFactor');
  const format = await getFormatter();
  return (
    <main id="main">
      <PageContainer className="pb-16">
        <PageHeader title={t('title')} description={t('intro')} />
        <Card className="max-w-2xl">
          <CardHeader
            title={t('title')}
            actions={
              status.enabled ? (
                <Badge tone="ok" icon={ShieldCheck}>
                  {t('on')}
                </Badge>
              ) : (
                <Badge tone="neutral" icon={ShieldAlert}>
                  {t('off')}
                </Badge>
              )
            }
          />
          <div className="flex flex-col gap-4 p-5">
            {status.demand && !status.enabled ? (
              <FormMessage tone="warn">
                {status.demand.by === 'lab' ? t('requiredByLab', { lab: status.demand.labName }) : t('requiredByPlatform')}
              </FormMessage>
            ) : null}
            {status.enabled ? (
              <>
                <p className="text-sm text-ink-soft">
                  {status.enabledAt ? t('enabledSince', { date: formatIsoDate(format, status.enabledAt.toISOString().slice(0, 10)) }) : null}{' '}
                  {t('codesLeft', { count: status.recoveryCodesLeft })}
                </p>
                <section aria-labelledby="keys-title" className="flex flex-col gap-2 border-t border-line pt-4">
                  <h2 id="keys-title" className="text-base font-semibold">
                    {t('keysTitle')}
                  </h2>
                  <p className="text-sm text-ink-soft">{t('keysIntro')}</p>
                  <ClientMessages namespaces={['account', 'forms']}>
                    <SecurityKeys keys={status.securityKeys} />
                  </ClientMessages>
                </section>
                <h2 className="border-t border-line pt-4 text-base font-semibold">{t('disableTitle')}</h2>
                {status.demand ? (
                  <p className="text-sm text-ink-soft">{t('cannotDisable')}</p>
                ) : (
                  <ClientMessages namespaces={['account', 'forms']}>
                    <TwoFactorDisable />
                  </ClientMessages>
                )}
              </>
            ) : (
              <ClientMessages namespaces={['account', 'forms']}>
                <TwoFactorSetup />
              </ClientMessages>
            )}
          </div>
        </Card>
      </PageContainer>
    </main>
  );
}
