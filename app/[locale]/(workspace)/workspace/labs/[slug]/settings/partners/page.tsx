import { Handshake } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, CardHeader, EmptyState } from '@/app/_components/Page';
import { formatIsoDate } from '@/app/_lib/dates';
import { localized, secondaryName } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from '@/app/[locale]/(workspace)/workspace/labs/[slug]/lab-context';
import { loadManagedLab, ManagersOnly } from '../managed-lab';
import { AddPartnerForm } from './AddPartnerForm';
import { PartnerRow } from './PartnerRow';

type Params = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  const t = await getTranslations({ locale, namespace: 'labSettings' });
  return { title: `${t('sections.partners')} · ${localized(locale, lab.nameEn, lab.nameZh)}`, robots: { index: false } };
}

export default async function PartnersSettingsPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const managed = await loadManagedLab(slug);
  if (!managed) return <ManagersOnly />;
  const partners = await orNotFound((await serverApi()).partner.list({ labId: managed.lab.id }));
  const t = await getTranslations('labSettings.partners');
  const format = await getFormatter();

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader id="partners-heading" title={t('title', { count: partners.length })} description={t('intro')} />
        {partners.length === 0 ? (
          <div className="p-5">
            <EmptyState icon={<Handshake aria-hidden className="size-8" />}>{t('empty')}</EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-line" aria-labelledby="partners-heading">
            {partners.map((p) => (
              <PartnerRow
                key={`${p.id}-${p.version}`}
                labId={managed.lab.id}
                partner={{
                  ...p,
                  name: localized(locale, p.nameEn, p.nameZh),
                  otherName: secondaryName(locale, p.nameEn, p.nameZh),
                  joinedOnLabel: p.joinedOn ? formatIsoDate(format, p.joinedOn) : null,
                  budgetLabel:
                    p.budgetCny === null
                      ? null
                      : format.number(p.budgetCny, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }),
                }}
              />
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardHeader title={t('addTitle')} description={t('addIntro')} />
        <div className="p-5">
          <AddPartnerForm labId={managed.lab.id} />
        </div>
      </Card>
    </div>
  );
}
