// One dist/ everywhere: under a sub-path with the strict CSP, configured or not, deep links
// included; and mounted into a host page that themes it through the CSS custom properties.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recordCspViolations } from './csp';
import { hostPort, subPort } from './playwright.config';

const origin = `http://127.0.0.1:${subPort}`;
const app = `${origin}/tools/jobs/`;
const config = JSON.parse(readFileSync(path.join(__dirname, 'config.mock.json'), 'utf8'));

/** Records every URL the page requests. */
function watchRequests(page: Page) {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return requests;
}

test('under a sub-path: demo cards, a job opened, the deep link reloaded, no CSP violation', async ({ page, request }) => {
  expect((await request.post(`${origin}/__mock/reset`)).ok()).toBe(true);
  const requests = watchRequests(page);
  const violations = await recordCspViolations(page);
  const response = await page.goto(app);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  for (const status of ['pending', 'success', 'failed']) {
    await expect(page.locator(`article.bjh-card[data-status="${status}"]`).first()).toBeVisible();
  }
  const card = page.locator('article.bjh-card[data-status="failed"]').first();
  const id = (await card.getAttribute('data-job-id'))!;
  await card.locator('a.bjh-card__link').click();
  await expect(page).toHaveURL(`${app}?job=${id}`);
  await expect(page.locator('.bjh-detail__head')).toHaveAttribute('data-job-id', id);

  await page.reload();
  await expect(page.locator('.bjh-detail__head')).toHaveAttribute('data-job-id', id);
  await page.locator('a.bjh-back').click();
  await expect(page).toHaveURL(app);
  await expect(page.locator('article.bjh-card').first()).toBeVisible();

  const outside = requests.filter((u) => u.startsWith(origin) && !u.startsWith(app));
  expect(outside).toEqual([]);
  expect(requests.some((u) => /\/tools\/jobs\/basiq-job-history-[0-9a-f]+_bg\.wasm$/.test(u))).toBe(true);
  expect(violations).toEqual([]);
});

test('under a sub-path: config.json is read from the base and index.html deep links work', async ({ page, request }) => {
  expect((await request.post(`${origin}/__mock/reset`)).ok()).toBe(true);
  expect((await request.put(`${origin}/__mock/config`, { data: JSON.stringify(config) })).ok()).toBe(true);
  const requests = watchRequests(page);
  const violations = await recordCspViolations(page);
  await page.goto(`${app}index.html?status=failed`);
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  const card = page.locator('article.bjh-card').first();
  await expect(card).toHaveAttribute('data-status', 'failed');
  const id = (await card.getAttribute('data-job-id'))!;
  await card.locator('a.bjh-card__link').click();
  await expect(page).toHaveURL(`${app}index.html?status=failed&job=${id}`);
  await expect(page.locator('.bjh-detail__head')).toHaveAttribute('data-status', 'failed');
  await page.goBack();
  await expect(page.locator('.bjh-chip--active')).toHaveAttribute('data-chip', 'failed');

  const log: { url: string }[] = await (await request.get(`${origin}/__mock/requests`)).json();
  expect(log.some((r) => r.url.startsWith(`/basiq/users/${config.userId}/jobs`))).toBe(true);
  expect(requests).toContain(`${app}config.json`);
  expect(violations).toEqual([]);
  expect((await request.delete(`${origin}/__mock/config`)).ok()).toBe(true);
});

test('mounted in a host page: themed by its custom properties, nothing leaking either way', async ({ page, request }) => {
  expect((await request.post(`${origin}/__mock/reset`)).ok()).toBe(true);
  await page.goto(`http://127.0.0.1:${hostPort}/mounted.html?app=${encodeURIComponent(app)}`);
  const root = page.locator('[data-basiq-job-history] > .bjh-app');
  await expect(root.locator('article.bjh-card').first()).toBeVisible();
  await expect(root.getByTestId('demo-badge')).toBeVisible();

  const themed = await page.evaluate(() => {
    const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
    return {
      font: style('.bjh-app').fontFamily,
      radius: style('article.bjh-card').borderTopLeftRadius,
      accent: style('.bjh-badge--demo').color,
      bodyMargin: style('body').marginTop,
      hostHeading: style('h1').fontFamily,
      hostBoxSizing: style('body').boxSizing,
    };
  });
  expect(themed.font).toContain('Georgia');
  expect(themed.radius).toBe('2px');
  expect(themed.accent).toBe('rgb(122, 0, 204)');
  // The host's own page keeps its styles: the app's stylesheet only styles `bjh-` classes.
  expect(themed.bodyMargin).toBe('8px');
  expect(themed.hostHeading).toBe('monospace');
  expect(themed.hostBoxSizing).toBe('content-box');

  // The app's links stay on the host page's path; the host's own links are not taken over.
  const id = (await root.locator('article.bjh-card').first().getAttribute('data-job-id'))!;
  await root.locator('a.bjh-card__link').first().click();
  await expect(page).toHaveURL(new RegExp(`/mounted\\.html\\?app=[^&]+&job=${id}$`));
  await expect(root.locator('.bjh-detail__head')).toHaveAttribute('data-job-id', id);
  await page.locator('#portal-link').click();
  await expect(page).toHaveURL(`http://127.0.0.1:${hostPort}/host.html`);
});
