// Tokens stay out of URLs, storage and the console; API text never becomes markup.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiPort } from './playwright.config';

const origin = `http://127.0.0.1:${apiPort}`;
const config = JSON.parse(readFileSync(path.join(__dirname, 'config.mock.json'), 'utf8'));

async function control(request: APIRequestContext, method: 'post' | 'put', what: string, data: unknown) {
  expect((await request[method](`${origin}/__mock/${what}`, { data: JSON.stringify(data) })).ok()).toBe(true);
}

test('a pasted token is used as a bearer header only: never in a URL, storage or the console', async ({ page, request }) => {
  const secret = 'pasted-secret-token-0123456789';
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await control(request, 'post', 'reset', {});
  await control(request, 'put', 'config', { ...config, auth: { mode: 'prompt' } });
  await page.goto(origin + '/');
  await page.getByTestId('token-gate').locator('input').fill(secret);
  await page.getByRole('button', { name: 'Use token' }).click();
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await page.locator('a.bjh-card__link').first().click();
  await expect(page.locator('.bjh-detail__head')).toBeVisible();

  const log: { url: string; authorization: boolean }[] = await (await request.get(`${origin}/__mock/requests`)).json();
  const api = log.filter((r) => r.url.startsWith('/basiq/'));
  expect(api.length).toBeGreaterThan(1);
  expect(api.every((r) => r.authorization)).toBe(true);
  expect(log.some((r) => r.url.includes(secret))).toBe(false);
  expect(page.url()).not.toContain(secret);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(secret);
  expect(console.join('\n')).not.toContain(secret);
  expect(await page.locator('.bjh-raw__curl').textContent()).not.toContain(secret);
});

test('markup in API text is shown as text and never runs', async ({ page, request }) => {
  await control(request, 'post', 'reset', {});
  await control(request, 'put', 'config', config);
  await page.addInitScript(() => {
    // @ts-expect-error a flag a hostile script would set
    window.__pwned = false;
  });
  await page.goto(`${origin}/?jobIds=${encodeURIComponent('<img src=x onerror="window.__pwned=true">')}`);
  await expect(page.getByTestId('problems')).toContainText('<img src=x onerror="window.__pwned=true">');
  // @ts-expect-error the flag above
  expect(await page.evaluate(() => window.__pwned)).toBe(false);
  expect(await page.locator('[data-testid=problems] img').count()).toBe(0);
});
