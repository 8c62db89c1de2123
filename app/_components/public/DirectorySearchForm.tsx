import { Search } from 'lucide-react';
import { publicPaths } from '@/server/domain/public-paths';
import type { SearchValues } from '@/server/documents/types';
import type { DirectoryFacets } from '@/server/services/public-search';
import { scoped, type I18n } from '@/app/_lib/i18n';
import { localized } from '@/app/_lib/localized';
import { buttonClass, Field, inputClass, invalidProps, selectClass } from '../Form';

/**
 * The directory search: a plain GET form, so it works without JavaScript and every search has a
 * URL that can be shared. Filters offer only the values the public labs actually have.
 */
export function DirectorySearchForm({
  i18n,
  facets,
  values = {},
  errors = {},
}: {
  i18n: I18n;
  facets: DirectoryFacets;
  values?: SearchValues;
  errors?: Record<string, string>;
}) {
  const { locale } = i18n;
  const t = scoped(i18n, 'directory');
  const te = scoped(i18n, 'enums');
  const active = Object.values(values).some(Boolean);
  const filters = [
    {
      name: 'sector',
      label: t('sector'),
      any: t('anySector'),
      options: facets.sector.map((o) => ({ value: o.value, label: te(`sector.${o.value}`) })),
    },
    {
      name: 'chain',
      label: t('chain'),
      any: t('anyChain'),
      options: facets.chain.map((o) => ({ value: o.value, label: localized(locale, o.labelEn, o.labelZh) })),
    },
    { name: 'region', label: t('region'), any: t('anyRegion'), options: facets.region.map((o) => ({ value: o.value, label: o.labelEn })) },
    {
      name: 'stage',
      label: t('stage'),
      any: t('anyStage'),
      options: facets.stage.map((o) => ({ value: o.value, label: te(`stage.${o.value}`) })),
    },
    {
      name: 'status',
      label: t('status'),
      any: t('anyStatus'),
      options: facets.status.map((o) => ({ value: o.value, label: te(`labStatus.${o.value}`) })),
    },
  ] as const;

  return (
    <form
      role="search"
      method="get"
      action={publicPaths.search(locale)}
      className="no-print rounded-xl border border-line bg-surface p-4 sm:p-5"
    >
      <Field label={t('searchLabel')} htmlFor="directory-q" error={errors.q} hint={t('searchHint')}>
        <div className="flex gap-2">
          <input
            id="directory-q"
            name="q"
            type="search"
            defaultValue={values.q ?? ''}
            maxLength={100}
            className={inputClass}
            {...(errors.q ? invalidProps('directory-q', errors.q) : { 'aria-describedby': 'directory-q-hint' })}
          />
          <button type="submit" className={buttonClass('primary')}>
            <Search aria-hidden className="size-4" />
            {t('searchSubmit')}
          </button>
        </div>
      </Field>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-ink">{t('filters')}</legend>
        <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {filters.map((filter) => {
            const id = `directory-${filter.name}`;
            const error = errors[filter.name];
            const asked = values[filter.name] ?? '';
            // Filters match without regard to case; show the option the way the labs spell it.
            const known = filter.options.find((o) => o.value.toLowerCase() === asked.toLowerCase());
            const current = error ? '' : (known?.value ?? asked);
            return (
              <Field
                key={filter.name}
                label={filter.label}
                htmlFor={id}
                error={error}
                className="min-w-0 [&>label]:text-xs [&>label]:text-muted"
              >
                <select id={id} name={filter.name} defaultValue={current} className={selectClass} {...invalidProps(id, error)}>
                  <option value="">{filter.any}</option>
                  {filter.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                  {/* A shared link may name a value no public lab has any more: keep it visible. */}
                  {current && !known ? <option value={current}>{current}</option> : null}
                </select>
              </Field>
            );
          })}
        </div>
      </fieldset>
      {active ? (
        <p className="mt-4 text-sm">
          <a href={publicPaths.directory(locale)} className="font-medium text-brand underline-offset-2 hover:underline">
            {t('clear')}
          </a>
        </p>
      ) : null}
    </form>
  );
}
