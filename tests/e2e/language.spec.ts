import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiPort } from './playwright.config';

const shot = (name: string) => path.join(__dirname, 'artifacts', name);
const mockApp = `http://127.0.0.1:${apiPort}`;
const config = JSON.parse(readFileSync(path.join(__dirname, 'config.mock.json'), 'utf8'));
const fixtures = path.join(__dirname, '../../../shared/basiq/fixtures');
/** A date as the app writes it in French (the months as Intl.DateTimeFormat names them). */
const frenchDate = /\d\d (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}, \d\d:\d\d UTC/;

async function control(request: APIRequestContext, method: 'post' | 'put', what: string, data: unknown) {
  expect((await request[method](`${mockApp}/__mock/${what}`, { data: JSON.stringify(data) })).ok()).toBe(true);
}

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
    await expect(page.locator('.bjh-time__abs').first()).toHaveText(frenchDate);
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

  test('a configuration that cannot be used is explained in French', async ({ page, request }) => {
    await control(request, 'put', 'config', { ...config, pollIntervalMs: 10 });
    await page.goto(mockApp + '/');
    const error = page.getByTestId('config-error');
    await expect(error).toContainText('La configuration');
    await expect(error).toContainText('`pollIntervalMs` : un nombre entier de millisecondes est attendu, au moins 250');
    await control(request, 'put', 'config', config);
  });

  test('a saved file\'s bad items, a step without a title and a refused file, in French', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('article.bjh-card').first()).toBeVisible();
    const notice = page.getByTestId('open-file-notice');
    const pick = async (name: string, body: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('open-file').click();
      await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    };
    await pick('vide.json', ' ');
    await expect(notice).toHaveText(/vide\.json n’a pas été ouvert\. Le fichier est vide\./);
    await pick('liste.json', '[1, 2]');
    await expect(notice).toContainText('Le fichier est du JSON mais ne contient aucune tâche : c’est un tableau.');

    const good = JSON.parse(readFileSync(path.join(fixtures, 'job-success.json'), 'utf8'));
    const untitled = { ...structuredClone(good), id: 'untitled-1', steps: [{ status: 'success' }, { title: 'retrieve-accounts' }] };
    const answer = { type: 'list', data: [good, untitled, { id: 'no-steps' }, 'junk', { id: 'x', steps: [7] }] };
    await pick('mixed.json', JSON.stringify(answer));
    await expect(notice).toContainText('mixed.json ouvert : 2 tâches. 3 éléments n’ont pas pu être lus :');
    await expect(notice.locator('li')).toHaveText([
      'élément 3 (tâche no-steps) : `steps` manque',
      'élément 4 : la tâche est une chaîne ; attendu : un objet',
      'élément 5 (tâche x) : l’étape 1 est un nombre ; attendu : un objet',
    ]);
    const card = page.locator('article.bjh-card[data-job-id="untitled-1"]');
    await expect(card.locator('.bjh-step__title')).toHaveText(['(étape sans titre)', 'retrieve-accounts']);
    await expect(card.locator('.bjh-step__status').nth(1)).toHaveText('(sans statut)');
    await page.screenshot({ path: shot('saved-file-fr.png'), fullPage: true });
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

test('config.json sets French over the real API: dates, the error banner, the refresh dialog', async ({ page, request }) => {
  await control(request, 'post', 'reset', {});
  await control(request, 'put', 'config', { ...config, locale: 'fr', readOnly: false });
  await page.goto(mockApp + '/');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.bjh-time__abs').first()).toHaveText(frenchDate);
  // The refresh dialog asks and answers in French; the bank's name stays as Basiq sent it.
  await page.locator('article.bjh-card').getByTestId('refresh').first().click();
  const dialog = page.getByTestId('refresh-dialog');
  await expect(dialog).toContainText('Actualiser la connexion');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toHaveCount(0);
  // An API error is headlined in French, with the age of the data kept.
  await control(request, 'post', 'faults', { match: '/users/', fault: '500' });
  await page.getByRole('button', { name: 'Actualiser', exact: true }).first().click();
  const banner = page.getByTestId('error');
  await expect(banner).toContainText('Erreur du serveur (HTTP 500)');
  await expect(banner).toContainText('Données affichées');
  await page.screenshot({ path: shot('error-fr.png'), fullPage: true });
  await control(request, 'post', 'reset', {});
  await control(request, 'put', 'config', config);
});
