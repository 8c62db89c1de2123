'use client';

import { useTranslations } from 'next-intl';
import { PARTICIPATION_ROLES } from '@/common/enums';
import { SelectInput, TextArea, TextInput } from '@/app/[locale]/(workspace)/_forms/inputs';

export type ParticipationValues = { role: string; joinedOn: string | null; contribution: string | null; budgetCny: number | null };

/** Role, date joined, contribution and budget of an organisation in the lab. */
export function ParticipationFields({
  prefix,
  defaults,
  errors,
}: {
  prefix: string;
  defaults?: Partial<ParticipationValues>;
  errors: Record<string, string | undefined>;
}) {
  const t = useTranslations('labSettings.partners.fields');
  const te = useTranslations('enums');
  return (
    <div className="grid gap-x-5 gap-y-4 sm:grid-cols-3">
      <SelectInput
        id={`${prefix}-role`}
        name="role"
        label={t('role')}
        required
        defaultValue={defaults?.role ?? 'core_partner'}
        options={PARTICIPATION_ROLES.map((r) => ({ value: r, label: te(`participationRole.${r}`) }))}
        error={errors.role}
      />
      <TextInput
        id={`${prefix}-joinedOn`}
        name="joinedOn"
        type="date"
        label={t('joinedOn')}
        defaultValue={defaults?.joinedOn}
        error={errors.joinedOn}
      />
      <TextInput
        id={`${prefix}-budgetCny`}
        name="budgetCny"
        inputMode="numeric"
        label={t('budgetCny')}
        hint={t('budgetHint')}
        defaultValue={defaults?.budgetCny}
        error={errors.budgetCny}
      />
      <TextArea
        id={`${prefix}-contribution`}
        name="contribution"
        label={t('contribution')}
        hint={t('contributionHint')}
        defaultValue={defaults?.contribution}
        error={errors.contribution}
        rows={2}
        className="sm:col-span-3"
      />
    </div>
  );
}
