import { expect, test } from '@playwright/test';
import path from 'node:path';

test('the demo history shows Pending, Success and Failed cards', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Without config.json the browser logs its 404: that absence is what selects the demo.
    const expected = message.location().url.endsWith('/config.json');
    if (message.type() === 'error' && !expected) errors.push(message.text());
  });

  await page.goto('./');
  const cards = page.locator('article.bjh-card[data-job-id]');
  await expect(cards.first()).toBeVisible();

  for (const [status, word, icon] of [
    ['pending', 'Pending', 'clock'],
    ['success', 'Success', 'check'],
    ['failed', 'Failed', 'cross'],
  ]) {
    const card = page.locator(`article.bjh-card[data-status="${status}"]`).first();
    await expect(card).toBeVisible();
    await expect(card.locator('.bjh-badge__word')).toHaveText(word);
    await expect(card.locator('svg.bjh-badge__icon')).toHaveAttribute('data-icon', icon);
    expect(await card.getAttribute('data-job-id')).toMatch(/\S/);
  }
  const statuses = await cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-status')));
  expect(statuses.every((s) => ['pending', 'success', 'failed'].includes(s ?? ''))).toBe(true);

  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'history.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test.describe('in Sydney', () => {
  test.use({ timezoneId: 'Australia/Sydney' });

  test('times name the viewer\'s zone and offset', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('article.bjh-card').first()).toBeVisible();
    // Asked for once the cards are painted (Intl's start-up would delay them without Temporal).
    await expect(page.getByTestId('time-zone')).toHaveText('Times in Australia/Sydney');
    await expect(page.locator('.bjh-time__abs').first()).toContainText(/UTC\+1[01]$/);
  });
});

test('pending jobs progress live to Success and to Failed, in place', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('./');
  const cards = page.locator('article.bjh-card[data-job-id]');
  await expect(cards.first()).toBeVisible();
  const ids = async () => cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-job-id')));
  const order = await ids();
  const pending = await page
    .locator('article.bjh-card[data-status="pending"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-job-id')));
  expect(pending.length).toBeGreaterThanOrEqual(3);

  const statusOf = (id: string | null) =>
    page.locator(`article.bjh-card[data-job-id="${id}"]`).getAttribute('data-status');
  await expect
    .poll(async () => (await Promise.all(pending.map(statusOf))).sort(), { timeout: 40_000 })
    .toEqual(['failed', 'pending', 'success']);

  expect(await ids()).toEqual(order);
  await expect(page.getByTestId('announcer')).toHaveText(/is now (Success|Failed)/);
  await expect(page.locator('[data-chip=failed] .bjh-chip__count')).not.toHaveText('0');
});
