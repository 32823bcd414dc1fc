// Accessibility checks with axe-core (WCAG 2 A and AA rules, colour contrast included) on every
// view and every layer over one, in light and in dark: the history, the detail, failure groups,
// connection health, the refresh and purge dialogs, the shortcuts help, a watched card, a saved
// file and a refused one, and the main views in French. No rule is turned off: an exception would be written here with its
// reason, and there is none. Then the keyboard paths of the controls added with them.
import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';

const axePath = createRequire(__filename).resolve('axe-core/axe.min.js');

/** The violations axe finds in the page as it is, one line each: rule, then up to 3 elements. */
async function violations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/** Asserts that the page as it is now has no violation, naming the state checked on failure. */
async function clean(page: Page, state: string) {
  expect(await violations(page), state).toEqual([]);
}

/** Opens a file through the "Open saved file" button and the browser's file chooser. */
async function pick(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-file').click();
  await (await chooser).setFiles(file);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`WCAG AA in ${scheme}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test('the history, a watched card, the shortcuts help and the detail', async ({ page }) => {
      await page.goto('./');
      await expect(page.locator('article.bjh-card[data-status="failed"]').first()).toBeVisible();
      await page.locator('.bjh-reference summary').click();
      await clean(page, 'history');
      const pending = page.locator('article.bjh-card[data-status="pending"]').first();
      await pending.getByTestId('watch').click();
      await expect(pending.getByTestId('watch')).toHaveAttribute('aria-pressed', 'true');
      await clean(page, 'a watched card');
      await page.keyboard.press('Escape');
      await page.locator('body').press('?');
      await expect(page.getByTestId('shortcuts')).toBeVisible();
      await clean(page, 'shortcuts help');
      await page.keyboard.press('Escape');
      await page.locator('article.bjh-card[data-status="failed"] a.bjh-card__link').first().click();
      await expect(page.locator('.bjh-detail__head')).toBeVisible();
      await clean(page, 'detail');
    });

    test('failure groups, connection health and its refresh and purge dialogs', async ({ page }) => {
      await page.goto('./?view=failures');
      await expect(page.getByTestId('group-link').first()).toBeVisible();
      await clean(page, 'failure groups');
      await page.goto('./?view=health');
      const row = page.locator('tr.bjh-health__row').first();
      await expect(row).toBeVisible();
      await clean(page, 'health');
      await row.getByTestId('refresh').click();
      await expect(page.getByTestId('refresh-dialog')).toBeVisible();
      await clean(page, 'refresh dialog');
      await page.getByTestId('refresh-dialog').getByRole('button', { name: 'Cancel' }).click();
      await row.getByTestId('purge').click();
      await expect(page.getByTestId('purge-dialog')).toBeVisible();
      await page.getByTestId('purge-typed').fill('con');
      await clean(page, 'purge dialog');
    });

    test('a saved file in every view, and a refused one', async ({ page }) => {
      await page.goto('./');
      await expect(page.locator('article.bjh-card').first()).toBeVisible();
      const download = page.waitForEvent('download');
      await page.getByTestId('export-json').click();
      const file = (await (await download).path())!;
      await pick(page, file);
      await expect(page.getByTestId('saved-badge')).toBeVisible();
      await clean(page, 'saved file: history');
      await page.getByRole('link', { name: /Failure groups/ }).click();
      await expect(page.getByTestId('group-link').first()).toBeVisible();
      await clean(page, 'saved file: failure groups');
      await page.getByTestId('close-file').click();
      await expect(page.getByTestId('saved-badge')).toHaveCount(0);
      await pick(page, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
      await expect(page.getByTestId('open-file-notice')).toBeVisible();
      await clean(page, 'refused file notice');
    });
  });
}

test('keyboard: export, open a saved file, watch, and the refresh and purge dialogs', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  // Export from the keyboard: focus the button, Enter, a file arrives.
  await page.getByTestId('export-csv').focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  // Open saved file: Enter opens the browser's file chooser.
  await page.getByTestId('open-file').focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  expect((await chooser).isMultiple()).toBe(false);
  // Watch: Space toggles it and says so.
  const watch = page.locator('article.bjh-card[data-status="pending"]').first().getByTestId('watch');
  await watch.focus();
  await page.keyboard.press('Space');
  await expect(watch).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(watch).toHaveAttribute('aria-pressed', 'false');
  // Refresh: Enter opens the dialog with focus inside, Escape closes it and focus comes back.
  await page.goto('./?view=health');
  const refresh = page.locator('tr.bjh-health__row').first().getByTestId('refresh');
  await refresh.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('refresh-dialog');
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(refresh).toBeFocused();
  // Purge: typed from the keyboard, then Enter purges (the demo removes nothing).
  const purge = page.locator('tr.bjh-health__row').first().getByTestId('purge');
  const connection = (await page.locator('tr.bjh-health__row').first().getAttribute('data-connection'))!;
  await purge.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('purge-typed')).toBeFocused();
  await page.keyboard.type(connection);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('purge-dialog').getByRole('button', { name: 'Purge', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('purge-outcome')).toBeVisible();
});

test.describe('WCAG AA in French', () => {
  test.use({ locale: 'fr-FR' });

  test('the history, failure groups, connection health and the detail', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('article.bjh-card[data-status="failed"]').first()).toBeVisible();
    await clean(page, 'history in French');
    await page.goto('./?view=failures');
    await expect(page.getByTestId('group-link').first()).toBeVisible();
    await clean(page, 'failure groups in French');
    await page.goto('./?view=health');
    await expect(page.locator('tr.bjh-health__row').first()).toBeVisible();
    await clean(page, 'connection health in French');
    await page.goto('./');
    await page.locator('article.bjh-card[data-status="failed"] a.bjh-card__link').first().click();
    await expect(page.locator('.bjh-detail__head')).toBeVisible();
    await clean(page, 'detail in French');
  });
});
