// Collects Content Security Policy violations on a page: each `securitypolicyviolation` event
// and each console message Chromium writes about the policy. Shared by the strict-CSP tests.
import type { Page } from '@playwright/test';

/** Starts recording before the page loads; the returned list fills as violations happen. */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return violations;
}
