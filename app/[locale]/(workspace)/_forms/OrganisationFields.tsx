'use client';

import { useTranslations } from 'next-intl';
import { CHAIN_POSITIONS, ORGANISATION_TIERS, ORGANISATION_TYPES } from '@/common/enums';
import { SelectInput, TextInput } from './inputs';

export type OrganisationValues = {
  nameEn: string;
  nameZh: string | null;
  shortName: string;
  legalName: string;
  type: string;
  tier: string;
  chainPosition: string | null;
  region: string | null;
  website: string | null;
};

export const ORGANISATION_FIELD_NAMES = [
  'nameEn',
  'nameZh',
  'shortName',
  'legalName',
  'type',
  'tier',
  'chainPosition',
  'region',
  'website',
] as const;

/** The fields of an organisation record; `prefix` keeps ids unique when two such forms share a page. */
export function OrganisationFields({
  prefix,
  defaults,
  errors,
}: {
  prefix: string;
  defaults?: Partial<OrganisationValues>;
  errors: Record<string, string | undefined>;
}) {
  const t = useTranslations('admin.organisations.fields');
  const te = useTranslations('enums');
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="grid gap-x-5 gap-y-4 sm:grid-cols-2">
      <TextInput id={id('nameEn')} name="nameEn" label={t('nameEn')} required defaultValue={defaults?.nameEn} error={errors.nameEn} />
      <TextInput id={id('nameZh')} name="nameZh" label={t('nameZh')} defaultValue={defaults?.nameZh} error={errors.nameZh} />
      <TextInput
        id={id('shortName')}
        name="shortName"
        label={t('shortName')}
        hint={t('shortNameHint')}
        defaultValue={defaults?.shortName}
        error={errors.shortName}
      />
      <TextInput
        id={id('legalName')}
        name="legalName"
        label={t('legalName')}
        hint={t('legalNameHint')}
        defaultValue={defaults?.legalName}
        error={errors.legalName}
      />
      <SelectInput
        id={id('type')}
        name="type"
        label={t('type')}
        required
        defaultValue={defaults?.type ?? 'enterprise'}
        options={ORGANISATION_TYPES.map((v) => ({ value: v, label: te(`organisationType.${v}`) }))}
        error={errors.type}
      />
      <SelectInput
        id={id('tier')}
        name="tier"
        label={t('tier')}
        defaultValue={defaults?.tier ?? 'other'}
        options={ORGANISATION_TIERS.map((v) => ({ value: v, label: te(`organisationTier.${v}`) }))}
        error={errors.tier}
      />
      <SelectInput
        id={id('chainPosition')}
        name="chainPosition"
        label={t('chainPosition')}
        defaultValue={defaults?.chainPosition}
        empty={t('notSet')}
        options={CHAIN_POSITIONS.map((v) => ({ value: v, label: te(`chainPosition.${v}`) }))}
        error={errors.chainPosition}
      />
      <TextInput id={id('region')} name="region" label={t('region')} defaultValue={defaults?.region} error={errors.region} />
      <TextInput
        id={id('website')}
        name="website"
        type="url"
        label={t('website')}
        hint={t('websiteHint')}
        defaultValue={defaults?.website}
        error={errors.website}
        className="sm:col-span-2"
      />
    </div>
  );
}
