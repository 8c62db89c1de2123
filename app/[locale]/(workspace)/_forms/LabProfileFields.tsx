'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { LAB_STATUSES, SECTORS, STAGES } from '@/common/enums';
import { slugFrom } from '@/server/domain/slug';
import { DEFAULT_TIME_ZONE } from '@/server/domain/working-day';
import type { TimeZoneOption } from '@/app/_lib/time-zones';
import { SelectInput, TextArea, TextInput } from './inputs';

export type LabProfileValues = {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  acronymEn: string | null;
  acronymZh: string | null;
  objectiveEn: string;
  objectiveZh: string | null;
  sector: string;
  chainEn: string;
  chainZh: string | null;
  region: string | null;
  stage: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  timeZone: string;
};

/**
 * The fields of a lab's profile, English and Chinese side by side. For a new lab the slug follows
 * the English name until someone edits it.
 */
export function LabProfileFields({
  defaults,
  errors,
  timeZones,
  suggestSlug = false,
}: {
  defaults?: Partial<LabProfileValues>;
  errors: Record<string, string | undefined>;
  /** The time zones to choose from, made on the server (app/_lib/time-zones.ts). */
  timeZones: TimeZoneOption[];
  suggestSlug?: boolean;
}) {
  const t = useTranslations('labSettings.fields');
  const te = useTranslations('enums');
  const [nameEn, setNameEn] = useState(defaults?.nameEn ?? '');
  const [slug, setSlug] = useState(defaults?.slug ?? '');
  const [slugEdited, setSlugEdited] = useState(!suggestSlug);
  const shownSlug = slugEdited ? slug : slugFrom(nameEn);

  return (
    <div className="grid gap-x-5 gap-y-4 sm:grid-cols-2">
      <TextInput id="lab-nameEn" name="nameEn" label={t('nameEn')} required value={nameEn} onChange={setNameEn} error={errors.nameEn} />
      <TextInput id="lab-nameZh" name="nameZh" label={t('nameZh')} defaultValue={defaults?.nameZh} error={errors.nameZh} />
      <TextInput id="lab-acronymEn" name="acronymEn" label={t('acronymEn')} defaultValue={defaults?.acronymEn} error={errors.acronymEn} />
      <TextInput id="lab-acronymZh" name="acronymZh" label={t('acronymZh')} defaultValue={defaults?.acronymZh} error={errors.acronymZh} />
      <TextInput
        id="lab-slug"
        name="slug"
        label={t('slug')}
        required
        value={shownSlug}
        onChange={(v) => {
          setSlugEdited(true);
          setSlug(v);
        }}
        hint={t('slugHint')}
        error={errors.slug}
        className="sm:col-span-2"
      />
      <TextArea
        id="lab-objectiveEn"
        name="objectiveEn"
        label={t('objectiveEn')}
        rows={5}
        defaultValue={defaults?.objectiveEn}
        error={errors.objectiveEn}
      />
      <TextArea
        id="lab-objectiveZh"
        name="objectiveZh"
        label={t('objectiveZh')}
        rows={5}
        defaultValue={defaults?.objectiveZh}
        error={errors.objectiveZh}
      />
      <TextInput
        id="lab-chainEn"
        name="chainEn"
        label={t('chainEn')}
        required
        hint={t('chainHint')}
        defaultValue={defaults?.chainEn}
        error={errors.chainEn}
      />
      <TextInput id="lab-chainZh" name="chainZh" label={t('chainZh')} defaultValue={defaults?.chainZh} error={errors.chainZh} />
      <SelectInput
        id="lab-sector"
        name="sector"
        label={t('sector')}
        required
        defaultValue={defaults?.sector ?? SECTORS[0]}
        options={SECTORS.map((v) => ({ value: v, label: te(`sector.${v}`) }))}
        error={errors.sector}
      />
      <TextInput
        id="lab-region"
        name="region"
        label={t('region')}
        hint={t('regionHint')}
        defaultValue={defaults?.region}
        error={errors.region}
      />
      <SelectInput
        id="lab-stage"
        name="stage"
        label={t('stage')}
        required
        defaultValue={defaults?.stage ?? STAGES[0]}
        options={STAGES.map((v) => ({ value: v, label: te(`stage.${v}`) }))}
        error={errors.stage}
      />
      <SelectInput
        id="lab-status"
        name="status"
        label={t('status')}
        required
        defaultValue={defaults?.status ?? LAB_STATUSES[0]}
        options={LAB_STATUSES.map((v) => ({ value: v, label: te(`labStatus.${v}`) }))}
        error={errors.status}
      />
      <TextInput
        id="lab-startDate"
        name="startDate"
        type="date"
        label={t('startDate')}
        defaultValue={defaults?.startDate}
        error={errors.startDate}
      />
      <TextInput id="lab-endDate" name="endDate" type="date" label={t('endDate')} defaultValue={defaults?.endDate} error={errors.endDate} />
      <SelectInput
        id="lab-timeZone"
        name="timeZone"
        label={t('timeZone')}
        required
        hint={t('timeZoneHint')}
        defaultValue={defaults?.timeZone ?? DEFAULT_TIME_ZONE}
        options={timeZones}
        error={errors.timeZone}
        className="sm:col-span-2"
      />
    </div>
  );
}
