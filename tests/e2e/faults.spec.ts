// The fault matrix: the configured app against the mock Basiq API with one fault at a time.
// Each shows its specific message, and the data already shown stays, with its age.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiPort } from './playwright.config';

const origin = `http://127.0.0.1:${apiPort}`;
const config = JSON.parse(readFileSync(path.join(__dirname, 'config.mock.json'), 'utf8'));

async function control(request: APIRequestContext, method: 'post' | 'put', what: string, data: unknown) {
  const response = await request[method](`${origin}/__mock/${what}`, { data: JSON.stringify(data) });
  expect(response.ok()).toBe(true);
}

async function loaded(page: Page, request: APIRequestContext, settings = config) {
  await control(request, 'post', 'reset', {});
  await control(request, 'put', 'config', settings);
  await page.goto(origin + '/');
}

const matrix: [string, string][] = [
  ['401', 'The access token has expired'],
  ['403-expired', 'The access token has expired'],
  ['403-forbidden', "Access forbidden: the token's scope is too low"],
  ['404', 'Not found'],
  ['429', 'Rate limited by the API'],
  ['429-retry-after:120', 'Rate limited by the API'],
  ['500', 'Server error (HTTP 500)'],
  ['502-html', 'Server error (HTTP 502)'],
  ['503', 'The service is temporarily unavailable'],
  ['malformed', 'The response could not be read'],
];

for (const [fault, headline] of matrix) {
  test(`list refresh answered ${fault}: "${headline}", data kept`, async ({ page, request }) => {
    await loaded(page, request);
    const cards = page.locator('article.bjh-card');
    await expect(cards.first()).toBeVisible();
    const count = await cards.count();
    await control(request, 'post', 'faults', { match: '/users/', fault });
    await page.getByRole('button', { name: 'Refresh' }).click();
    const banner = page.getByTestId('error');
    await expect(banner).toContainText(headline);
    await expect(banner).toContainText('Showing data from');
    await expect(cards).toHaveCount(count);
  });
}

test('a refused connection says the API is unreachable', async ({ page, request }) => {
  await loaded(page, request, { ...config, apiBaseUrl: 'http://127.0.0.1:9/basiq' });
  await expect(page.getByTestId('error')).toContainText('Offline or the API is unreachable');
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('a failing token URL says no token could be had', async ({ page, request }) => {
  await loaded(page, request, { ...config, auth: { mode: 'tokenUrl', tokenUrl: '/basiq/no-such-token-url' } });
  await expect(page.getByTestId('error')).toContainText('Could not get an access token');
});

test('a request that hangs is abandoned with a timeout message', async ({ page, request }) => {
  test.setTimeout(60_000);
  await control(request, 'post', 'reset', {});
  await control(request, 'put', 'config', config);
  await control(request, 'post', 'faults', { match: '/users/', fault: 'hang:30000', times: 1 });
  await page.goto(origin + '/');
  await expect(page.getByTestId('error')).toContainText('No answer within 20 s', { timeout: 30_000 });
  await expect(page.locator('article.bjh-card').first()).toBeVisible({ timeout: 10_000 });
});

test('answers arriving out of order: a late, older list answer never rolls a card back', async ({ page, request }) => {
  await control(request, 'post', 'reset', {});
  const start = Date.now();
  // The mock's clock stands still, so the demo's live jobs stay pending until it moves.
  await control(request, 'post', 'clock', { at: new Date(start).toISOString() });
  await control(request, 'put', 'config', config);
  await page.goto(origin + '/');
  const id = (await page.locator('article.bjh-card[data-status="pending"]').first().getAttribute('data-job-id'))!;
  const card = page.locator(`article.bjh-card[data-job-id="${id}"]`);

  // The next list answer is made now, with the job pending, and delivered 4 s late; meanwhile
  // the job finishes and its own poll (every second here) says so.
  await control(request, 'post', 'faults', { match: '/users/', fault: 'stale:4000', times: 1 });
  const asked = Date.now();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await control(request, 'post', 'clock', { at: new Date(start + 120_000).toISOString() });
  await expect(card).toHaveAttribute('data-status', /^(success|failed)$/);
  const settled = (await card.getAttribute('data-status'))!;
  expect(Date.now() - asked).toBeLessThan(4_000);

  // The stale answer lands after this; the card keeps its newer state, in the same place.
  await page.waitForTimeout(Math.max(0, asked + 5_000 - Date.now()));
  await expect(card).toHaveAttribute('data-status', settled);
  await expect(page.getByTestId('error')).toHaveCount(0);
});
