// Watching a pending job, through basiq-gateway in front of the mock: with notifications
// granted (a notification, the in-page notice, the title), denied (the notice alone), while the
// tab is hidden (only the watched job is asked for, once a minute), and in the embed (the
// host hears job-settled for a watched job that no list showed, once).
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ClockedPage } from './clocked-page.mjs';
import { apiPort, gatewayKey, gatewayPort, hostPort, upstreamPort } from './playwright.config';

const gateway = `http://127.0.0.1:${gatewayPort}`;
const upstream = `http://127.0.0.1:${upstreamPort}`;
const user = 'a2cb616d-2a1c-4c08-b448-cedb22e707f6';
const shot = (name: string) => path.join(__dirname, 'artifacts', name);
const MIN = 60_000;

async function control(request: APIRequestContext, origin: string, what: string, data: unknown) {
  expect((await request.post(`${origin}/__mock/${what}`, { data: JSON.stringify(data) })).ok()).toBe(true);
}

/** Starts a refresh of `connection` on the mock at `origin` (`prefix`: its API path): a job
 * that runs for 20 s of the mock's time. */
async function refresh(request: APIRequestContext, origin: string, connection: string, prefix = '') {
  const res = await request.post(`${origin}${prefix}/users/${user}/connections/${connection}/refresh`);
  expect(res.status()).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

/** Records every browser notification the page creates (title, body, tag and the notification
 * itself), still creating the real one. */
function spyOnNotifications() {
  const Real = window.Notification;
  (window as any).__notifications = [];
  if (!Real) return;
  class Recorded extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      (window as any).__notifications.push({ title, body: options?.body, tag: options?.tag, notification: this });
    }
  }
  (window as any).Notification = Recorded;
}

const notifications = (page: Page) =>
  page.evaluate(() => (window as any).__notifications.map(({ title, body, tag }: any) => ({ title, body, tag })));

/** A page as Alice, through the gateway, with notifications granted or not. */
async function asAlice(browser: Browser, grant: boolean) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-user': 'alice@example.com' } });
  if (grant) await context.grantPermissions(['notifications'], { origin: gateway });
  await context.addInitScript(spyOnNotifications);
  return context.newPage();
}

test.describe('watching through the gateway', () => {
  let watched: string;
  let other: string;
  test.beforeEach(async ({ request }) => {
    await control(request, upstream, 'reset', {});
    // Two refreshes running before the page opens (the mock takes them without a token until
    // it is told to demand one).
    watched = await refresh(request, upstream, 'watch-a');
    other = await refresh(request, upstream, 'watch-b');
    await control(request, upstream, 'auth', { requireToken: true, apiKey: gatewayKey });
  });

  test('granted: a notification, the notice and the title when the watched job settles', async ({ browser, request }) => {
    const page = await asAlice(browser, true);
    await page.goto(gateway + '/');
    const card = page.locator(`article.bjh-card[data-job-id="${watched}"]`);
    await expect(card).toHaveAttribute('data-status', 'pending');
    await expect(page.locator('article.bjh-card[data-status="success"] [data-testid="watch"]')).toHaveCount(0);
    const toggle = card.getByTestId('watch');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle).toHaveText('Watching');
    await expect(page.getByTestId('watch-status')).toHaveText('Watching 1 job: this page tells you when it ends. A browser notification tells you too.');
    await page.screenshot({ path: shot('watch-toggle.png') });
    await control(request, upstream, 'clock', { advanceSeconds: 60 });
    const notice = page.locator(`[data-testid="watch-notice"][data-job-id="${watched}"]`);
    await expect(notice).toHaveAttribute('data-status', 'success', { timeout: 20_000 });
    await expect(notice).toContainText('Success');
    await expect(notice).toContainText(`Job ${watched.slice(0, 8)} succeeded`);
    await expect(notice).toContainText('Connection watch-a');
    await expect(page).toHaveTitle('(1) Basiq Job History');
    await expect(card).toHaveAttribute('data-status', 'success');
    // The other job settled too, unwatched: no notice, no notification.
    await expect(page.locator(`article.bjh-card[data-job-id="${other}"]`)).toHaveAttribute('data-status', 'success');
    await expect(page.getByTestId('watch-notice')).toHaveCount(1);
    const told = await notifications(page);
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe(`✓ Job ${watched.slice(0, 8)} succeeded`);
    expect(told[0].body).toMatch(/^Connection watch-a(: | at )/);
    expect(told[0].tag).toBe(watched);
    await page.screenshot({ path: shot('watch-notice.png') });
    // A click on the notification (the handler the browser calls) opens the job.
    await page.evaluate(() => (window as any).__notifications[0].notification.onclick(new Event('click')));
    await expect(page.locator('.bjh-detail__head')).toHaveAttribute('data-job-id', watched);
    await expect(page).toHaveURL(new RegExp(`job=${watched}`));
    // Dismissed, the title is the page's own again.
    await page.getByTestId('watch-dismiss').click();
    await expect(page.getByTestId('watch-notice')).toHaveCount(0);
    await expect(page).toHaveTitle('Basiq Job History');
    await page.context().close();
  });

  test('denied: the in-page notice alone, and the page says why', async ({ browser, request }) => {
    const page = await asAlice(browser, false);
    await page.goto(gateway + '/');
    const card = page.locator(`article.bjh-card[data-job-id="${watched}"]`);
    await card.getByTestId('watch').click();
    await expect(page.getByTestId('watch-status')).toContainText(/Browser notifications are (blocked for this site|not allowed yet)/);
    expect(await page.evaluate(() => Notification.permission)).not.toBe('granted');
    await control(request, upstream, 'clock', { advanceSeconds: 60 });
    const notice = page.locator(`[data-testid="watch-notice"][data-job-id="${watched}"]`);
    await expect(notice).toHaveAttribute('data-status', 'success', { timeout: 20_000 });
    await expect(page).toHaveTitle('(1) Basiq Job History');
    expect(await notifications(page)).toEqual([]);
    await page.screenshot({ path: shot('watch-denied.png') });
    await page.context().close();
  });

  test('hidden: only the watched job is asked for, once a minute, until it settles', async ({ browser, request }) => {
    test.setTimeout(5 * MIN);
    const page = await asAlice(browser, true);
    // After the refreshes began (the mock lists no job from its future).
    const start = Math.ceil(Date.now() / 1000) * 1000 + 1_000;
    const s = new ClockedPage(page, upstream, start);
    const polls = (id: string, from: number, to: number) => s.count(`/basiq/jobs/${id}`, from * MIN, to * MIN, true);
    const all = (from: number, to: number) => s.count('/basiq/', from * MIN, to * MIN);
    await s.mockAt(start);
    await page.clock.install({ time: start });
    await page.goto(gateway + '/');
    await expect(page.locator(`article.bjh-card[data-job-id="${watched}"]`)).toHaveAttribute('data-status', 'pending');
    await page.locator(`article.bjh-card[data-job-id="${watched}"]`).getByTestId('watch').click();
    await expect(page.getByTestId('watch-status')).toContainText('Watching 1 job');
    // The mock's clock stands still (the jobs stay pending) while the tab is hidden 5 minutes.
    s.mockPinned = false;
    await s.run(5_000, 1_000);
    await s.setHidden(true);
    const hiddenAt = s.elapsed / MIN;
    await s.run(5 * MIN, 5_000);
    const hidden = { watched: polls(watched, hiddenAt, hiddenAt + 5), other: polls(other, hiddenAt, hiddenAt + 5), all: all(hiddenAt, hiddenAt + 5) };
    console.log(`WATCH hidden 5 min: ${hidden.watched} polls of the watched job, ${hidden.other} of the other pending job, ${hidden.all} API requests in all`);
    expect(hidden.watched).toBeGreaterThanOrEqual(4);
    expect(hidden.watched).toBeLessThanOrEqual(6);
    expect(hidden.other).toBe(0);
    expect(hidden.all).toBe(hidden.watched);
    // The mock catches up: the watched job ends while the tab is still hidden, and is told.
    s.mockPinned = true;
    await s.run(70_000, 5_000);
    await expect.poll(() => notifications(page)).toHaveLength(1);
    await expect(page).toHaveTitle('(1) Basiq Job History');
    const settledAt = s.elapsed / MIN;
    await s.run(3 * MIN, 5_000);
    expect(all(settledAt, settledAt + 3)).toBe(0);
    // Shown again: the list and the other job are asked for at once, and the cards catch up.
    await s.setHidden(false);
    await s.run(2_000, 1_000);
    await expect(page.locator(`article.bjh-card[data-job-id="${watched}"]`)).toHaveAttribute('data-status', 'success');
    expect(polls(other, settledAt + 3, settledAt + 4)).toBeGreaterThanOrEqual(1);
    await page.context().close();
  });
});

test('embedded: the host hears job-settled once for a watched job that only the detail showed', async ({ page, request }) => {
  const app = `http://127.0.0.1:${apiPort}/`;
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const config = JSON.parse(readFileSync(path.join(__dirname, 'config.mock.json'), 'utf8'));
  expect((await request.post(`${app}__mock/reset`)).ok()).toBe(true);
  expect((await request.put(`${app}__mock/config`, { data: JSON.stringify({ ...config, embed: { allowedOrigins: [hostOrigin] } }) })).ok()).toBe(true);
  const job = await refresh(request, app.slice(0, -1), 'watch-e', '/basiq');
  await page.goto(`${hostOrigin}/host.html?app=${encodeURIComponent(app)}`);
  const frame = page.frameLocator('#jobs');
  await frame.locator(`article.bjh-card[data-job-id="${job}"] a.bjh-card__link`).click();
  const head = frame.locator('.bjh-detail__head');
  await expect(head).toHaveAttribute('data-status', 'pending');
  await head.getByTestId('watch').click();
  await control(request, app.slice(0, -1), 'clock', { advanceSeconds: 60 });
  await expect(frame.locator(`[data-testid="watch-notice"][data-job-id="${job}"]`)).toBeVisible({ timeout: 20_000 });
  const settled = () =>
    page.evaluate(() => (window as any).received.filter((m: any) => m.type === 'basiq-jobs:job-settled'));
  await expect.poll(settled).toEqual([{ type: 'basiq-jobs:job-settled', jobId: job, status: 'success' }]);
  // Back in the list, which shows it settled: still told once.
  await frame.locator('.bjh-back').click();
  await expect(frame.locator(`article.bjh-card[data-job-id="${job}"]`)).toHaveAttribute('data-status', 'success');
  await page.waitForTimeout(2_000);
  expect(await settled()).toHaveLength(1);
  expect((await request.delete(`${app}__mock/config`)).ok()).toBe(true);
});
