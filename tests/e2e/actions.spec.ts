// Refreshing a connection from the UI: through basiq-gateway in front of the mock (a card's
// refresh to a settled job, already running, a health row's, the detail's link to the new job,
// refresh all, purge through a gateway that allows it, with the dashboard's record of it),
// Basiq's refusal in its own words, read-only hiding every action, and the offline demo (its
// refresh watched to its end).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiPort, gatewayKey, gatewayPort, purgeGatewayPort, upstreamPort } from './playwright.config';

const gateway = `http://127.0.0.1:${gatewayPort}`;
const upstream = `http://127.0.0.1:${upstreamPort}`;
const mockApp = `http://127.0.0.1:${apiPort}`;
const config = JSON.parse(readFileSync(path.join(__dirname, 'config.mock.json'), 'utf8'));
const shot = (name: string) => path.join(__dirname, 'artifacts', name);

async function control(request: APIRequestContext, origin: string, method: 'post' | 'put', what: string, data: unknown) {
  expect((await request[method](`${origin}/__mock/${what}`, { data: JSON.stringify(data) })).ok()).toBe(true);
}

async function asAlice(page: Page) {
  await page.setExtraHTTPHeaders({ 'x-forwarded-user': 'alice@example.com' });
  await page.goto(gateway + '/');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
}

test.describe('through the gateway', () => {
  test.beforeEach(async ({ request }) => {
    await control(request, upstream, 'post', 'reset', {});
    await control(request, upstream, 'post', 'auth', { requireToken: true, apiKey: gatewayKey });
  });

  test('a card\'s refresh: confirmed once, shown Pending at once, tracked to Success', async ({ page, request }) => {
    await asAlice(page);
    const card = page.locator('article.bjh-card[data-status="success"]:has([data-testid="refresh"])').first();
    const label = (await card.getByTestId('refresh').getAttribute('aria-label'))!;
    const connection = label.replace('Refresh connection ', '');
    const before = await page.locator('article.bjh-card').count();
    await card.getByTestId('refresh').click();
    const dialog = page.getByTestId('refresh-dialog');
    await expect(dialog).toContainText(`Refresh connection ${connection.slice(0, 8)} at `);
    await expect(dialog).toContainText(/at (Hooli Bank|Coastal Credit Union|Nimbus Bank|Southern Cross Savings)\?/);
    await expect(dialog.getByRole('button', { name: 'Refresh' })).toBeFocused();
    await page.screenshot({ path: shot('refresh-confirm.png') });
    // Two clicks as fast as they come: one request.
    await dialog.getByRole('button', { name: 'Refresh' }).dblclick();
    const outcome = page.getByTestId('refresh-outcome');
    await expect(outcome).toContainText(/Refresh started: job \w{8} is Pending\./);
    const job = (await outcome.getAttribute('data-job-id'))!;
    const log: { method: string; url: string }[] = await (await request.get(`${upstream}/__mock/requests`)).json();
    expect(log.filter((r) => r.method === 'POST' && r.url.endsWith('/refresh'))).toHaveLength(1);
    const fresh = page.locator(`article.bjh-card[data-job-id="${job}"]`);
    await expect(fresh).toHaveAttribute('data-status', 'pending');
    await expect(page.locator('article.bjh-card').first()).toHaveAttribute('data-job-id', job);
    await expect(page.locator('article.bjh-card')).toHaveCount(before + 1);
    await expect(fresh.getByTestId('refresh')).toHaveAttribute('aria-label', label);
    await page.screenshot({ path: shot('refresh-started.png') });
    // Asked again while it runs: Basiq's 200 names the same job, which stays the one card.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    await fresh.getByTestId('refresh').click();
    await page.getByTestId('refresh-dialog').getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('refresh-outcome')).toHaveText(`A refresh was already running: job ${job.slice(0, 8)} is tracked.`);
    await expect(page.locator(`article.bjh-card[data-job-id="${job}"]`)).toHaveCount(1);
    // The mock's job runs about 20 s; a minute on, the next poll finds it settled.
    await control(request, upstream, 'post', 'clock', { advanceSeconds: 60 });
    await expect(fresh).toHaveAttribute('data-status', 'success', { timeout: 20_000 });
  });

  test('a health row\'s refresh, and the detail\'s, which links to the new job', async ({ page }) => {
    await asAlice(page);
    await page.getByRole('link', { name: 'Connection health' }).click();
    const row = page.locator('tr.bjh-health__row').first();
    const connection = (await row.getAttribute('data-connection'))!;
    await row.getByTestId('refresh').click();
    await page.getByTestId('refresh-dialog').getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('refresh-outcome')).toContainText('Refresh started');
    await page.goto(gateway + '/');
    await page.locator('a.bjh-card__link').last().click();
    await expect(page.locator('.bjh-detail__head')).toBeVisible();
    await page.locator('.bjh-detail__head').getByTestId('refresh').click();
    await page.getByTestId('refresh-dialog').getByRole('button', { name: 'Refresh' }).click();
    // The oldest job's connection may be the one the health row just refreshed: either way, a job.
    const outcome = page.getByTestId('refresh-outcome');
    await expect(outcome).toContainText(/Refresh started|A refresh was already running/);
    const job = (await outcome.getAttribute('data-job-id'))!;
    await page.getByRole('link', { name: 'Open the job' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]job=${job}`));
    await expect(page.locator('.bjh-detail__head')).toHaveAttribute('data-job-id', job);
    expect(connection.length).toBeGreaterThan(0);
  });

  test('refresh all: one request, one Pending card per connection at the top', async ({ page, request }) => {
    await asAlice(page);
    const labels = await page.locator('article.bjh-card [data-testid="refresh"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    const connections = new Set(labels).size;
    expect(connections).toBeGreaterThan(1);
    await page.getByRole('button', { name: /^Refresh every connection of user/ }).click();
    const dialog = page.getByTestId('refresh-dialog');
    await expect(dialog).toContainText('Refresh every connection of user a2cb616d?');
    await dialog.getByRole('button', { name: 'Refresh', exact: true }).click();
    const outcome = page.getByTestId('refresh-outcome');
    await expect(outcome).toHaveText(`Refreshes started: ${connections} jobs are Pending.`);
    const ids = (await outcome.getAttribute('data-job-ids'))!.split(' ');
    expect(ids).toHaveLength(connections);
    for (const id of ids) {
      const card = page.locator(`article.bjh-card[data-job-id="${id}"]`);
      await expect(card).toHaveAttribute('data-status', 'pending');
      // Each card names its connection (and so offers its own refresh) from the start.
      expect(labels).toContain(await card.getByTestId('refresh').getAttribute('aria-label'));
    }
    const top = await page.locator('article.bjh-card').evaluateAll((cards) => cards.slice(0, 8).map((c) => c.getAttribute('data-job-id')));
    expect(new Set(top.slice(0, connections))).toEqual(new Set(ids));
    const log: { method: string; url: string }[] = await (await request.get(`${upstream}/__mock/requests`)).json();
    expect(log.filter((r) => r.method === 'POST' && r.url.includes('/refresh'))).toHaveLength(1);
    await page.screenshot({ path: shot('refresh-all.png') });
  });

  test('Basiq\'s refusal is shown in its own words and the list stays as it was', async ({ page, request }) => {
    await asAlice(page);
    const before = await page.locator('article.bjh-card').count();
    await control(request, upstream, 'post', 'faults', { match: '/refresh', fault: '503', times: 1 });
    await page.locator('article.bjh-card').first().getByTestId('refresh').click();
    await page.getByTestId('refresh-dialog').getByRole('button', { name: 'Refresh' }).click();
    const error = page.getByTestId('refresh-error');
    await expect(error).toContainText('The refresh did not start: The service is temporarily unavailable');
    await expect(error).toContainText('Service is currently unavailable. Please try again later.');
    await expect(page.locator('article.bjh-card')).toHaveCount(before);
    await page.screenshot({ path: shot('refresh-error.png') });
  });

  test('purge through a gateway run with --allow-purge, recorded by the dashboard', async ({ page, request }) => {
    // The plain gateway serves allowPurge false: no Purge anywhere.
    await asAlice(page);
    await page.goto(gateway + '/?view=health');
    await expect(page.locator('tr.bjh-health__row').first()).toBeVisible();
    await expect(page.getByTestId('purge')).toHaveCount(0);
    const purging = `http://127.0.0.1:${purgeGatewayPort}`;
    await page.goto(purging + '/?view=health');
    const row = page.locator('tr.bjh-health__row').first();
    const connection = (await row.getAttribute('data-connection'))!;
    await expect(page.getByTestId('purge-records')).toHaveCount(0);
    await request.delete(`${upstream}/__mock/requests`);
    await row.getByTestId('purge').click();
    await page.getByTestId('purge-typed').fill(connection);
    await page.getByTestId('purge-dialog').getByRole('button', { name: 'Purge', exact: true }).click();
    await expect(page.getByTestId('purge-outcome')).toContainText(`Purged: the user's data for connection ${connection} is removed.`);
    // To Basiq with the gateway's token: one purge, never seen by the browser.
    const log: { method: string; url: string; authorized: boolean }[] = await (await request.get(`${upstream}/__mock/requests`)).json();
    const purges = log.filter((r) => r.method === 'POST' && r.url.endsWith(`/connections/${connection}/purge`));
    expect(purges).toHaveLength(1);
    // Basiq keeps no job for a purge: the dashboard's own record shows it, and after a reload.
    const record = page.locator(`[data-testid="purge-record"][data-connection="${connection}"]`);
    await expect(record).toContainText(`Purge of connection ${connection.slice(0, 8)} at `);
    await expect(record).toContainText('recorded by this dashboard');
    await page.goto(purging + '/');
    await expect(record).toBeVisible();
    await expect(record.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await page.screenshot({ path: shot('purge-record.png') });
    // Another connection chosen: not its record. A refused purge records nothing.
    const other = (await page.locator('article.bjh-card').evaluateAll((cards) => cards.map((c) => c.querySelector('.bjh-card__meta code')?.textContent))).find((c) => c && c !== connection)!;
    await page.goto(`${purging}/?connection=${other}`);
    await expect(page.locator('article.bjh-card').first()).toBeVisible();
    await expect(page.getByTestId('purge-records')).toHaveCount(0);
    await control(request, upstream, 'post', 'faults', { match: '/purge', fault: '503', times: 1 });
    await page.goto(purging + '/?view=health');
    const otherRow = page.locator(`tr.bjh-health__row[data-connection="${other}"]`);
    await otherRow.getByTestId('purge').click();
    await page.getByTestId('purge-typed').fill(other);
    await page.getByTestId('purge-dialog').getByRole('button', { name: 'Purge', exact: true }).click();
    await expect(page.getByTestId('purge-error')).toContainText('The purge did not happen');
    await expect(page.getByTestId('purge-record')).toHaveCount(1);
  });
});

test('read-only hides every action; the demo refreshes in the page and tells a watched job\'s end', async ({ page, request }) => {
  await control(request, mockApp, 'post', 'reset', {});
  await control(request, mockApp, 'put', 'config', { ...config, readOnly: true });
  await page.goto(mockApp + '/');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await expect(page.getByTestId('refresh')).toHaveCount(0);
  await page.goto(mockApp + '/?view=health');
  await expect(page.locator('tr.bjh-health__row').first()).toBeVisible();
  await expect(page.getByTestId('refresh')).toHaveCount(0);
  await control(request, mockApp, 'put', 'config', { ...config, readOnly: false });
  await page.goto(mockApp + '/');
  await expect(page.getByTestId('refresh').first()).toBeVisible();
  // The demo (no config.json) offers refresh too, run in the page.
  await page.goto('./');
  await expect(page.getByText('Demo data')).toBeVisible();
  await page.locator('article.bjh-card').first().getByTestId('refresh').click();
  await page.getByTestId('refresh-dialog').getByRole('button', { name: 'Refresh' }).click();
  const outcome = page.getByTestId('refresh-outcome');
  await expect(outcome).toContainText('Refresh started');
  const job = (await outcome.getAttribute('data-job-id'))!;
  await expect(page.locator(`article.bjh-card[data-job-id="${job}"]`)).toHaveAttribute('data-status', 'pending');
  // Watched, the demo's job is told when it ends, as a real one is.
  await page.locator(`article.bjh-card[data-job-id="${job}"]`).getByTestId('watch').click();
  await expect(page.getByTestId('watch-status')).toContainText('Watching 1 job');
  await expect(page.locator(`article.bjh-card[data-job-id="${job}"]`)).toHaveAttribute('data-status', /success|failed/, { timeout: 45_000 });
  await expect(page.locator(`[data-testid="watch-notice"][data-job-id="${job}"]`)).toContainText(`Job ${job.slice(0, 8)} `);
  await expect(page).toHaveTitle('(1) Basiq Job History');
  await page.screenshot({ path: shot('watch-demo.png') });
});

test('purge only with allowPurge, and only once the connection id is typed', async ({ page, request }) => {
  await control(request, mockApp, 'post', 'reset', {});
  await control(request, mockApp, 'put', 'config', { ...config, readOnly: false });
  await page.goto(mockApp + '/?view=health');
  await expect(page.locator('tr.bjh-health__row').first()).toBeVisible();
  await expect(page.getByTestId('refresh').first()).toBeVisible();
  await expect(page.getByTestId('purge')).toHaveCount(0);
  await control(request, mockApp, 'put', 'config', { ...config, readOnly: false, allowPurge: true });
  await page.goto(mockApp + '/?view=health');
  const row = page.locator('tr.bjh-health__row').first();
  const connection = (await row.getAttribute('data-connection'))!;
  await request.delete(`${mockApp}/__mock/requests`);
  await row.getByTestId('purge').click();
  const dialog = page.getByTestId('purge-dialog');
  await expect(dialog).toContainText(`Purge connection ${connection} at `);
  await expect(dialog).toContainText('cannot be undone');
  const typed = page.getByTestId('purge-typed');
  await expect(typed).toBeFocused();
  const purge = dialog.getByRole('button', { name: 'Purge', exact: true });
  await expect(purge).toBeDisabled();
  await typed.fill(connection.slice(0, -1));
  await expect(purge).toBeDisabled();
  await typed.fill(connection);
  await expect(purge).toBeEnabled();
  await page.screenshot({ path: shot('purge-confirm.png') });
  await purge.click();
  await expect(page.getByTestId('purge-outcome')).toContainText(`Purged: the user's data for connection ${connection} is removed.`);
  const log: { method: string; url: string }[] = await (await request.get(`${mockApp}/__mock/requests`)).json();
  expect(log.filter((r) => r.method === 'POST' && r.url.endsWith(`/connections/${connection}/purge`))).toHaveLength(1);
  // Basiq's refusal in its words.
  await control(request, mockApp, 'post', 'faults', { match: '/purge', fault: '503', times: 1 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await row.getByTestId('purge').click();
  await typed.fill(connection);
  await purge.click();
  await expect(page.getByTestId('purge-error')).toContainText('The purge did not happen: The service is temporarily unavailable');
});
