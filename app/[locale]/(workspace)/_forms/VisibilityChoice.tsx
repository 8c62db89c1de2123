'use client';

import { Globe, Lock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { errorId } from '@/app/_components/Form';

/** Private or public, each with what it means, as a radio group. */
export function VisibilityChoice({ defaultValue, error }: { defaultValue: 'private' | 'public'; error?: string }) {
  const t = useTranslations('labSettings.visibility');
  const options = [
    { value: 'private', icon: Lock, label: t('private'), hint: t('privateHint') },
    { value: 'public', icon: Globe, label: t('public'), hint: t('publicHint') },
  ] as const;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? errorId('visibility') : undefined}>
      <legend className="mb-1 text-sm font-medium text-ink">{t('legend')}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer gap-3 rounded-lg border border-line-strong p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft"
          >
            <input type="radio" name="visibility" value={o.value} defaultChecked={defaultValue === o.value} className="mt-1 accent-brand" />
            <span>
              <span className="flex items-center gap-1.5 text-sm font-medium text-ink">
                <o.icon aria-hidden className="size-4" />
                {o.label}
              </span>
              <span className="mt-0.5 block text-xs text-ink-soft">{o.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId('visibility')} className="text-sm text-bad">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
