// The app in an iframe of a host page on another origin, driven through the postMessage
// contract; messages from an origin that is not allowed are ignored.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiPort, hostPort } from './playwright.config';

const app = `http://127.0.0.1:${apiPort}/`;
const hostOrigin = `http://127.0.0.1:${hostPort}`;
const config = JSON.parse(readFileSync(path.join(__dirname, 'config.mock.json'), 'utf8'));

async function control(request: APIRequestContext, method: 'post' | 'put', what: string, data: unknown) {
  expect((await request[method](`${app}__mock/${what}`, { data: JSON.stringify(data) })).ok()).toBe(true);
}

/** Opens the example host page (examples/host.html, served by the third server) with the app. */
async function openHost(page: Page, origin: string) {
  await page.goto(`${origin}/host.html?app=${encodeURIComponent(app)}`);
}

const types = (page: Page) => page.evaluate(() => (window as any).received.map((m: { type: string }) => m.type));

test('the contract works both ways with an allowed host', async ({ page, request }) => {
  await control(request, 'post', 'reset', {});
  await control(request, 'put', 'config', { ...config, embed: { allowedOrigins: [hostOrigin] } });
  await openHost(page, hostOrigin);
  const frame = page.frameLocator('#jobs');
  await expect(frame.locator('article.bjh-card').first()).toBeVisible();
  await expect.poll(() => types(page)).toContain('basiq-jobs:ready');
  await expect.poll(() => types(page)).toContain('basiq-jobs:resize');
  expect(await page.evaluate(() => (window as any).received.find((m: any) => m.type === 'basiq-jobs:resize').height)).toBeGreaterThan(100);

  await page.evaluate(() => (window as any).send({ type: 'basiq-jobs:set-theme', theme: 'dark' }));
  await expect(frame.locator('html')).toHaveAttribute('data-bjh-theme', 'dark');
  await page.evaluate(() => (window as any).send({ type: 'basiq-jobs:set-locale', locale: 'fr' }));
  await expect(frame.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(frame.locator('.bjh-tab[data-view="jobs"]')).toHaveText('Tâches');
  await page.evaluate(() => (window as any).send({ type: 'basiq-jobs:set-locale', locale: 'en' }));
  await expect(frame.locator('.bjh-tab[data-view="jobs"]')).toHaveText('Jobs');
  await page.evaluate(() => (window as any).send({ type: 'basiq-jobs:set-filters', status: 'failed' }));
  await expect(frame.locator('.bjh-chip--active')).toHaveAttribute('data-chip', 'failed');

  const id = await frame.locator('article.bjh-card').first().getAttribute('data-job-id');
  await frame.locator('a.bjh-card__link').first().click();
  await expect.poll(() => page.evaluate(() => (window as any).received.filter((m: any) => m.type === 'basiq-jobs:job-selected'))).toEqual([
    { type: 'basiq-jobs:job-selected', jobId: id, status: 'failed' },
  ]);

  await frame.locator('.bjh-back').click();
  await page.evaluate(() => (window as any).send({ type: 'basiq-jobs:set-filters' }));
  await control(request, 'post', 'clock', { advanceSeconds: 40 });
  await expect.poll(() => types(page), { timeout: 15_000 }).toContain('basiq-jobs:job-settled');
});

test('messages from an origin that is not allowed are ignored', async ({ page, request }) => {
  await control(request, 'post', 'reset', {});
  await control(request, 'put', 'config', { ...config, embed: { allowedOrigins: [hostOrigin] } });
  await page.emulateMedia({ colorScheme: 'light' });
  await openHost(page, `http://localhost:${hostPort}`);
  const frame = page.frameLocator('#jobs');
  await expect(frame.locator('article.bjh-card').first()).toBeVisible();
  await page.evaluate(() => (window as any).send({ type: 'basiq-jobs:set-theme', theme: 'dark' }));
  await page.evaluate(() => (window as any).send({ type: 'basiq-jobs:set-filters', status: 'failed' }));
  await page.waitForTimeout(1000);
  await expect(frame.locator('html')).toHaveAttribute('data-bjh-theme', 'light');
  await expect(frame.locator('.bjh-chip--active')).toHaveAttribute('data-chip', 'all');
  expect(await types(page)).toEqual([]);
});
