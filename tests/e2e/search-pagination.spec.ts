import { expect, test } from '@playwright/test';
import { E2E_BASE_URL } from '@/playwright.config';
import { signInAs } from './helpers';

// A national directory can match hundreds of labs: the search shows twenty at a time, with links
// to the previous and next page that keep the words and filters (issue 9).

test('a search with more than one page of results pages through them, by mouse and by keyboard, in both languages', async ({ page }) => {
  await signInAs(page, 'admin@demo.local');
  // A word no other lab has, so the test owns every result whatever other tests created.
  const word = `Pager${Date.now().toString(36)}`;
  for (let i = 1; i <= 22; i++) {
    const res = await page.request.post('/api/trpc/labAdmin.create', {
      headers: { origin: E2E_BASE_URL },
      data: {
        json: {
          slug: `${word.toLowerCase()}-${i}`,
          nameEn: `${word} Consortium ${String(i).padStart(2, '0')}`,
          sector: 'electronics',
          chainEn: 'Pagination chain',
          stage: 'rnd',
          status: 'active',
          visibility: 'public',
          managerEmail: 'admin@demo.local',
        },
      },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  const anonymous = await page.context().browser()!.newPage();
  // The directory shows the first twenty labs, A to Z, and the unfiltered search pages on from there.
  await anonymous.goto('/en/labs');
  const directory = anonymous.getByRole('list', { name: 'Public labs' });
  await expect(directory.locator(':scope > li')).toHaveCount(20);
  const directoryPages = anonymous.getByRole('navigation', { name: 'Pages of results' });
  await expect(directoryPages).toContainText(/Page 1 of \d+/);
  const firstNames = await directory.getByRole('heading', { level: 2 }).allTextContents();
  await directoryPages.getByRole('link', { name: 'Next page' }).click();
  await expect(anonymous).toHaveURL(/\/en\/search\?page=2$/);
  await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('Public labs');
  const nextNames = await anonymous.getByRole('list', { name: 'Search results' }).getByRole('heading', { level: 2 }).allTextContents();
  expect(nextNames.length).toBeGreaterThan(0);
  expect(nextNames.filter((name) => firstNames.includes(name))).toEqual([]);

  await anonymous.goto(`/en/search?q=${word}`);
  const results = anonymous.getByRole('list', { name: 'Search results' });
  await expect(anonymous.getByRole('status')).toHaveText('22 labs match · showing 1–20');
  await expect(results.locator(':scope > li')).toHaveCount(20);
  const pages = anonymous.getByRole('navigation', { name: 'Pages of results' });
  await expect(pages).toContainText('Page 1 of 2');
  await expect(pages.getByRole('link', { name: 'Previous page' })).toHaveCount(0);

  await pages.getByRole('link', { name: 'Next page' }).click();
  await expect(anonymous).toHaveURL(new RegExp(`/en/search\\?q=${word}&page=2$`));
  await expect(anonymous.getByRole('status')).toHaveText('22 labs match · showing 21–22');
  await expect(results.locator(':scope > li')).toHaveCount(2);
  await expect(pages.getByRole('link', { name: 'Next page' })).toHaveCount(0);

  // Back to the first page from the keyboard.
  await pages.getByRole('link', { name: 'Previous page' }).focus();
  await anonymous.keyboard.press('Enter');
  await expect(anonymous).toHaveURL(new RegExp(`/en/search\\?q=${word}$`));
  await expect(results.locator(':scope > li')).toHaveCount(20);

  await anonymous.goto(`/zh-CN/search?q=${word}&page=2`);
  await expect(anonymous.getByRole('status')).toHaveText('找到 22 个实验室 · 显示第 21–22 个');
  await expect(anonymous.getByRole('navigation', { name: '结果分页' })).toContainText('第 2 页，共 2 页');

  // A page number typed by hand that is not one shows the first page; one past the end, the last.
  await anonymous.goto(`/en/search?q=${word}&page=abc`);
  await expect(anonymous.getByRole('status')).toHaveText('22 labs match · showing 1–20');
  await anonymous.goto(`/en/search?q=${word}&page=9`);
  await expect(anonymous.getByRole('status')).toHaveText('22 labs match · showing 21–22');
  await anonymous.close();
});
