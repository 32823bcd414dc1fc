// The app through basiq-gateway in front of the mock Basiq server: the gateway serves dist/ and
// config.json, holds the key, mints the token and checks who may read whose jobs. The sign-in
// layer that would stand in front of it is played by the `x-forwarded-user` header.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gatewayKey, gatewayPort, upstreamPort } from './playwright.config';

const gateway = `http://127.0.0.1:${gatewayPort}`;
const upstream = `http://127.0.0.1:${upstreamPort}`;
const shot = (name: string) => path.join(__dirname, 'artifacts', name);

async function control(request: APIRequestContext, what: string, data: unknown) {
  expect((await request.post(`${upstream}/__mock/${what}`, { data: JSON.stringify(data) })).ok()).toBe(true);
}

test.beforeEach(async ({ request }) => {
  await control(request, 'reset', {});
  // The mock now checks the token request as Basiq does, and every call's token.
  await control(request, 'auth', { requireToken: true, apiKey: gatewayKey });
  await request.delete(`${upstream}/__mock/requests`);
});

test('a signed-in user sees their jobs through the gateway; no token reaches the browser', async ({ browser, request }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-user': 'alice@example.com' } });
  const page = await context.newPage();
  const seen: string[] = [];
  page.on('response', async (response) => {
    seen.push(`${response.url()} ${JSON.stringify(await response.allHeaders())}`);
    if (response.request().resourceType() === 'fetch') seen.push(await response.text().catch(() => ''));
  });
  await page.goto(gateway + '/');
  for (const status of ['pending', 'success', 'failed']) {
    await expect(page.locator(`article.bjh-card[data-status="${status}"]`).first()).toBeVisible();
  }
  await expect(page.getByText('Demo data')).toHaveCount(0);
  await page.screenshot({ path: shot('gateway.png'), fullPage: true });
  // The gateway, not the browser, minted the token and sent it.
  const log: { method: string; url: string; authorization: boolean }[] = await (await request.get(`${upstream}/__mock/requests`)).json();
  expect(log.filter((r) => r.url === '/token')).toHaveLength(1);
  const calls = log.filter((r) => r.url !== '/token');
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((r) => r.authorization)).toBe(true);
  expect(seen.join('\n')).not.toContain('mock-token-');
  expect(seen.join('\n')).not.toContain(gatewayKey);
  // A job's detail comes through the gateway too.
  await page.locator('a.bjh-card__link').first().click();
  await expect(page.locator('.bjh-detail__head')).toBeVisible();
  await context.close();
});

test('a caller the users file does not grant gets Basiq\'s refusal, shown as such', async ({ browser, request }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-user': 'mallory@example.com' } });
  const page = await context.newPage();
  await page.goto(gateway + '/');
  const error = page.getByTestId('error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('Refused by the gateway');
  await expect(error).toContainText("You may not see this user's jobs.");
  await expect(page.locator('article.bjh-card')).toHaveCount(0);
  await page.screenshot({ path: shot('gateway-forbidden.png'), fullPage: true });
  const log: { url: string }[] = await (await request.get(`${upstream}/__mock/requests`)).json();
  expect(log.filter((r) => r.url.includes('/jobs'))).toHaveLength(0);
  await context.close();
});

test('the gateway sends each hashed file\'s precompressed twin the browser accepts, and the file as it is otherwise', async ({ browser, request }) => {
  const dist = path.join(__dirname, '../../dist');
  const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const loader = index.match(/loader-[0-9a-f]{16}\.js/)![0];
  const wasm = readdirSync(dist).find((f) => /_bg\.wasm$/.test(f))!;
  for (const file of [loader, wasm]) {
    const size = (name: string) => statSync(path.join(dist, name)).size;
    expect(size(`${file}.br`)).toBeLessThan(size(`${file}.gz`));
    expect(size(`${file}.gz`)).toBeLessThan(size(file));
    for (const [accept, encoding, bytes] of [
      ['br, gzip', 'br', size(`${file}.br`)],
      ['gzip', 'gzip', size(`${file}.gz`)],
      ['identity', undefined, size(file)],
    ] as const) {
      const answer = await request.fetch(`${gateway}/${file}`, { headers: { 'accept-encoding': accept } });
      expect(answer.status()).toBe(200);
      const headers = answer.headers();
      expect(headers['content-encoding'], `${file} for ${accept}`).toBe(encoding);
      expect(Number(headers['content-length']), `${file} for ${accept}`).toBe(bytes);
      expect(headers['content-type']).toBe(file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  }
  // And the page runs on them: Chromium asks for br and gets it.
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-user': 'alice@example.com' } });
  const page = await context.newPage();
  const encodings = new Map<string, string | undefined>();
  page.on('response', async (response) => {
    encodings.set(path.basename(new URL(response.url()).pathname), (await response.allHeaders())['content-encoding']);
  });
  await page.goto(gateway + '/');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  expect(encodings.get(wasm)).toBe('br');
  expect(encodings.get(loader)).toBe('br');
  await context.close();
});
