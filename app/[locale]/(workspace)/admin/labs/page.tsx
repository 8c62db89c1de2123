import { FlaskConical } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge, labStatusLook, visibilityLook } from '@/app/_components/Badge';
import { Card } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { localized, otherLang, secondaryName } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { requireAdmin } from '../require-admin';
import { AdminList, adminQuery } from '../AdminList';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin.labs' });
  return { title: t('title'), robots: { index: false } };
}

export default async function AdminLabsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin();
  const query = await adminQuery(searchParams);
  const labs = await (await serverApi()).labAdmin.list({ query });
  const t = await getTranslations('admin.labs');
  const te = await getTranslations('enums');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  // A lab's status and visibility, the same in the phone list and the table.
  const statusBadges = (lab: (typeof labs)[number]) => (
    <>
      <Badge tone={labStatusLook[lab.status].tone} icon={labStatusLook[lab.status].icon}>
        {te(`labStatus.${lab.status}`)}
      </Badge>
      <Badge tone={visibilityLook[lab.visibility].tone} icon={visibilityLook[lab.visibility].icon}>
        {te(`visibility.${lab.visibility}`)}
      </Badge>
    </>
  );

  return (
    <AdminList area="labs" count={labs.length} query={query} icon={<FlaskConical aria-hidden className="size-8" />}>
      <Card>
        <ul className="divide-y divide-line md:hidden" aria-label={t('title')}>
          {labs.map((lab) => (
            <li key={lab.id} className="px-4 py-3 text-sm">
              <Link href={`/workspace/labs/${lab.slug}`} className="font-medium text-ink hover:text-brand hover:underline">
                {localized(locale, lab.nameEn, lab.nameZh)}
              </Link>
              <p className="font-mono text-xs text-muted">{lab.slug}</p>
              <div className="mt-1.5 flex flex-wrap gap-1.5">
                {statusBadges(lab)}
                {lab.isDemo ? <Badge tone="warn">{tc('demoData')}</Badge> : null}
              </div>
              <p className="num mt-1.5 text-xs text-ink-soft">
                {t('peopleSummary', { managers: lab.managerCount, members: lab.memberCount })}
              </p>
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto md:block">
          <table className="w-full text-left text-sm" aria-labelledby="labs-heading">
            <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('columns.lab')}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('columns.slug')}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('columns.status')}
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  {t('columns.managers')}
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  {t('columns.members')}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('columns.created')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {labs.map((lab) => {
                const other = secondaryName(locale, lab.nameEn, lab.nameZh);
                return (
                  <tr key={lab.id} className="align-top">
                    <td className="px-4 py-2.5">
                      <Link href={`/workspace/labs/${lab.slug}`} className="font-medium text-ink hover:text-brand hover:underline">
                        {localized(locale, lab.nameEn, lab.nameZh)}
                      </Link>
                      {other ? <span lang={otherLang(locale)} className="block text-xs text-muted">{other}</span> : null}
                      {lab.isDemo ? (
                        <Badge tone="warn" className="mt-1">
                          {tc('demoData')}
                        </Badge>
                      ) : null}
                    </td>
                    <td className="px-4 py-2.5 font-mono text-xs text-ink-soft">{lab.slug}</td>
                    <td className="px-4 py-2.5">
                      <div className="flex flex-wrap gap-1.5">{statusBadges(lab)}</div>
                    </td>
                    <td className={`num px-4 py-2.5 text-right ${lab.managerCount === 0 ? 'font-medium text-warn' : ''}`}>
                      {lab.managerCount}
                    </td>
                    <td className="num px-4 py-2.5 text-right">{lab.memberCount}</td>
                    <td className="num whitespace-nowrap px-4 py-2.5 text-ink-soft">
                      {format.dateTime(lab.createdAt, { dateStyle: 'medium' })}
                    </td>
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
