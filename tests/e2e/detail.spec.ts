import { expect, test } from '@playwright/test';
import path from 'node:path';

test('a card opens the job detail, and back returns to the list', async ({ page }) => {
  await page.goto('./?status=failed');
  const card = page.locator('article.bjh-card[data-status="failed"]').first();
  const id = await card.getAttribute('data-job-id');
  await card.locator('a.bjh-card__link').click();

  await expect(page).toHaveURL(new RegExp(`/\\?status=failed&job=${id}$`));
  const head = page.locator('.bjh-detail__head');
  await expect(head).toHaveAttribute('data-status', 'failed');
  await expect(head.locator('.bjh-detail__id')).toHaveText(id!);
  await expect(page.locator('.bjh-playbook__cause')).toContainText('Cause:');
  await expect(page.locator('.bjh-timeline__step[data-step-status="failed"] .bjh-timeline__error')).toContainText('Code');
  const raw = JSON.parse((await page.getByTestId('raw-json').textContent()) ?? '');
  expect(raw.id).toBe(id);
  await expect(page.locator('.bjh-raw__curl')).toContainText(`/jobs/${id}`);
  await expect(page.locator('.bjh-raw__curl')).toContainText('$BASIQ_TOKEN');
  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'detail.png'), fullPage: true });

  await page.goBack();
  await expect(page).toHaveURL(/\?status=failed$/);
  await expect(page.locator('.bjh-chip--active')).toHaveAttribute('data-chip', 'failed');

  // "All jobs" also returns to the filter the detail was opened from.
  await card.locator('a.bjh-card__link').click();
  await page.locator('a.bjh-back').click();
  await expect(page).toHaveURL(/\?status=failed$/);
});

test('a deep link to an unknown job says it was not found', async ({ page }) => {
  await page.goto('./?job=no-such-job');
  await expect(page.getByTestId('error')).toContainText('Not found');
});
