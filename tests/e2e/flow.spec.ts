import { expect, test } from '@playwright/test';
import path from 'node:path';

const shot = (name: string) => path.join(__dirname, 'artifacts', name);

test('keyboard: search, move between cards, open, go back, shortcuts help', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  const second = await page.locator('article.bjh-card').nth(1).getAttribute('data-job-id');

  await page.keyboard.press('/');
  await expect(page.getByTestId('search')).toBeFocused();
  await page.keyboard.type(second!.slice(9, 18).toUpperCase());
  await expect(page.locator('article.bjh-card')).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`q=${second!.slice(9, 18).toUpperCase()}`));
  await page.getByTestId('search').fill('');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search')).not.toBeFocused();

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.locator(`article[data-job-id="${second}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]job=${second}$`));
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/[?&]job=/);

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toBeHidden();
});

test.describe('with the clipboard allowed', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a job ID copied by its button or by the c shortcut: on the clipboard, "Copied" on that card only', async ({ page }) => {
    await page.goto('./');
    const cards = page.locator('article.bjh-card');
    await expect(cards.nth(1)).toBeVisible();
    const [first, second] = [cards.nth(0), cards.nth(1)];
    const [firstId, secondId] = [await first.getAttribute('data-job-id'), await second.getAttribute('data-job-id')];
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await first.locator('.bjh-copy').click();
    await expect(first.locator('.bjh-copy')).toHaveText('Copied');
    await expect(second.locator('.bjh-copy')).toHaveText('Copy ID');
    expect(await clipboard()).toBe(firstId);

    // The shortcut copies through the same clipboard, so the card's button says so too.
    await second.focus();
    await page.keyboard.press('c');
    await expect(second.locator('.bjh-copy')).toHaveText('Copied');
    await expect(first.locator('.bjh-copy')).toHaveText('Copy ID');
    expect(await clipboard()).toBe(secondId);
    await expect(second.locator('.bjh-copy'), 'a moment later the label is back').toHaveText('Copy ID', { timeout: 5_000 });
  });
});

test('connection filter narrows the list and lives in the URL', async ({ page }) => {
  await page.goto('./');
  const select = page.getByTestId('connection');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  const connection = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(connection!);
  await expect(page).toHaveURL(new RegExp(`connection=${connection}`));
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  const shown = await page.locator('.bjh-card__field code').evaluateAll((nodes) => nodes.map((n) => n.textContent));
  expect(shown.every((c) => c === connection)).toBe(true);
});

test('light and dark themes, following the OS and overridden', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-bjh-theme', 'dark');
  await page.screenshot({ path: shot('history-dark.png'), fullPage: true });

  await page.getByTestId('theme').click();
  await expect(page.getByTestId('theme')).toHaveText('Theme: light');
  await expect(page.locator('html')).toHaveAttribute('data-bjh-theme', 'light');
  await page.screenshot({ path: shot('history-light.png'), fullPage: true });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-bjh-theme', 'light');

  await page.getByTestId('theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-bjh-theme', 'dark');
  await page.locator('article.bjh-card[data-status="failed"] a.bjh-card__link').first().click();
  await expect(page.locator('.bjh-detail__head')).toBeVisible();
  await page.screenshot({ path: shot('detail-dark.png'), fullPage: true });
});

test('usable at 360 px wide: nothing overflows sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./');
  await expect(page.locator('article.bjh-card').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shot('history-360.png'), fullPage: false });
});
