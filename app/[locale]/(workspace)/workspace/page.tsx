import { ChevronRight, FolderOpen } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge, labStatusLook, lateLook, visibilityLook } from '../../../_components/Badge';
import { Card, EmptyState, PageContainer, PageHeader } from '../../../_components/Page';
import { Link } from '../../../_i18n/navigation';
import { localized } from '../../../_lib/localized';
import { requireUser, serverApi } from '../../../_trpc/server';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'workspace' });
  return { title: t('title') };
}

export default async function MyLabsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser();
  const t = await getTranslations('workspace');
  const te = await getTranslations('enums');
  const tc = await getTranslations('common');
  const labs = await (await serverApi()).lab.mine();

  return (
    <main id="main">
      <PageContainer className="pb-16">
        <PageHeader title={t('title')} description={t('subtitle')} />
        {labs.length === 0 ? (
          <EmptyState icon={<FolderOpen className="size-8" aria-hidden />}>
            <p>{t('empty')}</p>
            <p className="mt-3">
              <Link href="/labs" className="font-medium text-brand underline-offset-2 hover:underline">
                {tc('backToDirectory')}
              </Link>
            </p>
          </EmptyState>
        ) : (
          <ul className="grid gap-3" aria-label={t('title')}>
            {labs.map((lab) => {
              const status = labStatusLook[lab.status];
              const vis = visibilityLook[lab.visibility];
              return (
                <Card as="li" key={lab.id} className="group relative transition hover:border-brand/40 hover:shadow-md">
                  <div className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:gap-6 sm:p-5">
                    <div className="min-w-0 flex-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <h2 className="text-base font-semibold text-ink">
                          <Link href={`/workspace/labs/${lab.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none">
                            {localized(locale, lab.nameEn, lab.nameZh)}
                          </Link>
                        </h2>
                        {lab.isDemo ? <Badge tone="warn">{tc('demoData')}</Badge> : null}
                      </div>
                      <p className="mt-0.5 text-sm text-muted">
                        {localized(locale, lab.chainEn, lab.chainZh)} · {te(`stage.${lab.stage}`)}
                      </p>
                      <div className="mt-2 flex flex-wrap gap-1.5">
                        <Badge tone="brand">
                          {t('yourRole')}: {te(`labRole.${lab.role}`)}
                        </Badge>
                        <Badge tone={status.tone} icon={status.icon}>
                          {te(`labStatus.${lab.status}`)}
                        </Badge>
                        <Badge tone={vis.tone} icon={vis.icon}>
                          {te(`visibility.${lab.visibility}`)}
                        </Badge>
                      </div>
                    </div>
                    <dl className="grid grid-cols-3 gap-4 text-sm sm:w-80">
                      <div>
                        <dt className="text-xs text-muted">{t('milestones')}</dt>
                        <dd className="num text-lg font-semibold">{lab.milestoneCount}</dd>
                      </div>
                      <div>
                        <dt className="text-xs text-muted">{t('goals')}</dt>
                        <dd className="num text-lg font-semibold">{lab.goalCount}</dd>
                      </div>
                      <div>
                        <dt className="sr-only">{t('lateLabel')}</dt>
                        <dd className="pt-4">
                          {lab.lateMilestoneCount > 0 ? (
                            <Badge tone={lateLook.tone} icon={lateLook.icon}>
                              {t('late', { count: lab.lateMilestoneCount })}
                            </Badge>
                          ) : (
                            <span className="text-xs text-muted">{t('noneLate')}</span>
                          )}
                        </dd>
                      </div>
                    </dl>
                    <ChevronRight aria-hidden className="hidden size-5 text-muted group-hover:text-brand sm:block" />
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
