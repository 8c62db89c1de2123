import type { Locale } from '@/common/enums';

// The locales are spelled out here rather than imported: this module is also part of a client
// component (PublicLocaleLinks), and importing common/enums would send every enumeration of
// the app to the browser with it.
const LABELS: Record<Locale, string> = { en: 'EN', 'zh-CN': '中文' };
const NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };
const LOCALES = Object.keys(LABELS) as Locale[];

/**
 * The language switch of the public pages: plain links to the same page in each language.
 * `path` is the page's path after its locale (`/labs/new-display-lab`), `search` its query string
 * without the question mark, kept where the page is a search.
 */
export function LocaleLinks({ locale, label, path, search }: { locale: string; label: string; path: string; search: string }) {
  return (
    <nav aria-label={label} className="flex items-center rounded-lg border border-line bg-surface p-0.5 text-xs">
      {LOCALES.map((l) => (
        <a
          key={l}
          // Through /api/locale, which remembers the choice in its cookie: the page itself sets none.
          href={`/api/locale?to=${l}&next=${encodeURIComponent(`/${l}${path}${search ? `?${search}` : ''}`)}`}
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
