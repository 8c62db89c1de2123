import { getTranslations } from 'next-intl/server';
import { buttonClass, lineInputClass } from '@/app/_components/Form';
import { Link } from '@/app/_i18n/navigation';

/** The period of the report, as a plain GET form: the URL says which report this is, so it can be shared. */
export async function PeriodForm({
  action,
  base,
  values,
  errors,
  latest,
}: {
  action: string;
  base: string;
  values: { from?: string; to?: string };
  errors: Partial<Record<'from' | 'to', string>>;
  latest: string;
}) {
  const t = await getTranslations('report');
  const field = (name: 'from' | 'to') => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`report-${name}`} className="text-xs font-medium text-muted">
        {t(name)}
      </label>
      <input
        id={`report-${name}`}
        type="date"
        name={name}
        max={latest}
        defaultValue={values[name]}
        className={lineInputClass}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `report-${name}-error` : undefined}
      />
      {errors[name] ? (
        <p id={`report-${name}-error`} className="text-sm text-bad">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <form method="get" action={action} aria-label={t('periodLegend')} className="grid gap-3 sm:grid-cols-[11rem_11rem_auto] sm:items-start">
      {field('from')}
      {field('to')}
      <div className="flex flex-wrap items-center gap-2 sm:pt-5">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          {t('show')}
        </button>
        <Link href={base} className={buttonClass('ghost', 'sm')}>
          {t('lastMonth')}
        </Link>
      </div>
    </form>
  );
}
