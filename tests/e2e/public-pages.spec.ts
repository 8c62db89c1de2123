import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoLabs } from '@/server/cli/demo/demo-data';
import { atomSchemaErrors } from '../schemas/atom';
import { PRIVATE_MARKERS } from './helpers';

// The public face of the app, as an anonymous visitor sees it: what is published is there, in both
// languages and without JavaScript, and nothing else is, on any page, feed, calendar or search.

const publicLabs = demoLabs.filter((l) => l.visibility === 'public');
const privateLab = demoLabs.find((l) => l.visibility === 'private')!;
const LOCALES = ['en', 'zh-CN'] as const;

/** Everything that must never reach the public: the private lab's names and every unpublished title. */
const FORBIDDEN = [
  ...PRIVATE_MARKERS,
  privateLab.slug,
  privateLab.nameEn,
  privateLab.nameZh,
  ...demoLabs.flatMap((l) => [
    ...l.milestones.filter((m) => !m.isPublic).map((m) => m.title),
    ...l.goals.filter((g) => !g.isPublic).flatMap((g) => [g.titleEn, g.titleZh]),
  ]),
];

function expectClean(url: string, body: string) {
  for (const marker of FORBIDDEN) expect(body, `${url} leaks "${marker}"`).not.toContain(marker);
}

/** The words a curious visitor could search for: Latin words, whole runs of Chinese and their two-character pieces. */
function wordsOf(text: string): string[] {
  const words = new Set<string>();
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 2) words.add(w);
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 2 <= run.length; i++) words.add(run.slice(i, i + 2));
  return [...words];
}

async function get(request: APIRequestContext, url: string, status = 200) {
  const res = await request.get(url);
  expect(res.status(), url).toBe(status);
  return { body: await res.text(), headers: res.headers() };
}

test('the leak walk: every public URL shows every public item and nothing private', async ({ request }) => {
  test.setTimeout(180_000);
  const visited: string[] = [];
  const visit = async (url: string, status = 200) => {
    const page = await get(request, url, status);
    // A "not found" page may repeat the address the visitor typed; that reveals nothing.
    expectClean(url, status === 404 ? page.body.replaceAll(privateLab.slug, '') : page.body);
    visited.push(url);
    return page.body;
  };

  for (const locale of LOCALES) {
    // The directory shows its first page of labs; its "next page" links go through the rest.
    let directory = '';
    for (let url: string | undefined = `/${locale}/labs`; url;) {
      const body = await visit(url);
      directory += body;
      url = /<a href="([^"]+)" rel="next"/.exec(body)?.[1]?.replaceAll('&amp;', '&');
    }
    for (const lab of publicLabs) expect(directory).toContain(locale === 'en' ? lab.nameEn : lab.nameZh);
    await visit(`/${locale}/labs/feed.xml`);

    for (const lab of publicLabs) {
      const sheet = await visit(`/${locale}/labs/${lab.slug}`);
      for (const m of lab.milestones.filter((x) => x.isPublic)) expect(sheet, m.title).toContain(m.title.replaceAll('&', '&amp;'));
      for (const g of lab.goals.filter((x) => x.isPublic)) expect(sheet, g.titleEn).toContain(locale === 'en' ? g.titleEn : g.titleZh);
      const feed = await visit(`/${locale}/labs/${lab.slug}/feed.xml`);
      for (const u of lab.updates.filter((x) => x.isPublic)) expect(feed).toContain(u.body.replace(/\*\*/g, '').slice(0, 30));
      const calendar = await visit(`/${locale}/labs/${lab.slug}/calendar.ics`);
      expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(lab.milestones.filter((x) => x.isPublic).length);
    }
    // The private lab answers exactly like a lab that does not exist.
    const privatePage = await visit(`/${locale}/labs/${privateLab.slug}`, 404);
    const missingPage = await visit(`/${locale}/labs/no-such-lab`, 404);
    expect(privatePage.replaceAll(privateLab.slug, 'x')).toBe(missingPage.replaceAll('no-such-lab', 'x'));
    await visit(`/${locale}/labs/${privateLab.slug}/feed.xml`, 404);
    await visit(`/${locale}/labs/${privateLab.slug}/calendar.ics`, 404);
  }

  const sitemap = await visit('/sitemap.xml');
  for (const lab of publicLabs) for (const locale of LOCALES) expect(sitemap).toContain(`/${locale}/labs/${lab.slug}</loc>`);
  await visit('/robots.txt');

  // Search for every word of the private lab's names and of every unpublished title, in both languages.
  const secrets = [
    privateLab.nameEn,
    privateLab.nameZh,
    privateLab.acronymEn ?? '',
    ...demoLabs.flatMap((l) => [
      ...l.milestones.filter((m) => !m.isPublic).map((m) => m.title),
      ...l.goals.filter((g) => !g.isPublic).flatMap((g) => [g.titleEn, g.titleZh]),
    ]),
  ];
  const words = [...new Set(secrets.flatMap(wordsOf))];
  expect(words.length).toBeGreaterThan(20);
  for (const word of words) {
    // The page repeats the query in its title and search box; what it found is in the results section.
    const { body } = await get(request, `/en/search?q=${encodeURIComponent(word)}`);
    const results = body.match(/<section aria-labelledby="results-heading"[\s\S]*?<\/section>/)?.[0];
    expect(results, word).toBeDefined();
    expectClean(`search ${word}`, results!);
    const api = await get(request, `/api/trpc/directory.search?input=${encodeURIComponent(JSON.stringify({ json: { q: word } }))}`);
    expectClean(`directory.search ${word}`, api.body);
  }
  // And the searches that must find the public labs do.
  expect(await visit(`/zh-CN/search?q=${encodeURIComponent('显示')}`)).toContain('新型显示技术联合实验室');
  expect(await visit(`/en/search?q=HBIS`)).toContain('Green Low-Carbon Automotive Steel Supply Chain');
  expect(visited.length).toBe(28);
});

test('public pages are cached and the search is not', async ({ request }) => {
  await get(request, '/en/labs/green-auto-steel');
  const again = await get(request, '/en/labs/green-auto-steel');
  expect(again.headers['x-nextjs-cache']).toBe('HIT');
  expect(again.headers['cache-control']).toContain('s-maxage=');
  await get(request, '/en/labs/green-auto-steel/feed.xml');
  expect((await get(request, '/en/labs/green-auto-steel/feed.xml')).headers['x-nextjs-cache']).toBe('HIT');
  expect((await get(request, '/en/search?q=steel')).headers['cache-control']).toContain('no-store');
});

async function parseXml(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return { error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null };
  }, xml);
}

test('the Atom feeds validate against the Atom grammar and carry every element RFC 4287 requires', async ({ page, request }) => {
  await page.goto('/en/labs');
  for (const url of ['/en/labs/new-display-lab/feed.xml', '/zh-CN/labs/green-auto-steel/feed.xml', '/en/labs/feed.xml']) {
    const { body, headers } = await get(request, url);
    expect(headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(await parseXml(page, body), url).toEqual({ error: null });
    // libxml2 against RFC 4287's grammar (tests/schemas/atom.rng); the prose rules are checked below.
    expect(await atomSchemaErrors(body), url).toEqual([]);
    const report = await page.evaluate((text) => {
      const ATOM = 'http://www.w3.org/2005/Atom';
      const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const feed = doc.documentElement;
      const kids = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
      const one = (el: Element, name: string) => kids(el, name).length === 1;
      const problems: string[] = [];
      if (feed.namespaceURI !== ATOM || feed.localName !== 'feed') problems.push('root is not atom:feed');
      for (const name of ['id', 'title', 'updated']) if (!one(feed, name)) problems.push(`feed needs exactly one ${name}`);
      if (!RFC3339.test(kids(feed, 'updated')[0]?.textContent ?? '')) problems.push('feed updated is not RFC 3339');
      const feedAuthor = kids(feed, 'author')[0];
      if (!feedAuthor || !kids(feedAuthor, 'name')[0]?.textContent) problems.push('feed needs an author with a name');
      if (!kids(feed, 'link').some((l) => l.getAttribute('rel') === 'self')) problems.push('feed should link to itself');
      const entries = kids(feed, 'entry');
      const ids = new Set<string>();
      for (const entry of entries) {
        for (const name of ['id', 'title', 'updated']) if (!one(entry, name)) problems.push(`entry needs exactly one ${name}`);
        const id = kids(entry, 'id')[0]?.textContent ?? '';
        if (!/^[a-z][a-z0-9+.-]*:/i.test(id)) problems.push(`entry id ${id} is not an IRI`);
        if (ids.has(id)) problems.push(`entry id ${id} repeats`);
        ids.add(id);
        if (!RFC3339.test(kids(entry, 'updated')[0]?.textContent ?? '')) problems.push('entry updated is not RFC 3339');
        const alternate = kids(entry, 'link').find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
        if (!alternate || !/^https?:\/\//.test(alternate.getAttribute('href') ?? ''))
          problems.push('entry needs an absolute alternate link');
        const content = kids(entry, 'content')[0];
        const summary = kids(entry, 'summary')[0];
        if (!content && !summary) problems.push('entry needs content or a summary');
      }
      const html = entries.map((e) => kids(e, 'content')[0]?.textContent ?? '').join('\n');
      return { problems, entries: entries.length, html };
    }, body);
    expect(report.problems, url).toEqual([]);
    expect(report.entries, url).toBeGreaterThan(3);
    if (url.includes('new-display-lab')) expect(report.html).toContain('<strong>1.5K OLED display</strong>');
  }
});

test('fact sheets are findable: title, description, canonical, hreflang, OpenGraph and Twitter images, JSON-LD', async ({
  page,
  request,
}) => {
  await page.goto('/zh-CN/labs/new-display-lab');
  await expect(page).toHaveTitle('新型显示技术联合实验室 (NDTL) · 联合体进展追踪');
  const head = await page.evaluate(() => {
    const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? null;
    return {
      description: meta('meta[name="description"]'),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      alternates: Object.fromEntries(
        [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
      ),
      feed: document.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href'),
      ogTitle: meta('meta[property="og:title"]'),
      ogImage: meta('meta[property="og:image"]'),
      ogLocale: meta('meta[property="og:locale"]'),
      twitterCard: meta('meta[name="twitter:card"]'),
      twitterImage: meta('meta[name="twitter:image"]'),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? '{}')),
    };
  });
  expect(head.description).toContain('整合装备');
  expect(head.canonical).toMatch(/^http:\/\/localhost:\d+\/zh-CN\/labs\/new-display-lab$/);
  expect(Object.keys(head.alternates).sort()).toEqual(['en', 'x-default', 'zh-CN']);
  expect(head.alternates['en']).toMatch(/\/en\/labs\/new-display-lab$/);
  expect(head.feed).toMatch(/\/zh-CN\/labs\/new-display-lab\/feed\.xml$/);
  expect(head.ogTitle).toContain('新型显示技术联合实验室');
  expect(head.ogLocale).toBe('zh_CN');
  expect(head.twitterCard).toBe('summary_large_image');
  for (const image of [head.ogImage, head.twitterImage]) {
    const res = await request.get(new URL(image!).pathname + new URL(image!).search);
    expect(res.status(), image!).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  expect(head.jsonLd).toHaveLength(1);
  expect(head.jsonLd[0]).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'ResearchProject',
    name: '新型显示技术联合实验室',
    foundingDate: '2022-07-01',
  });
  expect(head.jsonLd[0].member.map((m: { alternateName: string }) => m.alternateName).sort()).toEqual(['CSOT Wuhan', 'Tianma', 'Xiaomi']);

  await page.goto('/en/labs');
  await expect(page).toHaveTitle('Public labs · Consortium Tracker');
  expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/en\/labs\/share\.png$/);

  const robots = (await get(request, '/robots.txt')).body;
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
  expect(robots).toContain('Disallow: /en/workspace');
  const sitemap = (await get(request, '/sitemap.xml')).body;
  expect(await parseXml(page, sitemap)).toEqual({ error: null });
  expect(sitemap).toContain('hreflang="zh-CN"');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a visitor searches and filters the directory, opens a fact sheet and switches language', async ({ page }) => {
    await page.goto('/en/labs');
    // (Other tests may publish labs of their own; the count covers at least the two demo labs.)
    await expect(page.getByText(/^\d+ public labs$/)).toBeVisible();
    await page.getByLabel('Search the public labs').fill('钢');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/en\/search\?q=%E9%92%A2/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public labs matching “钢”');
    await expect(page.getByRole('status')).toHaveText('1 lab matches');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect(results.getByRole('heading', { level: 2 })).toHaveText(/Green Low-Carbon Automotive Steel Supply Chain/);

    // Filters narrow the same search; the URL holds all of it, so it can be shared.
    await page.getByLabel('Search the public labs').fill('');
    await page.getByLabel('Sector').selectOption({ label: 'Electronics' });
    await page.getByLabel('Region').selectOption('Hubei');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/sector=electronics/);
    await expect(page).toHaveURL(/region=Hubei/);
    await expect(results.getByRole('heading', { level: 2 })).toHaveText(/New Display Technology Joint Laboratory/);
    await page.getByLabel('Stage').selectOption({ label: 'Mass production' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status')).toHaveText('No lab matches');
    await expect(page.getByText('No public lab matches this search.')).toBeVisible();

    await page.getByRole('link', { name: 'Clear search and filters' }).click();
    await expect(page).toHaveURL(/\/en\/labs$/);
    await page.getByRole('link', { name: 'New Display Technology Joint Laboratory' }).click();
    await expect(page).toHaveURL(/\/en\/labs\/new-display-lab$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('New Display Technology Joint Laboratory');
    await expect(page.getByRole('note')).toContainText('This lab holds demo data');
    await expect(page.getByRole('table', { name: 'Milestones' })).toContainText('LTPO backplane process verification');
    await expect(page.getByRole('table', { name: 'Partners' })).toContainText('Tianma Microelectronics');
    await expect(page.getByRole('heading', { name: 'Localization goals' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Progress updates' })).toBeVisible();

    await page.getByRole('link', { name: '简体中文' }).click();
    await expect(page).toHaveURL(/\/zh-CN\/labs\/new-display-lab$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('新型显示技术联合实验室');
    await expect(page.getByRole('table', { name: '里程碑' })).toBeVisible();
  });

  test('a bad filter in a shared link is named next to its field and the rest of the search still runs', async ({ page }) => {
    const res = await page.goto('/zh-CN/search?q=OLED&sector=space-mining');
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('alert')).toContainText('部分搜索条件无法使用');
    await expect(page.getByText('请从选项中选择。')).toBeVisible();
    await expect(page.getByLabel('行业')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('status')).toHaveText('找到 1 个实验室');
  });
});

test('the public documents load no JavaScript and keep their structured data; the account pages still run React', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  for (const url of ['/en/labs', '/zh-CN/labs/green-auto-steel', '/en/search?q=steel']) {
    const res = await page.goto(url);
    expect(res?.headers()['content-security-policy'], url).toContain("script-src 'none'");
    await expect(page.getByRole('heading', { level: 1 }), url).toBeVisible();
    expect(await page.locator('script:not([type="application/ld+json"])').count(), url).toBe(0);
    expect(await page.locator('link[rel="stylesheet"]').count(), url).toBeGreaterThan(0);
  }
  await page.goto('/en/labs/new-display-lab');
  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(jsonLd ?? '{}')).toMatchObject({ '@type': 'ResearchProject', name: 'New Display Technology Joint Laboratory' });
  expect(scripts).toEqual([]);

  // The sign-in form is a client component: its page keeps the framework.
  const signin = await page.goto('/en/signin');
  expect(signin?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(scripts.length).toBeGreaterThan(0);
});

test('a private lab and a missing one answer the same complete 404 document, in the visitor’s language', async ({ browser, request }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [locale, title, directory] of [
    ['en', 'Page not found', 'Go to the public labs'],
    ['zh-CN', '页面不存在', '前往公开实验室'],
  ] as const) {
    for (const slug of [privateLab.slug, 'no-such-lab']) {
      const res = await page.goto(`/${locale}/labs/${slug}`);
      expect(res?.status()).toBe(404);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'none'");
      // What a screen reader and a search engine need: the language, one main landmark, one heading, a way on.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      await expect(page.getByRole('main').getByRole('link', { name: directory })).toHaveAttribute('href', `/${locale}/labs`);
      expect(await page.locator('script').count()).toBe(0);
    }
  }
  await context.close();
  // HEAD is answered as GET is, without the body.
  for (const [url, status] of [
    ['/en/labs/new-display-lab', 200],
    ['/zh-CN/labs', 200],
    ['/en/labs/no-such-lab', 404],
  ] as const) {
    const head = await request.head(url);
    expect(head.status(), url).toBe(status);
    expect(head.headers()['content-type'], url).toBe('text/html; charset=utf-8');
    expect(await head.text(), url).toBe('');
  }
});

test('the documents’ stylesheet is one file named by its content, kept by browsers for a year', async ({ page, request }) => {
  await page.goto('/en/labs');
  const href = await page.locator('link[rel="stylesheet"]').getAttribute('href');
  expect(href).toMatch(/^\/assets\/documents\.[0-9a-f]{16}\.css$/);
  const css = await request.get(href!);
  expect(css.status()).toBe(200);
  expect(css.headers()['content-type']).toBe('text/css; charset=utf-8');
  expect(css.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(await css.text()).toContain('.tl-frame');
  expect((await request.get('/assets/documents.0000000000000000.css')).status()).toBe(404);
  // Feeds and everything else that is not a document keep the policy of answers that run no inline script.
  expect((await request.get('/en/labs/feed.xml')).headers()['content-security-policy']).toContain("script-src 'self'");
});

test('the fact sheet works at 360 px: each milestone becomes a card, nothing is wider than the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/en/labs/green-auto-steel');
  await expect(page.getByRole('heading', { name: 'Milestones' })).toBeVisible();
  // Still a table for screen readers, laid out as one card per row.
  const table = page.getByRole('table', { name: 'Milestones' });
  await expect(table.getByRole('row', { name: /Supply ramp-up to series models/ })).toBeVisible();
  expect(
    await table
      .locator('tbody tr')
      .first()
      .evaluate((row) => getComputedStyle(row).display),
  ).toBe('grid');
  await expect(table.getByRole('columnheader', { name: 'Owner' })).toBeAttached();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The timeline scrolls sideways and opens with today in the middle of the chart the sticky column
  // of names leaves in view (as far as the chart's end allows), with no script on the page.
  const frame = await page.locator('.tl-frame').evaluate((el) => {
    const scroller = el.parentElement!;
    const names = el.querySelector<HTMLElement>('.tl-sticky')!;
    return {
      today: Number((el as HTMLElement).dataset.todayX),
      names: names.offsetWidth,
      // Where the pinned column of names is, against the scroller's left edge (0: in view).
      namesAt: names.getBoundingClientRect().left - scroller.getBoundingClientRect().left,
      left: scroller.scrollLeft,
      width: scroller.clientWidth,
      scrollWidth: scroller.scrollWidth,
    };
  });
  expect(frame.scrollWidth).toBeGreaterThan(frame.width);
  const centred = Math.min(Math.max(0, frame.today - (frame.width + frame.names) / 2), frame.scrollWidth - frame.width);
  expect(frame.left).toBeGreaterThan(0);
  expect(Math.abs(frame.left - centred)).toBeLessThanOrEqual(1);
  // The names stay pinned there, however far the chart is scrolled (the frame is as wide as the chart).
  expect(Math.abs(frame.namesAt)).toBeLessThanOrEqual(1);
  await context.close();
});
