// The app configured (config.json) against the mock Basiq API over real HTTP on 127.0.0.1.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recordCspViolations } from './csp';
import { apiPort } from './playwright.config';

const origin = `http://127.0.0.1:${apiPort}`;
/** The same config.json the README uses to run the app against the mock by hand. */
const config = JSON.parse(readFileSync(path.join(__dirname, 'config.mock.json'), 'utf8'));

async function control(request: APIRequestContext, method: 'post' | 'put' | 'delete', what: string, data?: unknown) {
  const response = await request[method](`${origin}/__mock/${what}`, { data: typeof data === 'string' ? data : JSON.stringify(data ?? {}) });
  expect(response.ok()).toBe(true);
}

async function open(page: Page, request: APIRequestContext, url = '/') {
  await control(request, 'post', 'reset');
  await control(request, 'put', 'config', config);
  await page.goto(origin + url);
}

test('the configured app lists, filters, searches, opens and goes back', async ({ page, request }) => {
  await open(page, request);
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  for (const status of ['pending', 'success', 'failed']) {
    await expect(page.locator(`article.bjh-card[data-status="${status}"]`).first()).toBeVisible();
  }
  await page.locator('[data-chip=failed]').click();
  await expect(page).toHaveURL(/status=failed/);
  const failed = page.locator('article.bjh-card');
  expect(await failed.evaluateAll((n) => n.every((c) => c.getAttribute('data-status') === 'failed'))).toBe(true);
  const id = (await failed.first().getAttribute('data-job-id'))!;
  await page.getByTestId('search').fill(id.slice(0, 8));
  await expect(page.locator('article.bjh-card')).toHaveCount(1);
  await page.locator('a.bjh-card__link').click();
  await expect(page.locator('.bjh-detail__head')).toHaveAttribute('data-job-id', id);
  await page.goBack();
  await expect(page.locator('article.bjh-card')).toHaveCount(1);
  const log = await (await request.get(`${origin}/__mock/requests`)).json();
  expect(log.some((r: { url: string }) => r.url === `/basiq/jobs/${id}`)).toBe(true);
  const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
  expect(stored).toBe(0);
});

test('pending jobs progress in place to Success and to Failed', async ({ page, request }) => {
  await open(page, request);
  const pending = page.locator('article.bjh-card[data-status="pending"]');
  await expect(pending.first()).toBeVisible();
  const ids = await pending.evaluateAll((n) => n.map((c) => c.getAttribute('data-job-id')));
  const order = await page.locator('article.bjh-card').evaluateAll((n) => n.map((c) => c.getAttribute('data-job-id')));
  await control(request, 'post', 'clock', { advanceSeconds: 40 });
  const statusOf = (id: string | null) => page.locator(`article[data-job-id="${id}"]`).getAttribute('data-status');
  await expect.poll(async () => (await Promise.all(ids.map(statusOf))).sort(), { timeout: 15_000 }).toEqual(['failed', 'pending', 'success']);
  expect(await page.locator('article.bjh-card').evaluateAll((n) => n.map((c) => c.getAttribute('data-job-id')))).toEqual(order);
  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'api-history.png'), fullPage: true });
});

test('an outage keeps the data on screen with its age and a specific message', async ({ page, request }) => {
  await open(page, request);
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  const count = await page.locator('article.bjh-card').count();
  await control(request, 'post', 'faults', { match: '/users/', fault: '503' });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('error')).toContainText('temporarily unavailable');
  await expect(page.getByTestId('error')).toContainText('Showing data from');
  await expect(page.locator('article.bjh-card')).toHaveCount(count);
});

test('no config.json means the demo, with a badge', async ({ page, request }) => {
  await control(request, 'delete', 'config');
  await page.goto(origin + '/');
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo data');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
});

test('an invalid config.json names the field and what was expected', async ({ page, request }) => {
  await control(request, 'put', 'config', { apiBaseUrl: '/basiq', pollIntervalMs: 'fast' });
  await page.goto(origin + '/');
  await expect(page.getByTestId('config-error')).toContainText('`pollIntervalMs`: expected a whole number');
  await control(request, 'put', 'config', '{"apiBaseUrl": ');
  await page.reload();
  await expect(page.getByTestId('config-error')).toContainText('not valid JSON');
});

test('5,000 jobs load and show the first page of cards', async ({ page, request }) => {
  await control(request, 'post', 'reset');
  await control(request, 'put', 'config', config);
  await control(request, 'post', 'jobs', { bulk: 5000 });
  const started = Date.now();
  await page.goto(origin + '/');
  await expect(page.locator('article.bjh-card').first()).toBeVisible({ timeout: 20_000 });
  const firstCards = Date.now() - started;
  await expect(page.locator('[data-chip=all] .bjh-chip__count')).toHaveText(/^50\d\d$/);
  await expect(page.locator('article.bjh-card')).toHaveCount(100);
  await expect(page.locator('.bjh-more')).toContainText('Show 100 more of');
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  console.log(`5,000 jobs: first cards after ${firstCards} ms, ${nodes} DOM nodes`);
  await page.locator('.bjh-more').click();
  await expect(page.locator('article.bjh-card')).toHaveCount(200);
  await control(request, 'post', 'jobs', { bulk: 0 });
});

test('the Consent UI redirect ?jobIds= shows and tracks exactly those jobs', async ({ page, request }) => {
  await open(page, request);
  const cards = page.locator('article.bjh-card');
  await expect(cards.first()).toBeVisible();
  const ids = await cards.evaluateAll((n) => n.slice(0, 2).map((c) => c.getAttribute('data-job-id')));
  await page.goto(`${origin}/?jobIds=${ids[0]},%20${ids[1]},,no-such-job`);
  await expect(cards).toHaveCount(2);
  expect(await cards.evaluateAll((n) => n.map((c) => c.getAttribute('data-job-id')).sort())).toEqual([...ids].sort());
  await expect(page.getByTestId('problems')).toContainText('no-such-job');
  await expect(page.getByTestId('problems')).toContainText('job not found');
});

test('the app runs under the strict CSP with no violation', async ({ page, request }) => {
  const violations = await recordCspViolations(page);
  const response = await page.goto(origin + '/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await control(request, 'post', 'reset');
  await control(request, 'put', 'config', config);
  await page.reload();
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await page.locator('a.bjh-card__link').first().click();
  await expect(page.locator('.bjh-detail__head')).toBeVisible();
  await page.getByTestId('theme').click();
  expect(violations).toEqual([]);
});

test('?connectionId= (or the config\'s connectionId) shows one connection\'s jobs, filtered by the API', async ({ page, request }) => {
  await control(request, 'post', 'reset');
  const all = await (await request.get(`${origin}/basiq/users/${config.userId}/jobs`)).json();
  const connectionOf = (job: { links?: { source?: string } }) => job.links?.source?.split('/').pop();
  const connection = connectionOf(all.data[0]);
  const expected = all.data.filter((j: { links?: { source?: string } }) => connectionOf(j) === connection).length;
  expect(expected).toBeLessThan(all.data.length);

  for (const [settings, url] of [[config, `/?connectionId=${connection}`], [{ ...config, connectionId: connection }, '/']]) {
    await control(request, 'post', 'reset');
    await control(request, 'put', 'config', settings);
    await page.goto(origin + url);
    await expect(page.locator('article.bjh-card')).toHaveCount(expected);
    const log: { url: string }[] = await (await request.get(`${origin}/__mock/requests`)).json();
    expect(log.some((r) => r.url.includes('/jobs?filter=') && decodeURIComponent(r.url).includes(`connection.id.eq('${connection}')`))).toBe(true);
  }
});

test('the first API request leaves while the wasm loads, once, for the URL the app would ask', async ({ page, request }) => {
  await control(request, 'post', 'reset');
  const all = await (await request.get(`${origin}/basiq/users/${config.userId}/jobs`)).json();
  const connection = all.data[0].links.source.split('/').pop();
  const settled = all.data.find((j: { steps: { status: string }[] }) => j.steps.every((s) => s.status === 'success')).id;
  const second = '7d41e2b0-5c3a-4f7e-9b61-0c8f2a9e4d13';
  const filtered = `/basiq/users/${config.userId}/jobs?filter=connection.id.eq%28%27${connection}%27%29`;
  const cases: [typeof config, string, string, string][] = [
    [config, '/', `/basiq/users/${config.userId}/jobs`, 'article.bjh-card'],
    [config, `/?userId=${second}`, `/basiq/users/${second}/jobs`, 'article.bjh-card'],
    [config, `/?connection=${connection}`, filtered, 'article.bjh-card'],
    [{ ...config, connectionId: connection }, '/', filtered, 'article.bjh-card'],
    [config, `/?job=${settled}`, `/basiq/jobs/${settled}`, '.bjh-detail__head'],
  ];
  for (const [settings, url, first, shown] of cases) {
    await control(request, 'post', 'reset');
    await control(request, 'put', 'config', settings);
    await page.goto(origin + url);
    await expect(page.locator(shown).first()).toBeVisible();
    const log: { url: string }[] = await (await request.get(`${origin}/__mock/requests`)).json();
    // Asked for once (by the loader, the answer taken by the app), not a second time.
    expect(log.filter((r) => r.url === first).length, url).toBe(1);
    expect(log[0].url, url).toBe(first);
    // It left before the app had even read config.json.
    const [asked, configRead] = await page.evaluate((path) => [
      performance.getEntriesByType('resource').find((r) => new URL(r.name).pathname + new URL(r.name).search === path)!.startTime,
      performance.getEntriesByType('mark').find((m) => m.name === 'bjh:config')!.startTime,
    ], first);
    expect(asked, url).toBeLessThan(configRead);
  }
});

test('unreadable items in the answer are each named, visibly, and the rest are shown', async ({ page, request }) => {
  await control(request, 'post', 'reset');
  await control(request, 'put', 'config', config);
  const readable = (await (await request.get(`${origin}/basiq/users/${config.userId}/jobs`)).json()).data.length;
  const bad = [
    { type: 'job', id: 'ad64a82c-0000-4000-8000-000000000001', steps: { title: 'verify-credentials' } },
    42,
    { type: 'job', steps: [] },
  ];
  await control(request, 'post', 'jobs', { extra: bad });
  await page.goto(origin + '/');
  await expect(page.locator('article.bjh-card')).toHaveCount(readable);
  const notice = page.getByTestId('problems');
  // Named without a click: no closed disclosure hides them.
  await expect(notice).toBeVisible();
  await expect(notice.locator('.bjh-notice__title')).toHaveText('3 items in the answer could not be shown:');
  const items = notice.locator('.bjh-notice__items li');
  await expect(items).toHaveText([
    `item ${readable + 1} (job ad64a82c-0000-4000-8000-000000000001): \`steps\` is an object, expected an array`,
    `item ${readable + 2}: the job is a number, expected an object`,
    `item ${readable + 3}: \`id\` is missing`,
  ]);
  for (const item of await items.all()) await expect(item).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'unreadable-items.png') });
  await control(request, 'post', 'jobs', { bulk: 0 });
});

/** The mock's page requests (`…/jobs?…page=N`) so far. */
async function pageRequests(request: APIRequestContext): Promise<string[]> {
  const log: { url: string }[] = await (await request.get(`${origin}/__mock/requests`)).json();
  return log.map((r) => r.url).filter((url) => url.includes('/jobs?') && url.includes('page='));
}

test('a paged list: followed with its progress, stoppable, and only as far back as the range needs', async ({ page, request }) => {
  await control(request, 'post', 'reset');
  await control(request, 'put', 'config', config);
  await control(request, 'post', 'jobs', { bulk: 1200, pageSize: 100 });
  const first = await (await request.get(`${origin}/basiq/users/${config.userId}/jobs`)).json();
  const total: number = first.size;
  const pages = Math.ceil(total / 100);
  expect(first.data.length).toBe(100);
  expect(first.links.next).toMatch(/^https:\/\/au-api\.basiq\.io\/users\/.*page=2$/);

  // Every page, each shown as it comes, with "loaded N of ~M".
  await control(request, 'post', 'faults', { match: 'page=', fault: 'slow:250', times: 100 });
  await page.goto(origin + '/');
  const paging = page.getByTestId('paging');
  await expect(paging).toHaveAttribute('data-state', 'loading');
  await expect(paging).toContainText(new RegExp(`Loading older jobs: loaded \\d+ of ~${total.toLocaleString('en')} jobs`));
  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'paging.png') });
  await expect(paging).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[data-chip=all] .bjh-chip__count')).toHaveText(String(total));
  // The next links named Basiq's host; they were asked of the app's own API base.
  expect((await pageRequests(request)).length).toBe(pages - 1);
  expect((await pageRequests(request)).every((url) => url.startsWith('/basiq/users/'))).toBe(true);

  // Stop keeps what came and asks for nothing more; "Load the rest" goes on to the end.
  await control(request, 'delete', 'requests');
  await page.reload();
  await expect(paging).toHaveAttribute('data-state', 'loading');
  await paging.getByRole('button', { name: 'Stop' }).click();
  await expect(paging).toHaveAttribute('data-state', 'stopped');
  await expect(paging).toContainText(/^Stopped: loaded \d+ of ~[\d,]+ jobs; older jobs are not shown\./);
  const asked = (await pageRequests(request)).length;
  await page.waitForTimeout(1_000);
  expect((await pageRequests(request)).length).toBe(asked);
  const shown = Number(await page.locator('[data-chip=all] .bjh-chip__count').textContent());
  expect(shown).toBeLessThan(total);
  expect(shown).toBeGreaterThanOrEqual(100);
  await paging.getByRole('button', { name: 'Load the rest' }).click();
  await expect(paging).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[data-chip=all] .bjh-chip__count')).toHaveText(String(total));
  await control(request, 'delete', 'faults');

  // The last 24 hours: the pages stop at the first one wholly older; a wider range loads on.
  await control(request, 'delete', 'requests');
  await page.goto(origin + '/?range=24h');
  await expect(page.getByTestId('summary')).toContainText('Last 24 h');
  await expect(paging).toHaveCount(0);
  await page.waitForTimeout(500);
  const forADay = (await pageRequests(request)).length;
  expect(forADay).toBeGreaterThan(0);
  expect(forADay).toBeLessThan(pages - 2);
  await page.getByTestId('range').selectOption('7d');
  await expect(page.locator('[data-chip=all] .bjh-chip__count')).toHaveText(String(total), { timeout: 30_000 });
  expect((await pageRequests(request)).length).toBe(pages - 1);
  await control(request, 'post', 'jobs', { bulk: 0 });
});
