import { MapPin } from 'lucide-react';
import { publicPaths } from '@/server/domain/public-paths';
import type { PublicLabCard } from '@/server/services/publication';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { localized, secondaryName } from '@/app/_lib/localized';
import { Badge, labStatusLook } from '../Badge';
import { Card } from '../Page';
import { regionName } from '@/server/domain/regions';

/** The directory's cards: one per public lab, each leading to its fact sheet. */
export function LabCards({ labs, i18n, label }: { labs: PublicLabCard[]; i18n: I18n; label: string }) {
  const { locale } = i18n;
  const t = scoped(i18n, 'directory');
  const te = scoped(i18n, 'enums');
  const tc = scoped(i18n, 'common');
  return (
    <ul className="grid gap-4 md:grid-cols-2" aria-label={label}>
      {labs.map((lab) => {
        const name = localized(locale, lab.nameEn, lab.nameZh);
        const other = secondaryName(locale, lab.nameEn, lab.nameZh);
        const status = labStatusLook[lab.status];
        return (
          <Card as="li" key={lab.slug} className="relative flex flex-col p-5 transition-shadow focus-within:shadow-md hover:shadow-md">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={status.tone} icon={status.icon}>
                {te(`labStatus.${lab.status}`)}
              </Badge>
              <Badge tone="brand">{te(`stage.${lab.stage}`)}</Badge>
              {lab.isDemo ? <Badge tone="warn">{tc('demoData')}</Badge> : null}
            </div>
            <h2 className="mt-3 text-lg font-semibold leading-snug text-ink">
              {/* The whole card is clickable; the link itself stays the heading for screen readers. */}
              <a href={publicPaths.factSheet(locale, lab.slug)} className="after:absolute after:inset-0 after:rounded-xl hover:text-brand">
                {name}
              </a>
              {lab.acronymEn ? <span className="ml-2 text-sm font-normal text-muted">{lab.acronymEn}</span> : null}
            </h2>
            {other ? (
              <p lang={locale === 'zh-CN' ? 'en' : 'zh-CN'} className="text-sm text-muted">
                {other}
              </p>
            ) : null}
            <p className="mt-2 line-clamp-3 text-sm leading-relaxed text-ink-soft">{localized(locale, lab.objectiveEn, lab.objectiveZh)}</p>
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
                    {regionName(locale, lab.region)}
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
  );
}
