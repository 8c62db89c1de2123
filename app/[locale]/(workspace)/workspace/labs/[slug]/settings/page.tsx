import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, CardHeader } from '@/app/_components/Page';
import { localized } from '@/app/_lib/localized';
import { timeZoneOptions } from '@/app/_lib/time-zones';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '../lab-context';
import { loadManagedLab, ManagersOnly } from './managed-lab';
import { ProfileForm } from './ProfileForm';
import { TwoFactorRequirementForm } from '@/app/[locale]/(workspace)/_forms/TwoFactorRequirementForm';

type Params = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'labSettings' });
  return { title: `${t('sections.profile')} · ${localized(locale, lab.nameEn, lab.nameZh)}`, robots: { index: false } };
}

export default async function ProfileSettingsPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const managed = await loadManagedLab(slug);
  if (!managed) return <ManagersOnly />;
  const { lab } = await orNotFound((await serverApi()).labSettings.get({ labId: managed.lab.id }));
  const t = await getTranslations('labSettings');
  const tf = await getTranslations('forms.twoFactorRequirement');
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader title={t('sections.profile')} description={t('profileIntro')} />
        <div className="p-5">
          <ProfileForm lab={lab} timeZones={timeZoneOptions()} />
        </div>
      </Card>
      <Card>
        <CardHeader title={tf('labTitle')} description={tf('labIntro')} />
        <div className="p-5">
          <TwoFactorRequirementForm key={lab.version} scope="lab" labId={lab.id} version={lab.version} requirement={lab.twoFactorRequirement} />
        </div>
      </Card>
    </div>
  );
}
