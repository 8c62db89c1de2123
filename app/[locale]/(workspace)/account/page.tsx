import { LogOut, MailCheck, ShieldAlert, ShieldCheck } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge, unverifiedLook } from '@/app/_components/Badge';
import { buttonClass } from '@/app/_components/Form';
import { Card, CardHeader, PageContainer, PageHeader } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { ClientMessages } from '@/app/_components/ClientMessages';
import { requireUser, serverApi } from '@/app/_trpc/server';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ConfirmEmailButton } from './ConfirmEmailButton';
import { SignOutEverywhere } from './SignOutEverywhere';
import { TimeZoneForm } from './TimeZoneForm';
import { timeZoneOptions } from '@/app/_lib/time-zones';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'account' });
  return { title: t('title'), robots: { index: false } };
}

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser();
  const api = await serverApi();
  const address = await api.emailConfirmation.status();
  const twoFactor = await api.twoFactor.status();
  const t = await getTranslations('account');
  const tn = await getTranslations('nav');
  return (
    <main id="main">
      <PageContainer className="pb-16">
        <PageHeader title={t('title')} description={t('intro')} />
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="self-start">
            <CardHeader title={t('profile')} />
            <dl className="grid gap-3 px-5 py-4 text-sm">
              <div>
                <dt className="text-xs text-muted">{t('name')}</dt>
                <dd className="font-medium text-ink">{user.name}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted">{t('email')}</dt>
                <dd className="break-all text-ink">{user.email}</dd>
                <dd className="mt-1.5">
                  {address.verified ? (
                    <Badge tone="ok" icon={MailCheck}>
                      {t('emailVerified')}
                    </Badge>
                  ) : (
                    <Badge tone={unverifiedLook.tone} icon={unverifiedLook.icon}>
                      {t('emailUnverified')}
                    </Badge>
                  )}
                </dd>
                {address.verified ? null : (
                  <dd className="mt-2 flex flex-col gap-2 text-xs text-ink-soft">
                    <p>{address.canMail ? t('emailUnverifiedHint') : t('emailUnverifiedNoMail')}</p>
                    {address.canMail ? (
                      <ClientMessages namespaces={['account', 'forms']}>
                        <ConfirmEmailButton email={user.email} />
                      </ClientMessages>
                    ) : null}
                  </dd>
                )}
              </div>
              {user.isAdmin ? (
                <div>
                  <dt className="sr-only">{t('platformRole')}</dt>
                  <dd>
                    <Badge tone="brand" icon={ShieldCheck}>
                      {t('platformAdmin')}
                    </Badge>
                  </dd>
                </div>
              ) : null}
            </dl>
            <div className="flex flex-wrap gap-2 border-t border-line px-5 py-3">
              {user.isAdmin ? (
                <Link href="/admin" className={buttonClass('secondary', 'sm')}>
                  <ShieldCheck aria-hidden className="size-4" />
                  {tn('admin')}
                </Link>
              ) : null}
              <Link href="/signout" className={buttonClass('secondary', 'sm')}>
                <LogOut aria-hidden className="size-4" />
                {tn('signOut')}
              </Link>
            </div>
          </Card>
          <Card className="self-start lg:col-start-1">
            <CardHeader title={t('timeZoneTitle')} description={t('timeZoneIntro')} />
            <div className="px-5 py-4">
              <ClientMessages namespaces={['account']}>
                <TimeZoneForm chosen={user.timeZone} options={timeZoneOptions()} />
              </ClientMessages>
            </div>
          </Card>
          <Card className="self-start lg:col-start-1">
            <CardHeader
              title={t('twoFactor.title')}
              description={t('twoFactor.intro')}
              actions={
                twoFactor.enabled ? (
                  <Badge tone="ok" icon={ShieldCheck}>
                    {t('twoFactor.on')}
                  </Badge>
                ) : (
                  <Badge tone="neutral" icon={ShieldAlert}>
                    {t('twoFactor.off')}
                  </Badge>
                )
              }
            />
            <div className="px-5 py-4">
              <Link href="/account/two-factor" className={buttonClass('secondary', 'sm')}>
                {t('twoFactor.manage')}
              </Link>
            </div>
          </Card>
          <Card className="self-start lg:col-start-1">
            <CardHeader title={t('sessions')} description={t('sessionsIntro')} />
            <div className="px-5 py-4">
              <ClientMessages namespaces={['account']}>
                <SignOutEverywhere />
              </ClientMessages>
            </div>
          </Card>
          <Card className="lg:col-span-2 lg:col-start-2 lg:row-span-4 lg:row-start-1">
            <CardHeader title={t('changePassword')} description={t('changePasswordIntro')} />
            <div className="p-5">
              <ClientMessages namespaces={['forms', 'account']}>
                <ChangePasswordForm email={user.email} />
              </ClientMessages>
            </div>
          </Card>
        </div>
      </PageContainer>
    </main>
  );
}
