'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import type { Locale } from '../../../server/domain/enums';

// The locales are spelled out here rather than imported: importing server/domain/enums would send
// every enumeration of the app to the browser with this one small component.
const LABELS: Record<Locale, string> = { en: 'EN', 'zh-CN': '中文' };
const NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };
const LOCALES = Object.keys(LABELS) as Locale[];

type Props = { locale: string; label: string };

function Links({ locale, label, search }: Props & { search: string }) {
  // The same page in the other language: swap the locale at the start of the path.
  const rest = usePathname().replace(/^\/(en|zh-CN)(?=\/|$)/, '');
  return (
    <nav aria-label={label} className="flex items-center rounded-lg border border-line bg-surface p-0.5 text-xs">
      {LOCALES.map((l) => (
        <a
          key={l}
          href={`/api/locale?to=${l}&next=${encodeURIComponent(`/${l}${rest}${search ? `?${search}` : ''}`)}`}
          lang={l}
          hrefLang={l}
          aria-current={l === locale ? 'true' : undefined}
          className={
            l === locale
              ? 'whitespace-nowrap rounded-md bg-ink px-2 py-1 font-medium text-white'
              : 'whitespace-nowrap rounded-md px-2 py-1 text-ink-soft hover:bg-neutral-soft hover:text-ink'
          }
        >
          {/* The short label is what sighted readers see; screen readers hear the language's full name
              (an aria-label that does not contain the visible "EN" would fail WCAG 2.5.3, label in name). */}
          <span aria-hidden>{LABELS[l]}</span>
          <span className="sr-only">{NAMES[l]}</span>
        </a>
      ))}
    </nav>
  );
}

function LinksWithSearch(props: Props) {
  return <Links {...props} search={useSearchParams().toString()} />;
}

/**
 * The language switch of the public pages: plain links, no translation runtime in the browser.
 * Cached pages cannot read the query string while rendering, so the fallback (in the HTML, working
 * without JavaScript) links the path alone; the search page also keeps its query.
 */
export function PublicLocaleLinks(props: Props) {
  return (
    <Suspense fallback={<Links {...props} search="" />}>
      <LinksWithSearch {...props} />
    </Suspense>
  );
}
