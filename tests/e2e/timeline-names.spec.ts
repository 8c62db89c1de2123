import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

// Issue 23.1: a Gantt chart that opens scrolled to today must still say what each bar is. For every
// zoom, viewport and sideways scroll position, whatever is drawn on top where a row's name belongs
// must be that row's name (and likewise each phase heading), in the column pinned at the left.

type Missing = { row: string; found: string };

/**
 * Checks, row by row (each scrolled into view vertically), that the topmost element at the left of
 * the scroller, on the row's title line, is a text of the pinned column that begins the row's title.
 */
async function namesInView(page: Page): Promise<{ checked: number; missing: Missing[] }> {
  return page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.tl-scroller')!;
    const chart = scroller.querySelector('svg.timeline-svg')!;
    const rows = [...chart.querySelectorAll('.tl-row')].map((row) => {
      const hit = row.querySelector('.tl-hit')!;
      // The row's description starts with its title (the links' accessible names do too).
      const title = row.querySelector('title')!.textContent!.split('. ')[0]!;
      return { hit, title };
    });
    const phases = [...chart.querySelectorAll('g > rect[height="26"]')].map((rect) => ({
      hit: rect,
      title: (rect.nextElementSibling!.firstChild!.textContent ?? '').trim(),
    }));
    const missing: { row: string; found: string }[] = [];
    // The pinned column lets clicks through to the rows; for hit testing here it must take them,
    // so elementFromPoint answers with what is painted on top.
    const pinnedColumn = scroller.querySelector<HTMLElement>('.tl-sticky')!;
    pinnedColumn.style.pointerEvents = 'auto';
    for (const { hit, title } of [...phases, ...rows]) {
      hit.scrollIntoView({ block: 'center', inline: 'nearest' });
      // scrollIntoView must not move the chart sideways; the caller chose that position.
      await new Promise(requestAnimationFrame);
      const box = hit.getBoundingClientRect();
      const x = scroller.getBoundingClientRect().left + 16;
      const y = box.top + (box.height > 30 ? 13 : box.height / 2);
      const top = document.elementFromPoint(x, y);
      const text = top?.closest('text');
      const shown = (text?.textContent ?? '').replace(/…$/, '');
      const pinned = Boolean(text?.closest('.tl-sticky'));
      if (!pinned || shown.length < Math.min(4, title.length) || !title.startsWith(shown.split('  ·  ')[0]!))
        missing.push({ row: title, found: `${pinned ? 'pinned' : 'not pinned'}: ${top?.tagName ?? 'nothing'} "${shown}"` });
    }
    pinnedColumn.style.pointerEvents = '';
    return { checked: phases.length + rows.length, missing };
  });
}

async function scrollChartTo(page: Page, where: 'start' | 'middle' | 'end') {
  await page.locator('.tl-scroller').evaluate((el, at) => {
    const max = el.scrollWidth - el.clientWidth;
    el.scrollLeft = at === 'start' ? 0 : at === 'end' ? max : max / 2;
  }, where);
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test.describe(`${viewport.name} (${viewport.width} px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('the workspace timeline names every row and phase at every zoom, opened at today and scrolled anywhere', async ({ page }) => {
      await signInAs(page, 'viewer@demo.local');
      for (const zoom of ['month', 'quarter', 'year']) {
        await page.goto(`/en/workspace/labs/new-display-lab/timeline?zoom=${zoom}`);
        const scroller = page.locator('.tl-scroller');
        await expect(scroller).toBeVisible();
        // It opens at today: scrolled sideways wherever the chart is wider than its frame.
        const opened = await scroller.evaluate((el) => ({ left: el.scrollLeft, room: el.scrollWidth - el.clientWidth }));
        if (opened.room > 0 && zoom !== 'year') expect(opened.left, `${zoom} opens at today`).toBeGreaterThan(0);
        const atToday = await namesInView(page);
        expect(atToday.checked).toBeGreaterThan(10);
        expect(atToday.missing, `${zoom} zoom at today`).toEqual([]);
        for (const where of ['end', 'middle', 'start'] as const) {
          await scrollChartTo(page, where);
          expect((await namesInView(page)).missing, `${zoom} zoom scrolled to the ${where}`).toEqual([]);
        }
      }
    });

    test('the public fact sheet’s timeline names every row and phase, opened at today and scrolled to the end', async ({ page }) => {
      for (const locale of ['en', 'zh-CN']) {
        await page.goto(`/${locale}/labs/new-display-lab`);
        const result = await namesInView(page);
        expect(result.checked).toBeGreaterThan(3);
        expect(result.missing, `${locale} at today`).toEqual([]);
        await scrollChartTo(page, 'end');
        expect((await namesInView(page)).missing, `${locale} scrolled to the end`).toEqual([]);
      }
    });
  });
}
