import { Search } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { buttonClass, inputClass } from '@/app/_components/Form';

/** A plain GET search form: works without JavaScript, and the query stays in the URL. */
export async function SearchForm({ query, label, placeholder }: { query: string; label: string; placeholder: string }) {
  const t = await getTranslations('admin');
  return (
    <form role="search" method="get" className="flex w-full max-w-md gap-2">
      <label htmlFor="q" className="sr-only">
        {label}
      </label>
      <input id="q" name="q" type="search" defaultValue={query} placeholder={placeholder} className={inputClass} />
      <button type="submit" className={buttonClass('secondary')}>
        <Search aria-hidden className="size-4" />
        <span className="sr-only sm:not-sr-only">{t('search')}</span>
      </button>
    </form>
  );
}
