import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

// Issue 23.3 (print), 23.7 and 24.4 (the audit log in words, in both languages), 23.6 (the audit log
// and the lab's pages on a phone) and 23.10 (a button's accessible name holds its visible label).

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));

type Word = { text: string; page: number; yMin: number; yMax: number };

/** The words of a PDF with their boxes (in pt) and page numbers, by poppler's pdftotext -bbox. */
function pdfWords(file: string): Word[] {
  const html = execFileSync(pdftotext!, ['-bbox', file, '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) words.push({ text: m[3]!, page, yMin: Number(m[1]), yMax: Number(m[2]) });
  }
  return words;
}

/** Prints the page as Chromium does (its own @page sizes) and saves the PDF. */
async function printToPdf(page: Page, name: string) {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const file = `${SHOTS}/${name}.pdf`;
  writeFileSync(file, pdf);
  return file;
}

test.describe('print', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the timeline prints landscape with the chart on page 1 and its names at 8 pt or more', async ({ page }) => {
    await signInAs(page, 'manager@demo.local');
    await page.goto('/en/workspace/labs/new-display-lab/timeline?zoom=month');
    await expect(page.locator('.tl-scroller')).toBeVisible();

    // In print media the page's own print chart is drawn, the screen's is not; at a landscape A4
    // page's printable width (1,047 px) its names are drawn at 12.5 px or more.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 1047, height: 718 });
    const printed = await page.evaluate(() => {
      const screen = document.querySelector('.timeline-screen')!;
      // One chart per phase, on one time axis.
      const charts = [...document.querySelectorAll<SVGSVGElement>('.timeline-print svg.timeline-svg')];
      const sizes = charts.flatMap((chart) => {
        const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
        return [...chart.querySelectorAll('.tl-title')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      });
      return {
        screenShown: getComputedStyle(screen).display !== 'none',
        fits: charts.every((c) => c.getBoundingClientRect().right <= document.documentElement.clientWidth) && charts.length > 0,
        smallestTitlePx: Math.min(...sizes),
        titles: sizes.length,
      };
    });
    expect(printed.screenShown).toBe(false);
    expect(printed.fits).toBe(true);
    expect(printed.titles).toBeGreaterThan(10);
    expect(printed.smallestTitlePx * 0.75, 'names in pt').toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: `${SHOTS}/23.3-timeline-print-media.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    const file = await printToPdf(page, '23.3-timeline');
    test.skip(!pdftotext, 'poppler-utils (pdftotext) is needed to read the PDF back');
    const words = pdfWords(file);
    // Page 1 holds the chart: its milestone names, not only the header.
    const onFirst = words
      .filter((w) => w.page === 1)
      .map((w) => w.text)
      .join(' ');
    for (const title of ['Joint lab charter', 'OLED panel specification']) expect(onFirst, `page 1 has “${title}”`).toContain(title);
    // Every page after it holds more of the chart, and every name is there somewhere.
    const all = words.map((w) => w.text).join(' ');
    for (const title of ['LTPO backplane', 'Mass production with']) expect(all).toContain(title);
    // The names' letters are at least 8 pt tall (a word's box is 1.07–1.2 × its font size).
    const names = words.filter((w) => ['Joint', 'LTPO', 'Mass'].includes(w.text));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const w of names) expect((w.yMax - w.yMin) / 1.2, `font size of “${w.text}” in pt`).toBeGreaterThanOrEqual(8);
  });

  test('the report starts on page 1', async ({ page }) => {
    await signInAs(page, 'manager@demo.local');
    for (const locale of ['en', 'zh-CN']) {
      await page.goto(`/${locale}/workspace/labs/new-display-lab/report`);
      await expect(page.locator('.status-report')).toBeVisible();
      const file = await printToPdf(page, `23.3-report-${locale}`);
      if (!pdftotext) continue;
      const first = pdfWords(file)
        .filter((w) => w.page === 1)
        .map((w) => w.text)
        .join(' ');
      expect(first.toLowerCase(), `${locale}: the summary is on page 1`).toContain(locale === 'en' ? 'milestones slipped' : '延误的里程碑');
    }
  });
});

test.describe('the audit log', () => {
  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 360, height: 780 },
  ]) {
    test(`reads in words in English and Chinese, ${viewport.name}`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await signInAs(page, 'manager@demo.local');
      for (const locale of ['en', 'zh-CN'] as const) {
        await page.goto(`/${locale}/workspace/labs/new-display-lab/audit`);
        const region = page.getByRole('region', { name: locale === 'en' ? 'Audit log' : '审计日志' });
        await expect(region).toBeVisible();
        const text = await region.innerText();
        // No field named from its key, no raw code, no ISO timestamp.
        // ('baseline value' is not among them: it is the real English label of a goal's baselineValue.)
        for (const raw of ['owner organisation id', 'item kind', 'title en', 'predecessor id', 'percent complete'])
          expect(text).not.toContain(raw);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
        if (locale === 'zh-CN') {
          // The labels of the changed fields are Chinese.
          const labels = await region.locator('tbody tbody th').allInnerTexts();
          expect(labels.length).toBeGreaterThan(5);
          expect(labels.filter((l) => /[A-Za-z]{2,}/.test(l))).toEqual([]);
          for (const label of ['完成百分比', '记录人', '关联里程碑']) expect(labels).toContain(label);
        } else {
          for (const label of ['% complete', 'recorded by', 'linked milestones']) expect(text).toContain(label);
        }
        // The page itself is no wider than the screen: the table scrolls inside its region.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${locale} page wider than ${viewport.width}`).toBeLessThanOrEqual(0);
        // The region takes focus, so a keyboard can scroll it.
        await region.focus();
        await expect(region).toBeFocused();
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({
          path: `${SHOTS}/23.7-audit-${locale}-${viewport.width}.png`,
          fullPage: true,
          clip: { x: 0, y: 0, width: viewport.width, height: 1500 },
        });
      }
    });
  }
});

test('the “Record figure” button’s accessible name starts with its visible label, in both languages (WCAG 2.5.3)', async ({ page }) => {
  await signInAs(page, 'member@demo.local');
  for (const [locale, labels] of [
    ['en', ['Record figure', 'Log progress']],
    ['zh-CN', ['录入数据', '记录进度']],
  ] as const) {
    await page.goto(`/${locale}/workspace`);
    let seen = 0;
    for (const label of labels) {
      const buttons = page.getByRole('button').filter({ hasText: label });
      for (const button of await buttons.all()) {
        seen += 1;
        const name = (await button.getAttribute('aria-label')) ?? (await button.innerText());
        expect(name.startsWith(label), `${locale}: “${name}” starts with “${label}”`).toBe(true);
      }
    }
    expect(seen, locale).toBeGreaterThan(0);
  }
});

test('Chinese pages name regions in Chinese, keep phase names whole and tell the two news tabs apart (issue 23.8)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/zh-CN/labs/new-display-lab');
  const body = await page.locator('body').innerText();
  expect(body).toContain('北京 · 广东 · 湖北');
  for (const english of ['Guangdong', 'Hubei']) expect(body).not.toContain(english);
  // Each phase name in the milestone table is on one line: its text's boxes share one top.
  await page.setViewportSize({ width: 900, height: 900 });
  const phaseLines = await page.locator('table[aria-labelledby="milestones-heading"] tbody td:nth-of-type(1)').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return { text: cell.textContent?.trim() ?? '', lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
    }),
  );
  expect(phaseLines.length).toBeGreaterThan(3);
  expect(phaseLines.filter((p) => p.lines > 1)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/23.8-fact-sheet-zh.png`, fullPage: false });

  await signInAs(page, 'member@demo.local', 'zh-CN');
  await page.goto('/zh-CN/workspace/labs/new-display-lab');
  const tabs = await page.getByRole('navigation', { name: /./ }).filter({ hasText: '进展动态' }).getByRole('link').allInnerTexts();
  expect(tabs).toContain('进展动态');
  expect(tabs).toContain('修改记录');
  expect(tabs).not.toContain('动态');
});
