// The triage views on the demo data, in the release build: failure groups (`?view=failures`),
// connection health (`?view=health`), the summary line, the time range, the cards' run of
// failures, banks by name with an outage marked, and each view's link into the filtered
// history. Screenshots, light and dark.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

const shot = (name: string) => path.join(__dirname, 'artifacts', name);

async function open(page: Page, query: string) {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('summary')).toContainText(/\d+ jobs/);
}

test('failure groups: counted, sorted, advised, and each links to its jobs', async ({ page }) => {
  await open(page, '');
  await page.getByRole('link', { name: 'Failure groups' }).click();
  await expect(page).toHaveURL(/[?&]view=failures/);
  const groups = page.locator('li.bjh-group');
  // Four failed logins (one on one connection, three on another) outnumber every other code.
  const first = groups.first();
  await expect(first).toHaveAttribute('data-group', 'invalid-credentials');
  await expect(first.locator('.bjh-group__count')).toHaveText('4 failed jobs');
  await expect(first.locator('.bjh-group__meta')).toContainText('2 connections');
  await expect(first.locator('.bjh-group__cause')).toContainText('The bank rejected the stored login');
  await expect(first.locator('.bjh-group__who')).toContainText('the end user');
  await expect(first.locator('svg.bjh-bar rect.bjh-bar__fill')).toHaveAttribute('width', /^\d+(\.\d)?$/);
  // Sorted by count: no later group has more.
  const counts = await groups.locator('.bjh-group__count').allTextContents();
  const numbers = counts.map((c) => Number.parseInt(c, 10));
  expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  const failed = Number(await page.locator('[data-chip=failed] .bjh-chip__count').textContent());
  expect(numbers.reduce((a, b) => a + b, 0)).toBe(failed);
  await page.screenshot({ path: shot('failures-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: shot('failures-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  await first.getByTestId('group-link').click();
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(page).toHaveURL(/[?&]code=invalid-credentials/);
  await expect(page).not.toHaveURL(/view=/);
  const cards = page.locator('article.bjh-card');
  await expect(cards).toHaveCount(4);
  await expect(page.locator('article.bjh-card[data-status="failed"]')).toHaveCount(4);
  await expect(page.locator('.bjh-playbook__code').first()).toHaveText('invalid-credentials');
  // The filter shows, and removing it keeps the status.
  const pill = page.locator('[data-filter=code]');
  await expect(pill).toContainText('invalid-credentials');
  await pill.getByRole('link', { name: 'Remove the code filter' }).click();
  await expect(page).not.toHaveURL(/code=/);
  await expect(page).toHaveURL(/status=failed/);
});

test('failure groups by step and by bank', async ({ page }) => {
  await open(page, '?view=failures');
  await page.locator('[data-by=step]').click();
  await expect(page).toHaveURL(/by=step/);
  await expect(page.locator('li.bjh-group[data-group="verify-credentials"]')).toBeVisible();
  await expect(page.locator('li.bjh-group').first().locator('.bjh-group__meta')).toContainText('Most frequent code');
  await page.locator('[data-by=institution]').click();
  await expect(page).toHaveURL(/by=institution/);
  const banks = page.locator('li.bjh-group');
  await expect(banks).toHaveCount(3);
  // Five failures at the credit union (a connection that never worked among them) come first.
  await expect(banks.first()).toHaveAttribute('data-group', 'AU04201');
  // Names replace the ids once GET /institutions/{id} answers; the bank in an outage is marked,
  // the operational ones are not.
  await expect(banks.first().locator('.bjh-group__key')).toHaveText('Coastal Credit Union');
  const nimbus = page.locator('li.bjh-group[data-group="AU15301"]');
  await expect(nimbus.locator('.bjh-group__key')).toHaveText('Nimbus Bank');
  await expect(nimbus.getByTestId('bank-notice')).toHaveText('⚠ Nimbus Bank reports an outage: wait');
  await expect(page.locator('li.bjh-group:not([data-group="AU15301"]) [data-testid=bank-notice]')).toHaveCount(0);
  await page.screenshot({ path: shot('banks-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: shot('banks-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  // The grouping survives a reload (it is in the URL).
  await page.reload();
  await expect(page.locator('[data-by=institution]')).toHaveAttribute('aria-current', 'page');
  // A bank's link filters the history to it; the pill and the cards name the bank.
  await nimbus.getByTestId('group-link').click();
  await expect(page).toHaveURL(/[?&]institution=AU15301/);
  await expect(page.locator('[data-filter=bank]')).toHaveText(/^Bank: Nimbus Bank/);
  const cards = page.locator('article.bjh-card');
  await expect(cards.first()).toBeVisible();
  for (const kind of await cards.locator('.bjh-card__kind').allTextContents()) {
    expect(kind).toContain('· Nimbus');
  }
  await expect(cards.first().locator('.bjh-bank')).toHaveAttribute('title', 'Nimbus Bank (Nimbus) · AU15301');
});

test('connection health: most severe first, failing since, and a link to the connection', async ({ page }) => {
  await open(page, '?view=health');
  const rows = page.locator('tr.bjh-health__row');
  await expect(rows.first()).toBeVisible();
  const states = await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state')));
  const order = ['never-succeeded', 'failing', 'waiting', 'healthy'];
  const ranks = states.map((s) => order.indexOf(s ?? ''));
  expect(ranks.every((r) => r >= 0)).toBe(true);
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  const worst = rows.first();
  await expect(worst).toHaveAttribute('data-state', 'never-succeeded');
  await expect(worst).toContainText('Never succeeded');
  await expect(worst.locator('.bjh-bank')).toHaveText('Coastal Credit Union');
  await expect(worst.locator('.bjh-health__streak')).toHaveText('3 failures in a row');
  await expect(worst.locator('.bjh-health__code')).toHaveText('invalid-credentials');
  await expect(worst.locator('.bjh-results')).toHaveAttribute('aria-label', '0% of the last 3 settled jobs succeeded');
  await expect(worst.locator('.bjh-health__action')).toContainText('Consent UI');
  await page.screenshot({ path: shot('health-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: shot('health-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  const connection = await worst.getAttribute('data-connection');
  await worst.locator('a.bjh-health__link').click();
  await expect(page).toHaveURL(new RegExp(`connection=${connection}`));
  await expect(page).not.toHaveURL(/view=/);
  const cards = page.locator('article.bjh-card');
  await expect(cards).toHaveCount(3);
  // The newest of the three says it is the third failure in a row.
  await expect(cards.first().getByTestId('streak')).toHaveText(/^3rd failure in a row on this connection since \d\d [A-Z][a-z]{2}$/);
  await expect(cards.nth(1).getByTestId('streak')).toHaveText(/^2nd failure in a row/);
  await expect(cards.nth(2).getByTestId('streak')).toHaveCount(0);
});

test('the summary line and the time range', async ({ page }) => {
  await open(page, '');
  const summary = page.getByTestId('summary');
  await expect(summary).toContainText('All loaded jobs');
  await expect(summary).toContainText(/\d+% success · \d+ failed · median \d/);
  const all = Number.parseInt((await summary.locator('.bjh-summary__figures').textContent()) ?? '', 10);
  await page.getByTestId('range').selectOption('24h');
  await expect(page).toHaveURL(/range=24h/);
  await expect(summary).toContainText('Last 24 h');
  const day = Number.parseInt((await summary.locator('.bjh-summary__figures').textContent()) ?? '', 10);
  expect(day).toBeLessThan(all);
  await expect(page.locator('[data-chip=all] .bjh-chip__count')).toHaveText(String(day));
  // Picking days replaces the preset.
  await page.getByTestId('range').selectOption('');
  await expect(page).not.toHaveURL(/range=/);
  await expect(page.locator('[data-chip=all] .bjh-chip__count')).toHaveText(String(all));
});

test('unknown views and groupings fall back instead of failing', async ({ page }) => {
  await open(page, '?view=charts&by=colour&code=&range=1y');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await expect(page.locator('[data-view=jobs]')).toHaveAttribute('aria-current', 'page');
  await open(page, '?view=failures&by=colour');
  await expect(page.locator('[data-by=code]')).toHaveAttribute('aria-current', 'page');
  await open(page, '?view=failures&code=no-such-code&status=failed');
  await expect(page.getByTestId('no-failures')).toBeVisible();
});
