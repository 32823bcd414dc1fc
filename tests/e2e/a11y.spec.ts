// Accessibility checks with axe-core (WCAG 2 A and AA rules, colour contrast included) on each
// view, in light and in dark.
import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';

const axePath = createRequire(__filename).resolve('axe-core/axe.min.js');

async function violations(page: Page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the history and the detail meet WCAG AA in ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    await expect(page.locator('article.bjh-card[data-status="failed"]').first()).toBeVisible();
    await page.locator('.bjh-reference summary').click();
    expect(await violations(page)).toEqual([]);
    await page.locator('article.bjh-card[data-status="failed"] a.bjh-card__link').first().click();
    await expect(page.locator('.bjh-detail__head')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}
