import { expect, test } from '@playwright/test';
import path from 'node:path';

const shot = (name: string) => path.join(__dirname, 'artifacts', name);

test.describe('a browser that prefers French', () => {
  test.use({ locale: 'fr-FR' });

  test('speaks French in every view, API text as sent', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('article.bjh-card').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByTestId('language')).toHaveValue('fr');
    await expect(page.locator('article.bjh-card[data-status="failed"] .bjh-badge__word').first()).toHaveText('Échouée');
    await expect(page.locator('article.bjh-card[data-status="success"] .bjh-badge__word').first()).toHaveText('Réussie');
    await expect(page.locator('.bjh-tab[data-view="jobs"]')).toHaveText('Tâches');
    await expect(page.locator('.bjh-card__meta dt').nth(1)).toHaveText('Durée');
    await expect(page.getByTestId('summary')).toContainText('tâches');
    // Basiq's own words stay as sent.
    await expect(page.locator('article.bjh-card[data-status="failed"] .bjh-playbook__code').first()).not.toBeEmpty();
    await page.screenshot({ path: shot('history-fr.png'), fullPage: true });

    await page.locator('.bjh-tab[data-view="failures"]').click();
    await expect(page.locator('.bjh-group').first()).toBeVisible();
    await expect(page.locator('.bjh-group__meta dt').first()).toHaveText('Première fois');
    await expect(page.getByTestId('group-link').first()).toContainText('Afficher');
    await page.screenshot({ path: shot('failures-fr.png'), fullPage: true });

    await page.locator('.bjh-tab[data-view="health"]').click();
    await expect(page.locator('.bjh-health__state').first()).toBeVisible();
    const states = await page.locator('.bjh-health__state').allTextContents();
    expect(states.some((s) => /Saine|En échec|Jamais réussie|Pas encore de résultat/.test(s))).toBe(true);
    await page.screenshot({ path: shot('health-fr.png'), fullPage: true });
  });
});

test('the picker switches language at once and is remembered', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.bjh-tab[data-view="jobs"]')).toHaveText('Jobs');
  expect(await page.evaluate(() => localStorage.getItem('bjh-lang'))).toBeNull();

  await page.getByTestId('language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.bjh-tab[data-view="jobs"]')).toHaveText('Tâches');
  await expect(page.getByTestId('theme')).toContainText('Thème');
  expect(await page.evaluate(() => localStorage.getItem('bjh-lang'))).toBe('fr');

  await page.reload();
  await expect(page.locator('.bjh-tab[data-view="jobs"]')).toHaveText('Tâches');
  await page.locator('article.bjh-card[data-status="failed"] a.bjh-card__link').first().click();
  await expect(page.locator('.bjh-detail__head')).toBeVisible();
  await expect(page.locator('.bjh-playbook__cause strong')).toHaveText('Cause :');
  await expect(page.locator('.bjh-timeline')).toHaveAttribute('aria-label', 'Chronologie des étapes');
  await page.screenshot({ path: shot('detail-fr.png'), fullPage: true });

  await page.getByTestId('language').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => localStorage.getItem('bjh-lang'))).toBe('en');
});
