import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '@/playwright.config';
import { unnamedClasses } from './unnamed-classes';

// The public documents as a browser reads them: the renderer's real HTML (react-dom/server),
// parsed by Chromium itself, with scripts off as they are on the public pages.

export type ReadDocument = {
  lang: string;
  title: string;
  /** <meta> by name or property. */
  meta: Record<string, string>;
  canonical: string | null;
  /** hreflang → href */
  alternates: Record<string, string>;
  feed: { href: string; title: string } | null;
  stylesheets: string[];
  scripts: { type: string | null; text: string }[];
  mains: number;
  h1: string[];
  /** The hrefs of the links in the body. */
  links: string[];
  /** Every class any element carries (HTML and inline SVG). */
  classes: string[];
  /** The whole document's markup as the browser holds it, and the text of its body. */
  markup: string;
  text: string;
};

let browser: Browser | undefined;

/** Where a document's language link for `locale` leads: through /api/locale, on to the same page. */
export function languageLink(locale: string, pathAndQuery: string): string {
  return `/api/locale?to=${locale}&next=${encodeURIComponent(`/${locale}${pathAndQuery}`)}`;
}

export async function readDocuments(htmls: string[]): Promise<ReadDocument[]> {
  browser ??= await chromium.launch(chromiumLaunchOptions);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Nothing the documents link to is fetched: they are read as markup only.
  await page.route('**/*', (route) => route.abort());
  const read: ReadDocument[] = [];
  for (const html of htmls) {
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    read.push(
      await page.evaluate(() => {
        const attr = (selector: string, name: string) => document.querySelector(selector)?.getAttribute(name) ?? null;
        const meta: Record<string, string> = {};
        for (const m of document.querySelectorAll('meta')) {
          const key = m.getAttribute('name') ?? m.getAttribute('property');
          if (key) meta[key] = m.getAttribute('content') ?? '';
        }
        const feed = document.querySelector('link[rel="alternate"][type="application/atom+xml"]');
        return {
          lang: document.documentElement.lang,
          title: document.title,
          meta,
          canonical: attr('link[rel="canonical"]', 'href'),
          alternates: Object.fromEntries(
            [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [
              l.getAttribute('hreflang'),
              l.getAttribute('href'),
            ]),
          ),
          feed: feed ? { href: feed.getAttribute('href') ?? '', title: feed.getAttribute('title') ?? '' } : null,
          stylesheets: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href') ?? ''),
          scripts: [...document.scripts].map((s) => ({ type: s.getAttribute('type'), text: s.textContent ?? '' })),
          mains: document.querySelectorAll('main').length,
          h1: [...document.querySelectorAll('h1')].map((h) => h.textContent ?? ''),
          links: [...document.body.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
          classes: [...new Set([...document.querySelectorAll('[class]')].flatMap((e) => [...e.classList]))],
          markup: document.documentElement.outerHTML,
          text: document.body.textContent ?? '',
        };
      }),
    );
  }
  await context.close();
  return read;
}

/**
 * The classes of `classes` that no rule of `css` selects, as Chromium reads the stylesheet: a class
 * counts as styled when some selector names it (escaped the way the browser writes it).
 */
export async function unstyledClasses(css: string, classes: string[]): Promise<string[]> {
  browser ??= await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><head></head><body></body></html>');
  await page.addStyleTag({ content: css });
  const missing = await page.evaluate(unnamedClasses, classes);
  await page.close();
  return missing;
}

export async function closeDocumentBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}
