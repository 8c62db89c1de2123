import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { signInAs } from './helpers';

// Inside the workspace, a lab, milestone or goal that does not exist and one the person may not see
// answer the same thing: HTTP 404 and the same page, with lang, a main landmark and an h1 in the
// language asked for (issue 22). The content is no longer streamed behind a loading skeleton, so the
// status is decided before anything is sent.

const OWN = '/workspace/labs/new-display-lab';
const OTHER = '/workspace/labs/key-equipment-consortium';

/** The first id in the links of `path` (as someone who may see it) that matches `pattern`. */
async function idOn(context: BrowserContext, path: string, pattern: RegExp): Promise<string> {
  const page = await context.newPage();
  await page.goto(path);
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  await page.close();
  const id = hrefs.map((h) => pattern.exec(h)?.[1]).find(Boolean);
  if (!id) throw new Error(`no link on ${path} matches ${pattern}`);
  return id;
}

/** Status and what the page says, without the parts that name the address. */
async function notFoundPage(page: Page, path: string) {
  const response = await page.goto(path);
  // Next.js sends a not-found as an empty shell that its scripts fill in; wait for the page's heading.
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => document.documentElement.lang !== '');
  return {
    status: response!.status(),
    lang: await page.locator('html').getAttribute('lang'),
    mains: await page.getByRole('main').count(),
    h1: await page.getByRole('heading', { level: 1 }).allTextContents(),
    main: (await page.getByRole('main').textContent())?.replace(/\s+/g, ' ').trim(),
  };
}

test('a missing and a not-yours lab, milestone and goal under /workspace answer 404 with the same page, in both languages', async ({
  browser,
}) => {
  // Ids of the private lab's records, read by its manager.
  const equipment = await browser.newContext();
  await signInAs(await equipment.newPage(), 'equipment@demo.local');
  const theirMilestone = await idOn(equipment, `/en${OTHER}/timeline?view=table`, /[?&]m=(\d+)/);
  const theirGoal = await idOn(equipment, `/en${OTHER}/goals`, /\/goals\/(\d+)$/);
  // The same pages open for them: the ids are real.
  const check = await equipment.newPage();
  expect((await check.goto(`/en${OTHER}/timeline?m=${theirMilestone}`))!.status()).toBe(200);
  expect((await check.goto(`/en${OTHER}/goals/${theirGoal}`))!.status()).toBe(200);
  await equipment.close();

  const member = await browser.newContext();
  const page = await member.newPage();
  await signInAs(page, 'member@demo.local');
  for (const [locale, title] of [
    ['en', 'Page not found'],
    ['zh-CN', '页面不存在'],
  ] as const) {
    const missing = await notFoundPage(page, `/${locale}/workspace/labs/no-such-lab`);
    expect(missing).toMatchObject({ status: 404, lang: locale, mains: 1, h1: [title] });
    const cases = {
      'a lab of someone else': `${OTHER}`,
      'a section of it': `${OTHER}/timeline`,
      'a missing milestone': `${OWN}/timeline?m=999999`,
      'a milestone of another lab, under ours': `${OWN}/timeline?m=${theirMilestone}`,
      'a milestone of another lab, under its own': `${OTHER}/timeline?m=${theirMilestone}`,
      'a missing goal': `${OWN}/goals/999999`,
      'a goal id that is no number': `${OWN}/goals/abc`,
      'a goal of another lab, under ours': `${OWN}/goals/${theirGoal}`,
      'a goal of another lab, under its own': `${OTHER}/goals/${theirGoal}`,
      'its edit page': `${OWN}/goals/${theirGoal}/edit`,
    };
    for (const [what, path] of Object.entries(cases)) {
      expect(await notFoundPage(page, `/${locale}${path}`), what).toEqual(missing);
    }
  }
  await member.close();
});
