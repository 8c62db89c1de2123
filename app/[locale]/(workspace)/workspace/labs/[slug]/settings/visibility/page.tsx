import type { Metadata } from 'next';
import type { Locale } from '@/common/enums';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge, visibilityLook } from '@/app/_components/Badge';
import { Card, CardHeader } from '@/app/_components/Page';
import { localized } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '@/app/[locale]/(workspace)/workspace/labs/[slug]/lab-context';
import { loadManagedLab, ManagersOnly } from '../managed-lab';
import { AwaitingPublication } from './AwaitingPublication';
import { PublicPreview } from './PublicPreview';
import { VisibilitySwitch } from './VisibilitySwitch';

type Params = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'labSettings' });
  return { title: `${t('sections.visibility')} · ${localized(locale, lab.nameEn, lab.nameZh)}`, robots: { index: false } };
}

export default async function VisibilitySettingsPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const managed = await loadManagedLab(slug);
  if (!managed) return <ManagersOnly />;
  const api = await serverApi();
  const [{ lab, publication }, preview, awaiting] = await Promise.all([
    orNotFound(api.labSettings.get({ labId: managed.lab.id })),
    orNotFound(api.labSettings.previewPublic({ labId: managed.lab.id })),
    orNotFound(api.labSettings.awaitingPublication({ labId: managed.lab.id })),
  ]);
  const t = await getTranslations('labSettings.visibility');
  const te = await getTranslations('enums');
  const look = visibilityLook[lab.visibility];

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader title={t('title')} description={t('intro')} />
        <div className="flex flex-col gap-5 p-5">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            {t('current')}
            <Badge tone={look.tone} icon={look.icon}>
              {te(`visibility.${lab.visibility}`)}
            </Badge>
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <section aria-labelledby="public-sees" className="rounded-lg border border-line p-4">
              <h3 id="public-sees" className="text-sm font-semibold">
                {t('publicSees')}
              </h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-soft">
                <li>{t('seesProfile')}</li>
                <li>{t('seesPartners', { count: publication.partners })}</li>
                <li>{t('seesMilestones', { count: publication.publicMilestones })}</li>
                <li>{t('seesGoals', { count: publication.publicGoals })}</li>
                <li>{t('seesUpdates', { count: publication.publicUpdates })}</li>
              </ul>
            </section>
            <section aria-labelledby="stays-private" className="rounded-lg border border-line p-4">
              <h3 id="stays-private" className="text-sm font-semibold">
                {t('staysPrivate')}
              </h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-soft">
                <li>{t('privateItems')}</li>
                <li>{t('privateMembers')}</li>
                <li>{t('privateContributions')}</li>
              </ul>
            </section>
          </div>
          <VisibilitySwitch
            labId={lab.id}
            slug={lab.slug}
            version={lab.version}
            visibility={lab.visibility}
            summary={[
              t('seesProfile'),
              t('seesPartners', { count: publication.partners }),
              t('seesMilestones', { count: publication.publicMilestones }),
              t('seesGoals', { count: publication.publicGoals }),
              t('seesUpdates', { count: publication.publicUpdates }),
            ]}
          />
        </div>
      </Card>
      <AwaitingPublication labId={lab.id} slug={lab.slug} locale={locale} awaiting={awaiting} />
      <PublicPreview sheet={preview} locale={locale as Locale} visibility={lab.visibility} />
    </div>
  );
}
