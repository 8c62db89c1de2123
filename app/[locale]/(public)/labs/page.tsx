import { Building2, MapPin } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '../../../../db/client';
import { listPublicLabs } from '../../../../server/services/publication';
import { Badge, labStatusLook } from '../../../_components/Badge';
import { Card, EmptyState, PageContainer, PageHeader } from '../../../_components/Page';
import { localized, secondaryName } from '../../../_lib/localized';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'directory' });
  return { title: t('title'), description: t('intro') };
}

export default async function DirectoryPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('directory');
  const te = await getTranslations('enums');
  const tc = await getTranslations('common');
  const labs = listPublicLabs(getDb());

  return (
    <main id="main">
      <PageContainer className="pb-16">
        <PageHeader title={t('title')} description={t('intro')}>
          <p className="num mt-3 text-sm text-muted">{t('count', { count: labs.length })}</p>
        </PageHeader>
        {labs.length === 0 ? (
          <EmptyState icon={<Building2 className="size-8" aria-hidden />}>{t('empty')}</EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2" aria-label={t('title')}>
            {labs.map((lab) => {
              const name = localized(locale, lab.nameEn, lab.nameZh);
              const other = secondaryName(locale, lab.nameEn, lab.nameZh);
              const status = labStatusLook[lab.status];
              return (
                <Card as="li" key={lab.slug} className="flex flex-col p-5">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={status.tone} icon={status.icon}>
                      {te(`labStatus.${lab.status}`)}
                    </Badge>
                    <Badge tone="brand">{te(`stage.${lab.stage}`)}</Badge>
                    {lab.isDemo ? <Badge tone="warn">{tc('demoData')}</Badge> : null}
                  </div>
                  <h2 className="mt-3 text-lg font-semibold leading-snug text-ink">
                    {name}
                    {lab.acronymEn ? <span className="ml-2 text-sm font-normal text-muted">{lab.acronymEn}</span> : null}
                  </h2>
                  {other ? <p className="text-sm text-muted">{other}</p> : null}
                  <p className="mt-2 line-clamp-3 text-sm leading-relaxed text-ink-soft">
                    {localized(locale, lab.objectiveEn, lab.objectiveZh)}
                  </p>
                  <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                    <div>
                      <dt className="text-xs text-muted">{t('chain')}</dt>
                      <dd className="text-ink">{localized(locale, lab.chainEn, lab.chainZh)}</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-muted">{t('sector')}</dt>
                      <dd className="text-ink">{te(`sector.${lab.sector}`)}</dd>
                    </div>
                    {lab.region ? (
                      <div className="col-span-2">
                        <dt className="sr-only">{t('region')}</dt>
                        <dd className="flex items-center gap-1 text-ink-soft">
                          <MapPin aria-hidden className="size-3.5" />
                          {lab.region}
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                  <div className="mt-4 border-t border-line pt-3">
                    <h3 className="text-xs font-medium text-muted">{t('partners')}</h3>
                    <ul className="mt-1.5 flex flex-wrap gap-1.5">
                      {lab.partners.map((p) => (
                        <li key={p.nameEn} className="rounded-md bg-neutral-soft px-2 py-0.5 text-xs text-ink-soft">
                          {localized(locale, p.nameEn, p.nameZh)}
                          <span className="text-muted"> · {te(`participationRole.${p.role}`)}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                </Card>
              );
            })}
          </ul>
        )}
      </PageContainer>
    </main>
  );
}
