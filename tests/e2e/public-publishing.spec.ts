import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signInAs } from './helpers';
import { trpcJson } from '../helpers/trpc-wire';

// What a manager publishes reaches the cached public fact sheet within seconds, and what they
// withdraw leaves it as fast; before publishing, the lab settings show exactly what the public will see.

const FACT_SHEET = '/en/labs/new-display-lab';
const TIMELINE = '/en/workspace/labs/new-display-lab/timeline';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Asks the public page (as an anonymous visitor, through the cache) until `shows` holds; returns how long that took. */
async function secondsUntil(request: APIRequestContext, url: string, shows: (body: string) => boolean): Promise<number> {
  const start = Date.now();
  await expect.poll(async () => shows(await (await request.get(url)).text()), { timeout: 5_000, intervals: [100, 200, 250] }).toBe(true);
  return (Date.now() - start) / 1000;
}

async function saveMilestone(page: Page, title: string, isPublic: boolean) {
  await page.getByRole('link', { name: new RegExp(`^${title}\\.`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await page.locator('aside').getByRole('link', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit milestone' });
  await form.getByRole('checkbox', { name: /Show on the public fact sheet/ }).setChecked(isPublic);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
}

test('a manager flags a milestone public on the timeline: the fact sheet shows it within 5 s, and drops it as fast when unflagged', async ({
  page,
  request,
}) => {
  const title = `E2E publication probe ${Date.now().toString(36)}`;
  await signInAs(page, 'manager@demo.local');
  await page.goto(TIMELINE);
  await page.getByRole('link', { name: 'New milestone' }).click();
  const create = page.getByRole('form', { name: 'New milestone' });
  await create.getByLabel('Title').fill(title);
  await create.getByLabel('Phase').selectOption({ label: 'Pilot' });
  await create.getByLabel('Forecast start').fill(day(10));
  await create.getByLabel('Forecast finish').fill(day(40));
  await expect(create.getByRole('checkbox', { name: /Show on the public fact sheet/ })).not.toBeChecked();
  await create.getByRole('button', { name: 'Create milestone' }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Close details' }).click();

  // The fact sheet is cached, and the private milestone is not on it. (Creating it changed the lab:
  // for RENDER_MARGIN_MS after a change every request renders afresh, then the cache serves again.)
  await expect.poll(async () => (await request.get(FACT_SHEET)).headers()['x-nextjs-cache'], { timeout: 5_000 }).toBe('HIT');
  const cached = await request.get(FACT_SHEET);
  expect(await cached.text()).not.toContain(title);

  await saveMilestone(page, title, true);
  const shown = await secondsUntil(request, FACT_SHEET, (body) => body.includes(title));
  expect(shown).toBeLessThanOrEqual(5);
  // On the timeline and in the table, in both languages, and in the calendar.
  const sheet = await (await request.get(FACT_SHEET)).text();
  expect(sheet.match(new RegExp(title, 'g'))?.length).toBeGreaterThanOrEqual(2);
  expect(await (await request.get('/zh-CN/labs/new-display-lab')).text()).toContain(title);
  expect(await (await request.get(`${FACT_SHEET}/calendar.ics`)).text()).toContain(title);

  await page.getByRole('link', { name: 'Close details' }).click();
  await saveMilestone(page, title, false);
  const gone = await secondsUntil(request, FACT_SHEET, (body) => !body.includes(title));
  expect(gone).toBeLessThanOrEqual(5);
  expect(await (await request.get(`${FACT_SHEET}/calendar.ics`)).text()).not.toContain(title);
  test.info().annotations.push({ type: 'seconds', description: `shown after ${shown} s, gone after ${gone} s` });

  // Leave the lab as it was.
  await page.locator('aside').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete milestone' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('link', { name: new RegExp(`^${title}\\.`) })).toHaveCount(0);
});

test('a manager previews a private lab’s fact sheet in its settings while the public still gets 404', async ({ page, request }) => {
  await signInAs(page, 'equipment@demo.local');
  await page.goto('/en/workspace/labs/key-equipment-consortium/settings/visibility');
  const preview = page.getByRole('region', { name: 'Preview of the public fact sheet' });
  await expect(preview).toContainText('Key Equipment Localization Consortium');
  await expect(preview).toContainText('Not public yet');
  await expect(preview.getByRole('heading', { name: 'Partners' })).toBeVisible();
  await expect(preview.getByRole('table', { name: 'Partners' })).toContainText('Huabei Vacuum Equipment');
  // Nothing of the lab is flagged public: the preview says so, as the public page would.
  await expect(preview).toContainText('The lab has not published any milestones yet.');
  await expect(preview).not.toContainText('Evaporation source design review');
  // A private lab has no feed or calendar yet, so the preview does not link to them.
  await expect(preview.getByRole('link', { name: 'News feed (Atom)' })).toHaveCount(0);
  // A private lab has no public page to link to from its header.
  await expect(page.getByRole('link', { name: 'Public fact sheet', exact: true })).toHaveCount(0);
  expect((await request.get('/en/labs/key-equipment-consortium')).status()).toBe(404);
});

test('the preview of a public lab is its public fact sheet, and the lab header links to it', async ({ page, request }) => {
  await signInAs(page, 'manager@demo.local', 'zh-CN');
  await page.goto('/zh-CN/workspace/labs/new-display-lab/settings/visibility');
  const preview = page.getByRole('region', { name: '公开概况页预览' });
  await expect(preview).not.toContainText('尚未公开');
  const publicSheet = await trpcJson(
    await request.get('/api/trpc/directory.factSheet?input=' + encodeURIComponent(JSON.stringify({ json: { slug: 'new-display-lab' } }))),
  );
  const milestones: { title: string }[] = publicSheet.result.data.json.milestones;
  const previewTable = preview.getByRole('table', { name: '里程碑' });
  await expect(previewTable.locator('tbody tr')).toHaveCount(milestones.length);
  for (const m of milestones) await expect(previewTable).toContainText(m.title);
  await expect(preview).not.toContainText('Confidential');

  await page.getByRole('link', { name: '公开概况页', exact: true }).click();
  await expect(page).toHaveURL(/\/zh-CN\/labs\/new-display-lab$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('新型显示技术联合实验室');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the fact sheet draws exactly its published milestones on the timeline and its published measurements in the charts', async ({
    page,
    request,
  }) => {
    for (const slug of ['new-display-lab', 'green-auto-steel']) {
      const input = encodeURIComponent(JSON.stringify({ json: { slug } }));
      const sheet = (await trpcJson(await request.get(`/api/trpc/directory.factSheet?input=${input}`))).result.data.json as {
        milestones: { title: string }[];
        goals: { titleEn: string; measurements: unknown[] }[];
      };
      await page.goto(`/en/labs/${slug}`);
      const timeline = page.getByRole('img', { name: /^Timeline of \d+ published milestones?/ });
      await expect(timeline).toBeVisible();
      await expect(timeline.locator('.tl-row')).toHaveCount(sheet.milestones.length);
      for (const goal of sheet.goals) {
        const card = page.getByRole('article', { name: goal.titleEn });
        // Each goal chart is drawn twice (a wide and a narrow drawing, switched by CSS): each point twice.
        await expect(card.locator('[data-point]')).toHaveCount(2 * goal.measurements.length);
        await expect(card.getByRole('table')).toBeAttached();
      }
    }
  });

  test('the fact sheet prints on A4: the timeline is scaled to the page and nothing is wider than it', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 718, height: 1000 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/labs/green-auto-steel');
    await page.emulateMedia({ media: 'print' });
    const sizes = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      timeline: document.querySelector('.timeline-svg')!.getBoundingClientRect().width,
      page: document.documentElement.clientWidth,
    }));
    expect(sizes.overflow).toBeLessThanOrEqual(0);
    expect(sizes.timeline).toBeLessThanOrEqual(sizes.page);
    expect(sizes.timeline).toBeGreaterThan(sizes.page / 2);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
    await context.close();
  });
});

test('a member’s edit of a published update stays off the public pages and feeds until a manager publishes it again from the settings', async ({
  browser,
  request,
}) => {
  const probe = Date.now().toString(36);
  const published = `E2E published wording ${probe}`;
  const rewritten = `E2E rewritten wording ${probe}`;
  const publicDocuments = [FACT_SHEET, `${FACT_SHEET}/feed.xml`, '/en/labs/feed.xml'];
  const everywhere = async (shows: (body: string) => boolean) => {
    for (const url of publicDocuments) await secondsUntil(request, url, shows);
  };

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signInAs(member, 'member@demo.local');
  await member.goto('/en/workspace/labs/new-display-lab/updates');
  const composer = member.locator('form').filter({ has: member.getByRole('button', { name: 'Post update' }) });
  await composer.getByLabel('What happened?').fill(published);
  await composer.getByRole('button', { name: 'Post update' }).click();
  await expect(composer.getByRole('status')).toHaveText('Your update is posted.');

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAs(manager, 'manager@demo.local');
  await manager.goto('/en/workspace/labs/new-display-lab/updates');
  const managed = manager.locator('ol > li').filter({ hasText: published });
  await managed.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(managed.getByText('Public', { exact: true })).toBeVisible();
  await everywhere((body) => body.includes(published));

  // The member edits it: the form says what that does to the public page.
  await member.reload();
  const own = member.locator('ol > li').filter({ hasText: published });
  await own.getByRole('button', { name: 'Edit' }).click();
  await expect(
    own.getByText(/This update is on the public page\. Your changes stay inside the lab until a lab manager publishes them again/),
  ).toBeVisible();
  await own.getByLabel('What happened?').fill(rewritten);
  await own.getByRole('button', { name: 'Save changes' }).click();
  const edited = member.locator('ol > li').filter({ hasText: rewritten });
  await expect(edited.getByText('Edited since published')).toBeVisible();
  await edited.getByText('The public page still shows the version a manager published').click();
  await expect(edited.getByText(published)).toBeVisible();

  // The public keeps the published text: fact sheet, the lab's feed and the feed of all labs.
  await new Promise((r) => setTimeout(r, 1500));
  for (const url of publicDocuments) {
    const body = await (await request.get(url)).text();
    expect(body, url).toContain(published);
    expect(body, url).not.toContain(rewritten);
  }

  // The manager sees what waits on the updates page and in the settings, and publishes it there.
  await manager.reload();
  await expect(manager.getByRole('status').filter({ hasText: /edited after a manager published/ })).toBeVisible();
  await manager.getByRole('link', { name: 'Review what waits for publishing' }).click();
  const waiting = manager.getByTestId('awaiting-update').filter({ hasText: rewritten });
  await expect(waiting).toContainText(published);
  await waiting.getByRole('button', { name: 'Publish this version' }).click();
  await expect(waiting).toHaveCount(0);
  await everywhere((body) => body.includes(rewritten) && !body.includes(published));

  // Leave the lab's public pages as they were.
  await manager.goto('/en/workspace/labs/new-display-lab/updates');
  await manager.locator('ol > li').filter({ hasText: rewritten }).getByRole('button', { name: 'Withdraw from public' }).click();
  await everywhere((body) => !body.includes(rewritten));
  await memberContext.close();
  await managerContext.close();
});

test('a source a member names on a public goal appears on the fact sheet once a manager publishes it; the value at once', async ({
  browser,
  request,
}) => {
  const source = `E2E survey ${Date.now().toString(36)}`;
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signInAs(member, 'member@demo.local');
  await member.goto('/en/workspace/labs/new-display-lab/goals');
  await member.getByRole('link', { name: 'Qualify domestic fine metal masks' }).click();
  const form = member.locator('form').filter({ has: member.getByLabel('As of') });
  await expect(
    form.getByText(
      /This goal is public: the value and date appear on its public page as soon as you save; a source not shown there yet appears once a lab manager approves it\./,
    ),
  ).toBeVisible();
  await form.getByLabel('Value').fill('7.25');
  await form.getByLabel('Source', { exact: true }).fill(source);
  await form.getByRole('button', { name: 'Record measurement' }).click();
  await expect(member.getByRole('status').filter({ hasText: 'its source appears there once a manager approves it' })).toBeVisible();
  const row = member.getByTestId('measurement-row').filter({ hasText: source });
  await expect(row.getByText('Source awaiting approval').filter({ visible: true })).toBeVisible();

  await secondsUntil(request, FACT_SHEET, (body) => body.includes('7.25'));
  expect(await (await request.get(FACT_SHEET)).text()).not.toContain(source);

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAs(manager, 'manager@demo.local');
  await manager.goto(member.url());
  const managed = manager.getByTestId('measurement-row').filter({ hasText: source });
  await managed.getByRole('button', { name: 'Publish source' }).filter({ visible: true }).click();
  await expect(managed.getByText('Source awaiting approval').filter({ visible: true })).toHaveCount(0);
  await secondsUntil(request, FACT_SHEET, (body) => body.includes(source));

  // Leave the goal as it was: the member deletes their measurement.
  await member.reload();
  await member
    .getByTestId('measurement-row')
    .filter({ hasText: source })
    .getByRole('button', { name: /^Delete/ })
    .click();
  await member.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(member.getByTestId('measurement-row').filter({ hasText: source })).toHaveCount(0);
  await memberContext.close();
  await managerContext.close();
});
