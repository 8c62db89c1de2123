import { Users } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { accountStatusLook, adminLook, Badge, unverifiedLook } from '@/app/_components/Badge';
import { Card, CardHeader } from '@/app/_components/Page';
import { TwoFactorRequirementForm } from '@/app/[locale]/(workspace)/_forms/TwoFactorRequirementForm';
import { localized } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { requireAdmin } from '../require-admin';
import { AdminList, adminQuery } from '../AdminList';
import { UserActions } from './UserActions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin.users' });
  return { title: t('title'), robots: { index: false } };
}

export default async function AdminUsersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireAdmin();
  const query = await adminQuery(searchParams);
  const api = await serverApi();
  const users = await api.user.list({ query });
  const platform = await api.twoFactor.platformRequirement();
  const t = await getTranslations('admin.users');
  const tf = await getTranslations('forms.twoFactorRequirement');

  return (
    <AdminList area="users" count={users.length} query={query} icon={<Users aria-hidden className="size-8" />}>
      <Card className="mb-6">
        <CardHeader title={tf('platformTitle')} description={tf('platformIntro')} />
        <div className="p-5">
          <TwoFactorRequirementForm key={platform.version} scope="platform" version={platform.version} requirement={platform.requirement} />
        </div>
      </Card>
      <Card>
        <ul className="divide-y divide-line" aria-labelledby="users-heading">
          {users.map((u) => {
            const status = u.disabledAt ? 'disabled' : 'active';
            return (
              <li key={u.id} className="flex flex-col gap-3 px-4 py-3 sm:px-5 lg:flex-row lg:items-center lg:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <span className="font-medium text-ink">{u.name}</span>
                    {u.id === me.id ? <span className="text-xs text-muted">{t('you')}</span> : null}
                    <Badge tone={accountStatusLook[status].tone} icon={accountStatusLook[status].icon}>
                      {t(`status.${status}`)}
                    </Badge>
                    {u.isAdmin ? (
                      <Badge tone={adminLook.tone} icon={adminLook.icon}>
                        {t('admin')}
                      </Badge>
                    ) : null}
                    {u.emailVerified ? null : (
                      <span title={t('unverifiedHint')}>
                        <Badge tone={unverifiedLook.tone} icon={unverifiedLook.icon}>
                          {t('unverified')}
                        </Badge>
                        <span className="sr-only">{t('unverifiedHint')}</span>
                      </span>
                    )}
                  </p>
                  <p className="truncate text-sm text-ink-soft">{u.email}</p>
                  <p className="text-xs text-muted">
                    {[
                      u.organisationNameEn ? localized(locale, u.organisationNameEn, u.organisationNameZh) : t('noOrganisation'),
                      t('labCount', { count: u.labCount }),
                    ].join(' · ')}
                  </p>
                </div>
                <UserActions
                  user={{
                    id: u.id,
                    version: u.version,
                    name: u.name,
                    email: u.email,
                    isAdmin: u.isAdmin,
                    disabled: Boolean(u.disabledAt),
                    twoFactor: u.twoFactor,
                  }}
                  isSelf={u.id === me.id}
                />
              </li>
            );
          })}
        </ul>
      </Card>
    </AdminList>
  );
}
