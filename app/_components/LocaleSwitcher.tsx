'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Link, usePathname } from '../_i18n/navigation';

const LABELS = { en: 'EN', 'zh-CN': '中文' } as const;
const NAMES = { en: 'English', 'zh-CN': '简体中文' } as const;

/** Switches language on the same page; the choice is remembered in a cookie by the locale proxy. */
export function LocaleSwitcher() {
  return <LocaleLinks search={useSearchParams().toString()} />;
}

/**
 * The links without the query: what the server sends while LocaleSwitcher waits for the search
 * parameters (its Suspense fallback), so the page has its language links without JavaScript too.
 */
export function LocaleLinks({ search = '' }: { search?: string }) {
  const t = useTranslations('common');
  const locale = useLocale();
  const pathname = usePathname();
  const href = search ? `${pathname}?${search}` : pathname;
  return (
    <nav aria-label={t('language')} className="flex items-center rounded-lg border border-line bg-surface p-0.5 text-xs">
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((l) => (
        <Link
          key={l}
          href={href}
          locale={l}
          lang={l}
          hrefLang={l}
          aria-current={l === locale ? 'true' : undefined}
          className={
            l === locale
              ? 'whitespace-nowrap rounded-md bg-ink px-2 py-1 font-medium text-white'
              : 'whitespace-nowrap rounded-md px-2 py-1 text-ink-soft hover:bg-neutral-soft hover:text-ink'
          }
        >
          {/* As in the public pages' LocaleLinks: an aria-label without the visible "EN" fails WCAG 2.5.3. */}
          <span aria-hidden>{LABELS[l]}</span>
          <span className="sr-only">{NAMES[l]}</span>
        </Link>
      ))}
    </nav>
  );
}
