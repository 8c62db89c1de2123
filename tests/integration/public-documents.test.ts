import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '@/app/_documents/renderer';
import type { DocumentRequest } from '@/server/documents/types';
import type { DB } from '@/db/client';
import { demoLabs } from '@/server/cli/demo/demo-data';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { directoryAnswer, factSheetAnswer, searchAnswer, type DocumentAnswer } from '@/server/documents/answers';
import { LOCALES } from '@/common/enums';
import { translate } from '@/server/i18n';
import { closeDocumentBrowser, languageLink, readDocuments } from '../helpers/documents';
import { freshDb, sessionUser } from '../helpers/db';

// The public documents as the renderer writes them (react-dom/server, the code the worker runs),
// from the data the route handlers read through the allow-lists, read back by Chromium: a complete
// head for search engines and link previews, one main landmark and heading, no script but the
// structured data, and nothing that is not published (decisions 012, 016 and 019).

const ASSETS = { stylesheet: '/assets/documents.0123456789abcdef.css' };
const ORIGIN = 'http://localhost:3000';
const privateLab = demoLabs.find((l) => l.visibility === 'private')!;
/** What must never reach the public: the private lab's names and every unpublished title. */
const SECRETS = [
  'Confidential',
  '保密：',
  privateLab.slug,
  privateLab.nameEn,
  privateLab.nameZh!,
  ...demoLabs.flatMap((l) => [
    ...l.milestones.filter((m) => !m.isPublic).map((m) => m.title),
    ...l.goals.filter((g) => !g.isPublic).flatMap((g) => [g.titleEn, g.titleZh]),
  ]),
];

function requestOf(answer: DocumentAnswer): DocumentRequest {
  if ('redirect' in answer) throw new Error(`expected a document, got a redirect to ${answer.redirect}`);
  return answer.request;
}

async function read(...requests: DocumentRequest[]) {
  return readDocuments(requests.map((r) => renderDocument(r, ASSETS)));
}

let db: DB;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(closeDocumentBrowser);

const search = (locale: string, query: string, user: ReturnType<typeof sessionUser> | null = null, address: string | null = null) =>
  searchAnswer(db, { locale, params: new URLSearchParams(query), user, address });

describe.each(LOCALES)('the public documents in %s', (locale) => {
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
  const site = t('meta.title');

  it('the directory: its head names it, links both languages, its feed and its share card; it runs no script', async () => {
    const [doc] = await read(requestOf(directoryAnswer(db, locale)));
    expect(doc!.lang).toBe(locale);
    expect(doc!.title).toBe(`${t('directory.title')} · ${site}`);
    expect(doc!.meta.description).toBe(t('directory.intro'));
    expect(doc!.canonical).toBe(`${ORIGIN}/${locale}/labs`);
    expect(doc!.alternates).toEqual({ en: `${ORIGIN}/en/labs`, 'zh-CN': `${ORIGIN}/zh-CN/labs`, 'x-default': `${ORIGIN}/en/labs` });
    expect(doc!.feed).toEqual({ href: `${ORIGIN}/${locale}/labs/feed.xml`, title: t('directory.newsFeed') });
    expect(doc!.meta).toMatchObject({
      'og:title': t('directory.title'),
      'og:url': `${ORIGIN}/${locale}/labs`,
      'og:site_name': site,
      'og:locale': locale === 'en' ? 'en_US' : 'zh_CN',
      'og:locale:alternate': locale === 'en' ? 'zh_CN' : 'en_US',
      'og:image': `${ORIGIN}/${locale}/labs/share.png`,
      'og:image:width': '1200',
      'og:image:height': '630',
      'og:image:alt': t('directory.shareImageAlt'),
      'og:type': 'website',
      'twitter:card': 'summary_large_image',
      'twitter:image': `${ORIGIN}/${locale}/labs/share.png`,
      'twitter:image:alt': t('directory.shareImageAlt'),
    });
    expect(doc!.stylesheets).toEqual([ASSETS.stylesheet]);
    expect(doc!.scripts).toEqual([]);
    expect(doc!.mains).toBe(1);
    expect(doc!.h1).toEqual([t('directory.title')]);
    for (const lab of demoLabs.filter((l) => l.visibility === 'public')) expect(doc!.links).toContain(`/${locale}/labs/${lab.slug}`);
    // The language links lead to the same page in each language.
    expect(doc!.links).toEqual(expect.arrayContaining([languageLink('en', '/labs'), languageLink('zh-CN', '/labs')]));
  });

  it('a fact sheet: title with the acronym, an article card, and its ResearchProject as the one script, which is data', async () => {
    const [doc] = await read(requestOf(factSheetAnswer(db, locale, 'new-display-lab')));
    const name = locale === 'en' ? 'New Display Technology Joint Laboratory' : '新型显示技术联合实验室';
    expect(doc!.lang).toBe(locale);
    expect(doc!.title).toBe(`${name} (NDTL) · ${site}`);
    expect(doc!.canonical).toBe(`${ORIGIN}/${locale}/labs/new-display-lab`);
    expect(Object.keys(doc!.alternates).sort()).toEqual(['en', 'x-default', 'zh-CN']);
    expect(doc!.feed?.href).toBe(`${ORIGIN}/${locale}/labs/new-display-lab/feed.xml`);
    expect(doc!.meta).toMatchObject({
      'og:type': 'article',
      'og:image': `${ORIGIN}/${locale}/labs/new-display-lab/share.png`,
      'og:image:alt': t('publicLab.shareImageAlt', { name }),
    });
    expect(doc!.meta.description!.length).toBeLessThanOrEqual(160);
    expect(doc!.scripts.map((s) => s.type)).toEqual(['application/ld+json']);
    expect(JSON.parse(doc!.scripts[0]!.text)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ResearchProject',
      name,
      url: `${ORIGIN}/${locale}/labs/new-display-lab`,
      inLanguage: locale,
    });
    expect(doc!.mains).toBe(1);
    expect(doc!.h1).toHaveLength(1);
    expect(doc!.h1[0]).toContain(name);
    expect(doc!.text).toContain(t('common.demoBanner'));
  });

  it('a search: not for search engines, its language links keep the query', async () => {
    const [doc] = await read(requestOf(await search(locale, 'q=OLED&sector=electronics')));
    expect(doc!.title).toBe(`${t('directory.searchTitle')} · ${site}`);
    expect(doc!.meta.robots).toBe('noindex, follow');
    expect(doc!.canonical).toBe(`${ORIGIN}/${locale}/search`);
    expect(doc!.scripts).toEqual([]);
    expect(doc!.h1).toEqual([t('directory.searchTitleFor', { query: 'OLED' })]);
    expect(doc!.links).toEqual(
      expect.arrayContaining([
        languageLink('en', '/search?q=OLED&sector=electronics'),
        languageLink('zh-CN', '/search?q=OLED&sector=electronics'),
      ]),
    );
    expect(doc!.text).toContain(t('directory.resultCount', { count: 1 }));
  });

  it('not found: the same complete page for a private lab, a missing one and an unknown address, in the language asked for', async () => {
    const [privatePage, missingPage] = await read(
      requestOf(factSheetAnswer(db, locale, privateLab.slug)),
      requestOf(factSheetAnswer(db, locale, 'no-such-lab')),
    );
    for (const doc of [privatePage!, missingPage!]) {
      expect(doc.lang).toBe(locale);
      expect(doc.title).toBe(`${t('common.notFoundTitle')} · ${site}`);
      expect(doc.meta.robots).toBe('noindex');
      expect(doc.canonical).toBeNull();
      expect(doc.mains).toBe(1);
      expect(doc.h1).toEqual([t('common.notFoundTitle')]);
      expect(doc.text).toContain(t('common.notFoundBody'));
      expect(doc.links).toContain(`/${locale}/labs`);
      expect(doc.scripts).toEqual([]);
    }
    // Word for word the same, but for the address typed (the language links repeat it).
    expect(privatePage!.markup.replaceAll(privateLab.slug, 'x')).toBe(missingPage!.markup.replaceAll('no-such-lab', 'x'));
  });

  it('nothing unpublished reaches any document', async () => {
    const docs = await read(
      requestOf(directoryAnswer(db, locale)),
      requestOf(factSheetAnswer(db, locale, 'new-display-lab')),
      requestOf(factSheetAnswer(db, locale, 'green-auto-steel')),
      requestOf(await search(locale, '')),
      requestOf(await search(locale, 'q=display')),
    );
    for (const doc of docs) for (const secret of SECRETS) expect(doc.markup).not.toContain(secret);
  });
});

describe('document answers', () => {
  it('a fact sheet asked for in other letter case goes to its own address; an unknown language is the English 404', async () => {
    expect(factSheetAnswer(db, 'en', 'New-Display-Lab')).toEqual({ redirect: '/en/labs/new-display-lab', status: 308 });
    const unknown = factSheetAnswer(db, 'fr', 'new-display-lab');
    expect(unknown).toMatchObject({ status: 404, request: { kind: 'notFound', locale: 'en' } });
    expect(directoryAnswer(db, 'fr')).toMatchObject({ status: 404, request: { kind: 'notFound', locale: 'en' } });
  });

  it('a value that cannot be used is named next to its field and left out; the rest of the search runs', async () => {
    const answer = requestOf(await search('zh-CN', 'q=OLED&sector=space-mining'));
    expect(answer).toMatchObject({ kind: 'search', errors: { sector: translate('zh-CN', 'validation.choice') }, words: 'OLED' });
    if (answer.kind !== 'search') throw new Error('not a search');
    expect(answer.results.total).toBe(1);
    const [doc] = await read(answer);
    expect(doc!.text).toContain(translate('zh-CN', 'directory.badFilters'));
  });
});

describe('the search budget of a signed-out address', () => {
  it('is the one the search API spends: past it the document is 429 with Retry-After, in the visitor’s language', async () => {
    const budgetDb = await freshDb();
    const address = '198.51.100.7';
    const api = createCaller(createContext({ db: budgetDb, user: null, clientAddress: address }));
    for (let i = 0; i < 119; i++) await api.directory.search({ q: 'display' });
    const last = await searchAnswer(budgetDb, { locale: 'zh-CN', params: new URLSearchParams('q=steel'), user: null, address });
    expect(last.status).toBe(200);
    const refused = await searchAnswer(budgetDb, { locale: 'zh-CN', params: new URLSearchParams('q=steel'), user: null, address });
    expect(refused.status).toBe(429);
    if ('redirect' in refused) throw new Error('not a document');
    const wait = Number(refused.headers?.['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.request).toMatchObject({
      kind: 'tooManyRequests',
      locale: 'zh-CN',
      path: '/search',
      query: 'q=steel',
      retryAfterSeconds: wait,
    });
    const [doc] = await read(refused.request);
    expect(doc!.lang).toBe('zh-CN');
    expect(doc!.h1).toEqual([translate('zh-CN', 'directory.busyTitle')]);
    expect(doc!.text).toContain(translate('zh-CN', 'directory.busyBody', { seconds: wait }));
    expect(doc!.links).toContain('/zh-CN/search?q=steel');
    // And the API refuses this address too, while another address and a signed-in visitor search on.
    await expect(api.directory.search({ q: 'display' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(
      (await searchAnswer(budgetDb, { locale: 'en', params: new URLSearchParams('q=steel'), user: null, address: '198.51.100.8' })).status,
    ).toBe(200);
    const member = sessionUser(budgetDb, 'member@demo.local');
    for (let i = 0; i < 3; i++)
      expect((await searchAnswer(budgetDb, { locale: 'en', params: new URLSearchParams('q=steel'), user: member, address })).status).toBe(
        200,
      );
  });
});
