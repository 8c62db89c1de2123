import { ExternalLink } from 'lucide-react';
import type { PublicPartner } from '@/server/services/publication';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { localized, secondaryName } from '@/app/_lib/localized';
import { Badge } from '../Badge';
import { Section, SectionEmpty } from './Section';
import { regionName } from '@/server/domain/regions';

function PartnerName({ partner, locale }: { partner: PublicPartner; locale: string }) {
  const name = localized(locale, partner.nameEn, partner.nameZh);
  return partner.website ? (
    <a href={partner.website} rel="noopener noreferrer external" className="hover:text-brand hover:underline">
      {name}
      <ExternalLink aria-hidden className="ml-1 inline size-3 align-baseline text-muted" />
    </a>
  ) : (
    name
  );
}

/** Partners with role, type, tier, position in the chain and region: a table on wide screens, a list on phones. */
export function PartnersSection({ partners, i18n }: { partners: PublicPartner[]; i18n: I18n }) {
  const { locale } = i18n;
  const t = scoped(i18n, 'publicLab');
  const te = scoped(i18n, 'enums');
  const otherLang = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const details = (p: PublicPartner) => ({
    type: te(`organisationType.${p.type}`),
    tier: te(`organisationTier.${p.tier}`),
    chain: p.chainPosition ? te(`chainPosition.${p.chainPosition}`) : '—',
    region: regionName(locale, p.region) ?? '—',
  });

  return (
    <Section id="partners" title={t('partners')}>
      {partners.length === 0 ? (
        <SectionEmpty>{t('noPartners')}</SectionEmpty>
      ) : (
        <>
          <ul className="divide-y divide-line md:hidden print:hidden">
            {partners.map((p) => {
              const d = details(p);
              const other = secondaryName(locale, p.nameEn, p.nameZh);
              return (
                <li key={p.nameEn} className="px-5 py-3 text-sm">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-medium text-ink">
                        <PartnerName partner={p} locale={locale} />
                      </p>
                      {other ? (
                        <p lang={otherLang} className="text-xs text-muted">
                          {other}
                        </p>
                      ) : null}
                    </div>
                    <Badge tone={p.role === 'lead' ? 'brand' : 'neutral'}>{te(`participationRole.${p.role}`)}</Badge>
                  </div>
                  <p className="mt-1 text-xs text-ink-soft">{[d.type, d.tier, d.chain, d.region].filter((x) => x !== '—').join(' · ')}</p>
                </li>
              );
            })}
          </ul>
          <div className="hidden overflow-x-auto md:block print:block">
            <table className="w-full text-left text-sm" aria-labelledby="partners-heading">
              <thead className="bg-canvas text-xs text-muted">
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
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('partnerColumns.region')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {partners.map((p) => {
                  const d = details(p);
                  const other = secondaryName(locale, p.nameEn, p.nameZh);
                  return (
                    <tr key={p.nameEn} className="align-top">
                      <th scope="row" className="px-5 py-3 font-medium text-ink">
                        <PartnerName partner={p} locale={locale} />
                        {other ? (
                          <span lang={otherLang} className="block text-xs font-normal text-muted">
                            {other}
                          </span>
                        ) : null}
                      </th>
                      <td className="px-3 py-3">
                        <Badge tone={p.role === 'lead' ? 'brand' : 'neutral'}>{te(`participationRole.${p.role}`)}</Badge>
                      </td>
                      <td className="px-3 py-3 text-ink-soft">{d.type}</td>
                      <td className="px-3 py-3 text-ink-soft">{d.tier}</td>
                      <td className="px-3 py-3 text-ink-soft">{d.chain}</td>
                      <td className="px-5 py-3 text-ink-soft">{d.region}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}
