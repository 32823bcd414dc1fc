// Saved files: export the view shown (JSON and CSV, named after the user and the range) from
// the app against the mock over real HTTP, open the export again (file picker, and drag and
// drop) and browse it in every view with nothing asked of the API for five minutes, open the
// API's own list answer, and refuse bad files (not JSON, another version, 50 MB) without
// changing anything; a file with bad items opens without them, named, its hostile text as text.
import { expect, test, type APIRequestContext, type Download, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiPort } from './playwright.config';

const origin = `http://127.0.0.1:${apiPort}`;
const config = JSON.parse(readFileSync(path.join(__dirname, 'config.mock.json'), 'utf8'));
const fixtures = path.join(__dirname, '../../../shared/basiq/fixtures');
const shot = (name: string) => path.join(__dirname, 'artifacts', name);
const user = config.userId as string;

async function control(request: APIRequestContext, method: 'post' | 'put', what: string, data: unknown = {}) {
  expect((await request[method](`${origin}/__mock/${what}`, { data: JSON.stringify(data) })).ok()).toBe(true);
}

async function apiRequests(request: APIRequestContext): Promise<number> {
  const log: { url: string }[] = await (await request.get(`${origin}/__mock/requests`)).json();
  return log.filter((r) => r.url.startsWith('/basiq/')).length;
}

async function openLive(page: Page, request: APIRequestContext, query = '') {
  await control(request, 'post', 'reset');
  await control(request, 'put', 'config', config);
  await page.goto(`${origin}/${query}`);
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
}

async function saved(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

/** Opens a file through the "Open saved file" button and the browser's file chooser. */
async function pick(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-file').click();
  await (await chooser).setFiles(file);
}

test('the view shown exports as JSON and as CSV, named after the user and the range', async ({ page, request }) => {
  await openLive(page, request, '?status=failed&range=7d');
  const cards = page.locator('article.bjh-card');
  await expect(cards.first()).toHaveAttribute('data-status', 'failed');
  const ids = await cards.evaluateAll((n) => n.map((c) => c.getAttribute('data-job-id')));

  const json = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const jsonFile = await json;
  // The name day is the viewer's; the test browser runs in the machine's zone.
  expect(jsonFile.suggestedFilename()).toMatch(new RegExp(`^basiq-jobs-${user}-last-7d-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const envelope = JSON.parse(await saved(jsonFile));
  expect(envelope.type).toBe('basiq-job-history-export');
  expect(envelope.version).toBe(1);
  expect(envelope.scope).toEqual({ userId: user, connectionId: null });
  expect(envelope.filter).toEqual({ status: 'failed', range: '7d' });
  expect(envelope.jobs.map((j: { id: string }) => j.id).sort()).toEqual([...ids].sort());
  expect(envelope.jobs.every((j: { steps: unknown[]; links: { source: string } }) => j.steps.length > 0 && j.links.source.includes(`/users/${user}`))).toBe(true);
  expect(Math.abs(Date.parse(envelope.exportedAt) - Date.now())).toBeLessThan(60_000);
  await expect(page.getByTestId('export-said')).toHaveText(`Exported ${ids.length} jobs to ${jsonFile.suggestedFilename()}`);

  const csv = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csvFile = await csv;
  expect(csvFile.suggestedFilename()).toBe(jsonFile.suggestedFilename().replace(/\.json$/, '.csv'));
  const lines = (await saved(csvFile)).split('\r\n');
  expect(lines[0]).toBe('id,status,created,updated,duration_seconds,connection,institution,institution_name,failing_step,error_code,error_title,error_detail');
  const rows = lines.slice(1).filter((l) => l.length > 0);
  expect(rows).toHaveLength(ids.length);
  expect(rows.every((r) => ids.some((id) => r.startsWith(`${id},failed,`)))).toBe(true);
  await page.screenshot({ path: shot('export.png') });
});

test('an export opens again: every view, no API, nothing polled, and closing returns', async ({ page, request }) => {
  await openLive(page, request);
  const live = await page.locator('article.bjh-card').evaluateAll((n) => n.map((c) => `${c.getAttribute('data-job-id')}:${c.getAttribute('data-status')}`));
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await (await download).path();

  // A fresh page with its clock under the test's control, and no way to reach the API at all.
  const start = Date.now();
  await page.clock.install({ time: start });
  await page.goto(`${origin}/`);
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await pick(page, file!);
  await expect(page.getByTestId('saved-badge')).toContainText('Saved file · taken ');
  await expect(page.getByTestId('saved-badge')).toContainText(/UTC/);
  await expect(page.getByTestId('open-file-notice')).toContainText(`: ${live.length} jobs.`);
  await expect(page.getByTestId('last-updated')).toContainText('From a saved file: jobs as of ');
  await expect(page.getByTestId('export-json')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`\\?userId=${user}$`));
  const shown = await page.locator('article.bjh-card').evaluateAll((n) => n.map((c) => `${c.getAttribute('data-job-id')}:${c.getAttribute('data-status')}`));
  expect(shown.sort()).toEqual([...live].sort());
  await expect(page.getByTestId('refresh')).toHaveCount(0);
  await expect(page.getByTestId('watch')).toHaveCount(0);
  await page.screenshot({ path: shot('saved-file.png') });

  const before = await apiRequests(request);
  await page.getByRole('link', { name: 'Failure groups' }).click();
  await expect(page.getByTestId('failure-groups')).toBeVisible();
  await page.getByRole('link', { name: 'Connection health' }).click();
  await expect(page.getByTestId('health-table')).toBeVisible();
  await page.screenshot({ path: shot('saved-file-health.png') });
  await page.getByRole('link', { name: 'Jobs', exact: true }).click();
  await page.locator('article.bjh-card[data-status="failed"] a.bjh-card__link').first().click();
  await expect(page.locator('.bjh-detail__head')).toBeVisible();
  await expect(page.getByTestId('raw-json')).toContainText('"steps"');
  await page.clock.runFor(5 * 60_000);
  expect(await apiRequests(request), 'a saved file asks nothing of the API').toBe(before);

  await page.getByTestId('close-file').click();
  await expect(page.getByTestId('saved-badge')).toHaveCount(0);
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await expect(page.getByTestId('last-updated')).toContainText(/Updated|Loading|Not updated/);
});

test('a file dropped on the page opens; the API\'s own list answer opens too', async ({ page, request }) => {
  await openLive(page, request);
  const text = readFileSync(path.join(fixtures, 'jobs-list-connection.json'), 'utf8');
  const transfer = await page.evaluateHandle((body) => {
    const data = new DataTransfer();
    data.items.add(new File([body], 'jobs-list.json', { type: 'application/json' }));
    return data;
  }, text);
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-banner')).toBeVisible();
  await page.screenshot({ path: shot('saved-file-drop.png') });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-banner')).toHaveCount(0);
  await expect(page.getByTestId('saved-badge')).toContainText('Saved file · an API answer; newest job ');
  const count = JSON.parse(text).data.length;
  await expect(page.locator('article.bjh-card')).toHaveCount(count);
});

test('bad files are refused and change nothing; bad items are left out and named', async ({ page, request }, testInfo) => {
  await openLive(page, request);
  const cards = await page.locator('article.bjh-card').count();
  const notice = page.getByTestId('open-file-notice');
  const unchanged = async () => {
    await expect(page.getByTestId('saved-badge')).toHaveCount(0);
    await expect(page.locator('article.bjh-card')).toHaveCount(cards);
  };

  await pick(page, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('<html>not json</html>') });
  await expect(notice).toContainText('notes.json was not opened. The file is not JSON: ');
  await expect(notice).toHaveAttribute('role', 'alert');
  await unchanged();

  const future = { type: 'basiq-job-history-export', version: 2, jobs: [] };
  await pick(page, { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(future)) });
  await expect(notice).toContainText('The file is version 2 of the export format; this dashboard reads version 1.');
  await unchanged();

  // Playwright hands over buffers of up to 50 MB only: a file on disk instead.
  const huge = testInfo.outputPath('huge.json');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  await pick(page, huge);
  await expect(notice).toContainText('huge.json was not opened. The file is 50 MB; the dashboard opens files of up to 20 MB.');
  await page.screenshot({ path: shot('saved-file-refused.png') });
  await unchanged();

  const good = JSON.parse(readFileSync(path.join(fixtures, 'job-failed-invalid-credentials.json'), 'utf8'));
  const hostile = structuredClone(good);
  hostile.id = 'hostile-1';
  hostile.steps[0].result.title = '<img src=x onerror="window.pwned=1">';
  hostile.steps[0].result.code = '<b>bold</b>';
  const file = {
    type: 'basiq-job-history-export', version: 1, exportedAt: '2025-03-14T12:00:00Z',
    scope: { userId: user, connectionId: null }, filter: {}, institutions: [],
    jobs: [good, hostile, { id: 'no-steps' }, 'junk'],
  };
  await pick(page, { name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(notice).toContainText('Opened mixed.json: 2 jobs. 2 items could not be read:');
  await expect(notice).toContainText('item 3 (job no-steps): ');
  await expect(notice).toContainText('item 4: ');
  await expect(page.locator('article.bjh-card')).toHaveCount(2);
  const card = page.locator('article.bjh-card[data-job-id="hostile-1"]');
  await expect(card).toContainText('<b>bold</b>');
  await expect(page.locator('.bjh-app img, .bjh-app b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expect(page.getByTestId('saved-badge')).toContainText('taken 14 Mar 2025');
  await page.screenshot({ path: shot('saved-file-items.png') });
});
