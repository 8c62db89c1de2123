import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

// Issue 23.6: on a phone the lab's tab bar is wider than the screen. It opens with the current
// tab in view (the last ones were cut off at "Ac…"), and says with a shadow that it scrolls.
test('on a phone the lab tab bar shows the current tab and hints that it scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signInAs(page, 'manager@demo.local');
  await page.goto('/en/workspace/labs/new-display-lab/audit');
  const bar = page.getByRole('navigation', { name: 'Lab sections' });
  const current = bar.locator('[aria-current="page"]');
  await expect(current).toHaveText('Audit log');
  const inView = async () => {
    const [b, t] = await Promise.all([bar.boundingBox(), current.boundingBox()]);
    return !!b && !!t && t.x >= b.x - 1 && t.x + t.width <= b.x + b.width + 1;
  };
  await expect.poll(inView).toBe(true);
  // More tabs lie to the left, behind the edge: the bar scrolls, and draws its hint.
  expect(await bar.evaluate((el) => el.scrollWidth > el.clientWidth && el.scrollLeft > 0)).toBe(true);
  expect(await bar.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('radial-gradient');
  await page.screenshot({ path: 'test-results/tab-bar-360.png' });
});
