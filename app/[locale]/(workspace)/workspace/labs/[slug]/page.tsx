import { ExternalLink } from 'lucide-react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/app/_components/Badge';
import { GoalCard } from '@/app/_components/goals/GoalCard';
import { Card, CardHeader, Stat } from '@/app/_components/Page';
import { Link } from '@/app/_i18n/navigation';
import { formatIsoDate } from '@/app/_lib/dates';
import { localized, otherLang, secondaryName } from '@/app/_lib/localized';
import { serverApi } from '@/app/_trpc/server';
import { loadLab, orNotFound } from './lab-context';
import { regionName } from '@/server/domain/regions';

type Params = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, slug } = await params;
  const { lab } = await loadLab(slug);
  return { title: localized(locale, lab.nameEn, lab.nameZh), robots: { index: false } };
}

export default async function LabOverviewPage({ params }: Params) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  await loadLab(slug);
  const api = await serverApi();
  const { lab, technologies, partners, counts } = await orNotFound(api.lab.overview({ slug }));
  const goalList = await orNotFound(api.goal.list({ labId: lab.id }));
  const tg = await getTranslations('goals');
  const t = await getTranslations('lab');
  const te = await getTranslations('enums');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const dates = lab.startDate
    ? lab.endDate
      ? tc('dateRange', { start: formatIsoDate(format, lab.startDate), end: formatIsoDate(format, lab.endDate) })
      : tc('openEnded', { start: formatIsoDate(format, lab.startDate) })
    : tc('notSet');

  return (
    <>
      <h2 className="sr-only">{t('overview')}</h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label={t('stats.milestones')} value={counts.milestones.total} hint={t('stats.done', { count: counts.milestones.done })} />
        <Stat label={t('stats.late')} value={counts.milestones.late} tone={counts.milestones.late > 0 ? 'bad' : undefined} />
        <Stat label={t('stats.atRisk')} value={counts.milestones.atRisk} tone={counts.milestones.atRisk > 0 ? 'warn' : undefined} />
        <Stat label={t('stats.goals')} value={counts.goals} />
        <Stat label={t('stats.members')} value={counts.members} />
      </dl>

      <section className="mt-6" aria-labelledby="overview-goals-heading">
        <div className="mb-3 flex items-baseline justify-between gap-3">
          <h3 id="overview-goals-heading" className="text-[0.95rem] font-semibold text-ink">
            {tg('overviewTitle')}
          </h3>
          <Link href={`/workspace/labs/${lab.slug}/goals`} className="no-print text-sm font-medium text-brand hover:underline">
            {tg('allGoals')}
          </Link>
        </div>
        {goalList.goals.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line-strong bg-surface px-5 py-4 text-sm text-ink-soft">
            {goalList.canManage ? tg('emptyManager') : tg('overviewEmpty')}
          </p>
        ) : (
          <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2" aria-labelledby="overview-goals-heading">
            {goalList.goals.map((goal) => (
              <li key={goal.id}>
                <GoalCard goal={goal} href={`/workspace/labs/${lab.slug}/goals/${goal.id}`} today={goalList.today} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t('profile')} />
          <div className="px-5 py-4">
            <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{t('objective')}</h3>
            <p className="mt-1 leading-relaxed text-ink">{localized(locale, lab.objectiveEn, lab.objectiveZh)}</p>
            <dl className="mt-5 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <ProfileItem label={t('sector')} value={te(`sector.${lab.sector}`)} />
              <ProfileItem label={t('chain')} value={localized(locale, lab.chainEn, lab.chainZh)} />
              <ProfileItem label={t('region')} value={regionName(locale, lab.region) ?? tc('notSet')} />
              <ProfileItem label={t('dates')} value={<span className="num">{dates}</span>} />
            </dl>
          </div>
        </Card>
        <Card>
          <CardHeader title={t('technologies')} />
          {technologies.length === 0 ? (
            <p className="px-5 py-4 text-sm text-muted">{t('noTechnologies')}</p>
          ) : (
            <ul className="divide-y divide-line">
              {technologies.map((tech) => (
                <li key={tech.id} className="px-5 py-2.5 text-sm">
                  <span className="text-ink">{localized(locale, tech.nameEn, tech.nameZh)}</span>
                  {secondaryName(locale, tech.nameEn, tech.nameZh) ? (
                    <span lang={otherLang(locale)} className="block text-xs text-muted">
                      {secondaryName(locale, tech.nameEn, tech.nameZh)}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader id="partners-heading" title={t('partners')} />
        {partners.length === 0 ? (
          <p className="px-5 py-4 text-sm text-muted">{t('noPartners')}</p>
        ) : (
          <>
            <ul className="divide-y divide-line md:hidden">
              {partners.map((p) => (
                <li key={p.participationId} className="px-5 py-3 text-sm">
                  <div className="flex items-start justify-between gap-3">
                    <div>
                      <p className="font-medium text-ink">{localized(locale, p.nameEn, p.nameZh)}</p>
                      {secondaryName(locale, p.nameEn, p.nameZh) ? (
                        <p lang={otherLang(locale)} className="text-xs text-muted">
                          {secondaryName(locale, p.nameEn, p.nameZh)}
                        </p>
                      ) : null}
                    </div>
                    <Badge tone={p.role === 'lead' ? 'brand' : 'neutral'}>{te(`participationRole.${p.role}`)}</Badge>
                  </div>
                  <p className="mt-1 text-xs text-ink-soft">
                    {[
                      te(`organisationType.${p.type}`),
                      te(`organisationTier.${p.tier}`),
                      p.chainPosition ? te(`chainPosition.${p.chainPosition}`) : null,
                      regionName(locale, p.region),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  {p.contribution ? <p className="mt-1 text-xs text-muted">{p.contribution}</p> : null}
                </li>
              ))}
            </ul>
            <div className="hidden overflow-x-auto md:block">
              <table className="w-full min-w-[720px] text-left text-sm" aria-labelledby="partners-heading">
                <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
                  <tr>
                    <th scope="col" className="px-5 py-2 font-medium">
                      {t('partnerColumns.organisation')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t('partnerColumns.role')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t('partnerColumns.type')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t('partnerColumns.tier')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t('partnerColumns.chainPosition')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t('partnerColumns.region')}
                    </th>
                    <th scope="col" className="px-5 py-2 font-medium">
                      {t('partnerColumns.contribution')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {partners.map((p) => (
                    <tr key={p.participationId} className="align-top">
                      <th scope="row" className="px-5 py-3 font-medium text-ink">
                        {p.website ? (
                          <a href={p.website} target="_blank" rel="noopener noreferrer" className="hover:text-brand hover:underline">
                            {localized(locale, p.nameEn, p.nameZh)}
                            <ExternalLink aria-hidden className="ml-1 inline size-3 align-baseline text-muted" />
                          </a>
                        ) : (
                          localized(locale, p.nameEn, p.nameZh)
                        )}
                        {secondaryName(locale, p.nameEn, p.nameZh) ? (
                          <span lang={otherLang(locale)} className="block text-xs font-normal text-muted">
                            {secondaryName(locale, p.nameEn, p.nameZh)}
                          </span>
                        ) : null}
                      </th>
                      <td className="px-3 py-3">
                        <Badge tone={p.role === 'lead' ? 'brand' : 'neutral'}>{te(`participationRole.${p.role}`)}</Badge>
                      </td>
                      <td className="px-3 py-3 text-ink-soft">{te(`organisationType.${p.type}`)}</td>
                      <td className="px-3 py-3 text-ink-soft">{te(`organisationTier.${p.tier}`)}</td>
                      <td className="px-3 py-3 text-ink-soft">{p.chainPosition ? te(`chainPosition.${p.chainPosition}`) : '—'}</td>
                      <td className="px-3 py-3 text-ink-soft">{regionName(locale, p.region) ?? '—'}</td>
                      <td className="px-5 py-3 text-ink-soft">{p.contribution ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Card>
    </>
  );
}

function ProfileItem({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 text-ink">{value}</dd>
    </div>
  );
}
