'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorId, inputClass, StatusMessage, SubmitButton } from '@/app/_components/Form';
import { FormErrorSummary, useFormErrors } from '@/app/_components/FormErrors';
import { useRouter } from '@/app/_i18n/navigation';
import { localized } from '@/app/_lib/localized';
import { useTRPC } from '@/app/_trpc/client';
import { focusFirstError, formValues } from '@/app/[locale]/(workspace)/_forms/inputs';
import { ORGANISATION_FIELD_NAMES, OrganisationFields } from '@/app/[locale]/(workspace)/_forms/OrganisationFields';
import { ParticipationFields } from './ParticipationFields';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Adds a partner: an organisation found by name, or a new one, with its role in the lab. */
export function AddPartnerForm({ labId }: { labId: number }) {
  const t = useTranslations('labSettings.partners');
  const te = useTranslations('enums');
  const tf = useTranslations('forms');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const add = useMutation(trpc.partner.add.mutationOptions());
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const search = useQuery(
    trpc.partner.searchOrganisations.queryOptions({ labId, query: useDebounced(query, 250) }, { enabled: mode === 'existing' }),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    setAdded(null);
    const values = formValues(event.currentTarget);
    const participation = { role: values.role, joinedOn: values.joinedOn, contribution: values.contribution, budgetCny: values.budgetCny };
    if (mode === 'existing' && chosen === null) {
      errors.setLocal('organisationId', t('chooseOrganisation'));
      focusFirstError(formRef.current);
      return;
    }
    const organisation =
      mode === 'existing'
        ? { organisationId: chosen! }
        : { newOrganisation: Object.fromEntries(ORGANISATION_FIELD_NAMES.map((f) => [f, values[f] ?? ''])) };
    try {
      await add.mutateAsync({ labId, ...organisation, ...participation } as never);
      const name = mode === 'existing' ? search.data?.find((o) => o.id === chosen)?.nameEn : values.nameEn;
      setAdded(name ?? '');
      setChosen(null);
      setQuery('');
      setAttempt((n) => n + 1);
      router.refresh();
    } catch (error) {
      errors.set(error);
      focusFirstError(formRef.current);
    }
  }

  // Errors of the new organisation's fields arrive as "newOrganisation.<field>".
  const organisationErrors = Object.fromEntries(
    Object.entries(errors.fields).flatMap(([k, v]) => (k.startsWith('newOrganisation.') ? [[k.slice('newOrganisation.'.length), v]] : [])),
  );

  return (
    <form key={attempt} ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <StatusMessage>{added !== null ? t('added', { name: added }) : null}</StatusMessage>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-ink">{t('which')}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              value="existing"
              checked={mode === 'existing'}
              onChange={() => setMode('existing')}
              className="accent-brand"
            />
            {t('existing')}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="new" checked={mode === 'new'} onChange={() => setMode('new')} className="accent-brand" />
            {t('createNew')}
          </label>
        </div>
      </fieldset>

      {mode === 'existing' ? (
        <div className="flex flex-col gap-2">
          <label htmlFor="partner-search" className="text-sm font-medium text-ink">
            {t('search')}
          </label>
          <div className="relative max-w-md">
            <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted" />
            <input
              id="partner-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('searchPlaceholder')}
              className={`${inputClass} pl-9`}
              aria-controls="partner-results"
              autoComplete="off"
            />
          </div>
          <fieldset
            id="partner-results"
            className="flex flex-col gap-1"
            aria-busy={search.isFetching}
            {...(errors.fields.organisationId ? { 'aria-invalid': true, 'aria-describedby': errorId('partner-results') } : {})}
          >
            <legend className="sr-only">{t('results')}</legend>
            {search.data && search.data.length === 0 ? (
              <p className="text-sm text-muted">{t('noResults')}</p>
            ) : (
              <ul className="grid max-h-72 gap-1 overflow-y-auto sm:grid-cols-2">
                {(search.data ?? []).map((o) => (
                  <li key={o.id}>
                    <label
                      className={`flex items-start gap-2 rounded-lg border px-3 py-2 text-sm ${
                        o.isPartner
                          ? 'border-line bg-neutral-soft text-muted'
                          : 'cursor-pointer border-line-strong has-[:checked]:border-brand has-[:checked]:bg-brand-soft'
                      }`}
                    >
                      <input
                        type="radio"
                        name="organisationId"
                        value={o.id}
                        disabled={o.isPartner}
                        checked={chosen === o.id}
                        onChange={() => setChosen(o.id)}
                        className="mt-0.5 accent-brand"
                      />
                      <span className="min-w-0">
                        <span className="block font-medium">{localized(locale, o.nameEn, o.nameZh)}</span>
                        <span className="block text-xs text-muted">
                          {[te(`organisationType.${o.type}`), o.region, o.isPartner ? t('alreadyPartner') : null]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {errors.fields.organisationId ? (
              <p id={errorId('partner-results')} className="text-sm text-bad">
                {errors.fields.organisationId}
              </p>
            ) : null}
          </fieldset>
        </div>
      ) : (
        <OrganisationFields prefix="partner-new" errors={organisationErrors} />
      )}

      <div className="border-t border-line pt-5">
        <ParticipationFields prefix="partner-add" errors={errors.fields} />
      </div>
      <FormErrorSummary errors={errors} />
      <div>
        <SubmitButton pending={add.isPending} pendingLabel={tf('saving')}>
          {t('add')}
        </SubmitButton>
      </div>
    </form>
  );
}
