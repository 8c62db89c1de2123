import type { PublicFactSheet } from '@/server/services/public-fact-sheet';
import { formatIsoDate } from '@/app/_lib/dates';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { localized, secondaryName } from '@/app/_lib/localized';
import { Section, SectionEmpty } from './Section';
import { regionName } from '@/server/domain/regions';

/** Objective, key facts and the stuck-neck technologies of a public lab. */
export function ProfileSection({ sheet, i18n }: { sheet: PublicFactSheet; i18n: I18n }) {
  const { lab, technologies } = sheet;
  const { locale, format } = i18n;
  const t = scoped(i18n, 'publicLab');
  const te = scoped(i18n, 'enums');
  const tc = scoped(i18n, 'common');
  const dates = lab.startDate
    ? lab.endDate
      ? tc('dateRange', { start: formatIsoDate(format, lab.startDate), end: formatIsoDate(format, lab.endDate) })
      : tc('openEnded', { start: formatIsoDate(format, lab.startDate) })
    : tc('notSet');
  const facts = [
    [t('sector'), te(`sector.${lab.sector}`)],
    [t('chain'), localized(locale, lab.chainEn, lab.chainZh)],
    [t('region'), regionName(locale, lab.region) ?? tc('notSet')],
    [t('stage'), te(`stage.${lab.stage}`)],
    [t('status'), te(`labStatus.${lab.status}`)],
    [t('dates'), dates],
  ] as const;

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Section id="facts" title={t('facts')} className="lg:col-span-2">
        <div className="px-5 py-4">
          <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{t('objective')}</h3>
          <p className="mt-1 leading-relaxed text-ink">{localized(locale, lab.objectiveEn, lab.objectiveZh)}</p>
          <dl className="mt-5 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            {facts.map(([label, value]) => (
              <div key={label} className="min-w-0">
                <dt className="text-xs text-muted">{label}</dt>
                <dd className="num mt-0.5 text-ink">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </Section>
      <Section id="technologies" title={t('technologies')}>
        {technologies.length === 0 ? (
          <SectionEmpty>{t('noTechnologies')}</SectionEmpty>
        ) : (
          <ul className="divide-y divide-line">
            {technologies.map((tech) => {
              const other = secondaryName(locale, tech.nameEn, tech.nameZh);
              return (
                <li key={tech.nameEn} className="px-5 py-2.5 text-sm">
                  <span className="text-ink">{localized(locale, tech.nameEn, tech.nameZh)}</span>
                  {other ? (
                    <span lang={locale === 'zh-CN' ? 'en' : 'zh-CN'} className="block text-xs text-muted">
                      {other}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </div>
  );
}
