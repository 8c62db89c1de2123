import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Badge, visibilityLook } from '@/app/_components/Badge';
import { Card, CardHeader } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { localized, otherLang, secondaryName } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { orNotFound, orNull } from '@/app/[locale]/(workspace)/workspace/labs/[slug]/lab-context';
import { requireAdmin } from '@/app/[locale]/(workspace)/admin/require-admin';
import { OrganisationForm } from '../OrganisationForm';
import { MergeForm } from './MergeForm';

type Props = { params: Promise<{ locale: string; id: string }> };

function idOf(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  await requireAdmin();
  const orgId = Number(id);
  // Not found is the page's to answer (orNull); here it only means no title.
  const found =
    Number.isSafeInteger(orgId) && orgId > 0 ? await orNull(async () => (await serverApi()).organisation.get({ id: orgId })) : null;
  return { ...(found ? { title: localized(locale, found.organisation.nameEn, found.organisation.nameZh) } : {}), robots: { index: false } };
}

export default async function OrganisationPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireAdmin();
  const api = await serverApi();
  const detail = await orNotFound(api.organisation.get({ id: idOf(id) }));
  const others = (await api.organisation.list()).filter((o) => o.id !== detail.organisation.id);
  const t = await getTranslations('admin.organisations');
  const te = await getTranslations('enums');
  const { organisation: org, labs, people, counts } = detail;
  const name = localized(locale, org.nameEn, org.nameZh);
  const other = secondaryName(locale, org.nameEn, org.nameZh);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/organisations" className="inline-flex items-center gap-1 text-sm text-muted hover:text-ink hover:underline">
          <ArrowLeft aria-hidden className="size-4" />
          {t('backToList')}
        </Link>
        <h2 className="mt-2 text-xl font-semibold">{name}</h2>
        {other ? <p lang={otherLang(locale)} className="text-sm text-muted">{other}</p> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-5 sm:p-6 lg:col-span-2">
          <h3 className="text-base font-semibold">{t('editTitle')}</h3>
          <OrganisationForm existing={org} />
        </Card>
        <Card>
          <CardHeader id="takes-part" title={t('takesPart')} />
          {labs.length === 0 ? (
            <p className="px-5 py-4 text-sm text-muted">{t('noLabs')}</p>
          ) : (
            <ul className="divide-y divide-line" aria-labelledby="takes-part">
              {labs.map((l) => (
                <li key={l.participationId} className="flex flex-wrap items-center justify-between gap-2 px-5 py-2.5 text-sm">
                  <Link href={`/workspace/labs/${l.slug}`} className="text-ink hover:text-brand hover:underline">
                    {localized(locale, l.nameEn, l.nameZh)}
                  </Link>
                  <span className="flex gap-1.5">
                    <Badge tone={l.role === 'lead' ? 'brand' : 'neutral'}>{te(`participationRole.${l.role}`)}</Badge>
                    <Badge tone={visibilityLook[l.visibility].tone} icon={visibilityLook[l.visibility].icon}>
                      {te(`visibility.${l.visibility}`)}
                    </Badge>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-line px-5 py-3">
            <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{t('people')}</h3>
            {people.length === 0 ? (
              <p className="mt-1 text-sm text-muted">{t('noPeople')}</p>
            ) : (
              <ul className="mt-1 text-sm">
                {people.map((p) => (
                  <li key={p.id} className="py-0.5">
                    {p.name} <span className="text-xs text-muted">{p.email}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <dl className="num grid grid-cols-3 gap-2 border-t border-line px-5 py-3 text-sm">
            <div>
              <dt className="text-xs text-muted">{t('ownsMilestones')}</dt>
              <dd className="font-semibold">{counts.milestones}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted">{t('ownsGoals')}</dt>
              <dd className="font-semibold">{counts.goals}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted">{t('pendingInvitations')}</dt>
              <dd className="font-semibold">{counts.pendingInvitations}</dd>
            </div>
          </dl>
        </Card>
      </div>
      <Card className="p-5 sm:p-6">
        <h3 className="text-base font-semibold">{t('merge.title')}</h3>
        <p className="mt-1 max-w-3xl text-sm text-ink-soft">{t('merge.intro', { name })}</p>
        <MergeForm
          keep={{ id: org.id, version: org.version, name }}
          candidates={others.map((o) => ({
            id: o.id,
            version: o.version,
            name: localized(locale, o.nameEn, o.nameZh),
            shortName: o.shortName,
            labCount: o.labCount,
            userCount: o.userCount,
          }))}
        />
      </Card>
    </div>
  );
}
