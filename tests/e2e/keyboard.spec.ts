import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

// A keyboard-only journey through the timeline (issue 24): the chart is one tab stop with the arrow
// keys inside it, the milestone's panel takes focus when it opens, nothing behind it takes focus,
// saving moves focus to the message that says so, and closing the panel returns focus to the row.

const TIMELINE = '/en/workspace/labs/new-display-lab/timeline';
// In progress (a milestone marked done would refuse a percent below 100).
const MILESTONE = 'Domestic evaporation materials verification, round 2';

/** What has focus: its tag, accessible text and whether it is inside the open panel or covered by it. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const panel = document.querySelector('aside.milestone-panel');
    // What of the element is on screen: its box, clipped by every scrolling or clipping ancestor
    // (a chart row is as wide as the whole plan, but only the part in its scroller shows).
    let box: { left: number; right: number; top: number; bottom: number } | undefined = el?.getBoundingClientRect();
    for (let a = el?.parentElement; box && a; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible' && getComputedStyle(a).overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      box = {
        left: Math.max(box.left, c.left),
        right: Math.min(box.right, c.right),
        top: Math.max(box.top, c.top),
        bottom: Math.min(box.bottom, c.bottom),
      };
    }
    const p = panel?.getBoundingClientRect();
    const covered = Boolean(
      box && p && !panel!.contains(el) && box.right > p.left && box.left < p.right && box.bottom > p.top && box.top < p.bottom,
    );
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      type: el?.getAttribute('type') ?? null,
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      href: el?.getAttribute('href') ?? null,
      role: el?.getAttribute('role') ?? null,
      row: Boolean(el?.matches('a.tl-row')),
      inPanel: Boolean(panel && el && panel.contains(el)),
      covered,
    };
  });
}

async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (done(f)) return f;
  }
  throw new Error(`not reached in ${limit} Tab presses`);
}

test('by keyboard alone: open a milestone from the chart, save its progress, close the panel; focus follows, nothing behind the panel takes it', async ({
  page,
}) => {
  await signInAs(page, 'member@demo.local');
  await page.goto(TIMELINE);
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();

  // The chart is one tab stop: the first Tab into it lands on a row, the next leaves it.
  const first = await tabUntil(page, (f) => f.row);
  await page.keyboard.press('Tab');
  expect((await focused(page)).row).toBe(false);
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toMatchObject({ row: true, text: first.text });

  // Arrow keys move between rows to the milestone; Enter opens it.
  for (let i = 0; i < 30 && !(await focused(page)).text.startsWith(MILESTONE); i++) await page.keyboard.press('ArrowDown');
  const row = await focused(page);
  expect(row.text.startsWith(MILESTONE)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: MILESTONE })).toBeFocused();

  // Tab through the whole page while the panel is open: every stop is in the panel or beside it.
  const seen: Awaited<ReturnType<typeof focused>>[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused(page));
  }
  // (Past the last stop focus leaves the page for the browser's own controls: <body>, covering nothing.)
  expect(seen.filter((f) => f.covered && f.tag !== 'body')).toEqual([]);
  expect(seen.some((f) => f.inPanel)).toBe(true);

  // Save progress with the keyboard: Tab to the percent field, a new value, Enter on the button.
  await tabUntil(page, (f) => f.inPanel && f.type === 'number', 60);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('25');
  await tabUntil(page, (f) => f.inPanel && f.text === 'Save progress', 10);
  await page.keyboard.press('Enter');
  const saved = page.getByRole('status').filter({ hasText: 'Progress saved.' });
  await expect(saved).toBeFocused();

  // Escape closes the panel; focus is back on the row that opened it.
  await page.keyboard.press('Escape');
  await expect(page.locator('aside.milestone-panel')).toHaveCount(0);
  await expect.poll(async () => (await focused(page)).text).toMatch(new RegExp(`^${MILESTONE}\\..*25 % complete`));
  expect((await focused(page)).row).toBe(true);
});

test('on a phone the open panel covers the page, and Tab stays inside it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, 'member@demo.local');
  await page.goto(TIMELINE);
  await page.getByRole('link', { name: new RegExp(`^${MILESTONE}\\.`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: MILESTONE })).toBeFocused();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    // Between the last stop of the panel and its first, focus may pass through the browser itself.
    if (f.tag !== 'body') expect(f.inPanel, `stop ${i}: ${f.tag} ${f.text}`).toBe(true);
  }
  // The × closes it; the row that opened it has focus again.
  await page.getByRole('link', { name: 'Close details' }).click();
  await expect(page.locator('aside.milestone-panel')).toHaveCount(0);
  await expect.poll(async () => (await focused(page)).text).toMatch(new RegExp(`^${MILESTONE}\\.`));
  await context.close();
});

test('an empty sign-in says which field is empty and focuses it; after signing in, focus is on the main heading', async ({ page }) => {
  await page.goto('/en/signin');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const email = page.getByLabel('Email');
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[id="${await email.getAttribute('aria-describedby')}"]`)).toHaveText('Enter your email address.');
  await expect(page.getByText('The email or password is not correct')).toHaveCount(0);
  await email.fill('member@demo.local');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const password = page.getByLabel('Password');
  await expect(password).toBeFocused();
  await expect(page.locator(`[id="${await password.getAttribute('aria-describedby')}"]`)).toHaveText('Enter your password.');
  await password.fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/en\/workspace/);
  await expect(page.locator('main h1')).toBeFocused();
});

test('a focused text field, select or text area shows a 2 px brand outline, and its idle border is 3:1 on white', async ({ page }) => {
  await signInAs(page, 'member@demo.local');
  await page.goto('/en/workspace/labs/new-display-lab/updates');
  const look = (selector: string) =>
    page
      .locator(selector)
      .filter({ visible: true })
      .first()
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, border: s.borderTopColor };
      });
  for (const selector of [
    'textarea[name="body"]',
    'main select',
    'main input[type="search"], main input[type="text"], main input[type="date"]',
  ]) {
    if ((await page.locator(selector).filter({ visible: true }).count()) === 0) continue;
    const idle = await look(selector);
    // #7c8699: 3.67:1 on white.
    expect(idle.border, selector).toBe('rgb(124, 134, 153)');
    await page.locator(selector).filter({ visible: true }).first().focus();
    // #1d4ed8, the brand colour: 6.7:1 on white.
    expect((await look(selector)).outline, selector).toBe('solid 2px rgb(29, 78, 216)');
  }
});
