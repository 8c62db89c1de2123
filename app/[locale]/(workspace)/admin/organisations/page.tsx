import { Building2 } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { localized, secondaryName } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { requireAdmin } from '../require-admin';
import { AdminList, adminQuery } from '../AdminList';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin.organisations' });
  return { title: t('title'), robots: { index: false } };
}

export default async function AdminOrganisationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin();
  const query = await adminQuery(searchParams);
  const organisations = await (await serverApi()).organisation.list({ query });
  const t = await getTranslations('admin.organisations');
  const te = await getTranslations('enums');

  return (
    <AdminList area="organisations" count={organisations.length} query={query} icon={<Building2 aria-hidden className="size-8" />}>
      <Card>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-labelledby="organisations-heading">
            <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('columns.organisation')}
                </th>
                <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
                  {t('columns.type')}
                </th>
                <th scope="col" className="hidden px-4 py-2 font-medium lg:table-cell">
                  {t('columns.chainPosition')}
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  {t('columns.labs')}
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  {t('columns.people')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {organisations.map((o) => {
                const other = secondaryName(locale, o.nameEn, o.nameZh);
                return (
                  <tr key={o.id} className="align-top">
                    <td className="px-4 py-2.5">
                      <Link href={`/admin/organisations/${o.id}`} className="font-medium text-ink hover:text-brand hover:underline">
                        {localized(locale, o.nameEn, o.nameZh)}
                      </Link>
                      <span className="block text-xs text-muted">
                        {[o.shortName !== o.nameEn ? o.shortName : null, other].filter(Boolean).join(' · ')}
                      </span>
                    </td>
                    <td className="hidden px-4 py-2.5 text-ink-soft sm:table-cell">
                      {te(`organisationType.${o.type}`)}
                      {o.tier !== 'other' ? <span className="block text-xs text-muted">{te(`organisationTier.${o.tier}`)}</span> : null}
                    </td>
                    <td className="hidden px-4 py-2.5 text-ink-soft lg:table-cell">
                      {o.chainPosition ? te(`chainPosition.${o.chainPosition}`) : '—'}
                    </td>
                    <td className="num px-4 py-2.5 text-right">{o.labCount}</td>
                    <td className="num px-4 py-2.5 text-right">{o.userCount}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
    </AdminList>
  );
}
