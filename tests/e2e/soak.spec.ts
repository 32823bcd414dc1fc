// Soak: a simulated two-hour session. The page's clock (timers, Date) is Playwright's fake
// clock and the mock's clock is pinned to it, so two hours pass in a minute or two of real time.
// Jobs arrive and settle; memory, timers and the request rate are measured and printed
// (SOAK lines), and asserted against the polling policy (src/api/policy.rs).
import { expect, test, type Page } from '@playwright/test';
import { ClockedPage, keepWasm, memory } from './clocked-page.mjs';
import { apiPort } from './playwright.config';

const origin = `http://127.0.0.1:${apiPort}`;
const user = '7d41e2b0-5c3a-4f7e-9b61-0c8f2a9e4d13'; // the demo's second user: all settled
const MIN = 60_000;

/** Starts a refresh of a connection of the user: a new job, pending for 20 s of mock time. */
async function refresh(page: Page, connection: string) {
  const res = await page.request.post(`${origin}/basiq/users/${user}/connections/${connection}/refresh`);
  expect(res.status()).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(2);

test('a simulated two-hour session: flat memory, no polling of settled jobs, the policy rates', async ({ page, request }) => {
  test.setTimeout(15 * MIN);
  expect((await request.post(`${origin}/__mock/reset`)).ok()).toBe(true);
  expect((await request.put(`${origin}/__mock/config`, { data: JSON.stringify({ apiBaseUrl: '/basiq', userId: user }) })).ok()).toBe(true);
  const start = Math.floor(Date.now() / 1000) * 1000;
  const s = new ClockedPage(page, origin, start);
  /** Requests for a path in simulated minutes [from, to) since the start. */
  const count = (prefix: string, from: number, to: number, exact = false) => s.count(prefix, from * MIN, to * MIN, exact);
  await s.mockAt(start);
  await page.addInitScript(keepWasm);
  await page.clock.install({ time: start });
  await page.goto(origin + '/');
  await expect(page.locator('article.bjh-card')).toHaveCount(3);
  await page.clock.pauseAt(start + 30_000);
  s.sim = start + 30_000;
  await s.run(90_000, 5_000);
  const first = await memory(page);

  // Minutes 2–12: three jobs start and stay pending (the mock's clock stands at minute 2).
  const pending = [await refresh(page, 'soak-a'), await refresh(page, 'soak-b'), await refresh(page, 'soak-c')];
  s.mockPinned = false;
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await page.getByRole('button', { name: '3 new jobs' }).click();
  await expect(page.locator('article.bjh-card[data-status="pending"]')).toHaveCount(3);
  const pendingFrom = await memory(page);
  await s.run(10 * MIN, 1_000);
  await expect(page.locator('article.bjh-card[data-status="pending"]')).toHaveCount(3);
  const pendingTo = await memory(page);

  // Minutes 12–22: the mock's clock catches up; the jobs settle and the list slows down.
  s.mockPinned = true;
  await s.run(10 * MIN, 5_000);
  await expect(page.locator('article.bjh-card[data-status="pending"]')).toHaveCount(0);

  // Minutes 22–52: a job arrives every five minutes and settles within 20 s.
  const arrived: string[] = [];
  for (let i = 0; i < 6; i++) {
    arrived.push(await refresh(page, `soak-${i}`));
    await s.run(60_000, 1_000);
    await page.getByRole('button', { name: '1 new job' }).click();
    await s.run(4 * MIN, 5_000);
  }
  await expect(page.locator('article.bjh-card')).toHaveCount(12);
  await expect(page.locator('article.bjh-card[data-status="pending"]')).toHaveCount(0);
  const settled = await memory(page);

  // Minutes 52–100 all settled and shown; 100–110 hidden; then visible again until minute 120.
  await s.run(48 * MIN, 5_000);
  await s.setHidden(true);
  await s.run(10 * MIN, 5_000);
  await s.setHidden(false);
  await s.run(1_000, 1_000);
  const onReturn = count('/basiq/', 110, 110 + 1 / 60);
  await s.run(10 * MIN - 1_000, 5_000);
  const last = await memory(page);

  const list = `/basiq/users/${user}/jobs`;
  const jobPolls = (id: string, from: number, to: number) => count(`/basiq/jobs/${id}`, from, to, true);
  const rates = {
    pendingListPerMin: count(list, 2, 12) / 10,
    pendingJobPerMinFirst2: pending.map((id) => jobPolls(id, 2, 4) / 2),
    pendingJobPerMinLast2: pending.map((id) => jobPolls(id, 10, 12) / 2),
    pendingAllPerMin: count('/basiq/', 2, 12) / 10,
    settledAllPerMin: count('/basiq/', 52, 100) / 48,
    hiddenAllPerMin: count('/basiq/', 100, 110) / 10,
  };
  const show = (m: { heap: number; wasm: number }) => `JS heap ${mb(m.heap)} MB, wasm ${mb(m.wasm)} MB`;
  console.log(`SOAK memory: minute 2 (3 cards) ${show(first)}; pending phase, 6 cards, from ${show(pendingFrom)} to ${show(pendingTo)} after ${count('/basiq/', 2, 12)} requests; minute 52 (12 cards) ${show(settled)}; minute 120 ${show(last)} after ${count('/basiq/', 52, 120)} more`);
  console.log(`SOAK requests/min: 3 pending ${rates.pendingAllPerMin} (list ${rates.pendingListPerMin}, each job ${rates.pendingJobPerMinFirst2.join('/')} in its first 2 min, ${rates.pendingJobPerMinLast2.join('/')} at 8–10 min); all settled ${rates.settledAllPerMin.toFixed(2)}; hidden ${rates.hiddenAllPerMin}; ${onReturn} request(s) within 1 s of showing again`);

  // The policy: the list every 30 s while anything is pending, every 60 s once all settled;
  // a pending job every 2 s for its first 2 min, backing off (doubling every 2 min, 60 s cap).
  expect(rates.pendingListPerMin).toBeGreaterThanOrEqual(1.8);
  expect(rates.pendingListPerMin).toBeLessThanOrEqual(2.2);
  for (const r of rates.pendingJobPerMinFirst2) expect(r).toBeGreaterThanOrEqual(27), expect(r).toBeLessThanOrEqual(31);
  for (const r of rates.pendingJobPerMinLast2) expect(r).toBeLessThanOrEqual(2.5);
  expect(rates.settledAllPerMin).toBeGreaterThanOrEqual(0.9);
  expect(rates.settledAllPerMin).toBeLessThanOrEqual(1.1);
  expect(rates.hiddenAllPerMin).toBe(0);
  expect(onReturn).toBeGreaterThanOrEqual(1);
  // No request for a job once it has settled (the three settle at minute 12; the rest arrive
  // settled or are polled only while pending, at most 20 s after they started).
  for (const id of pending) expect(jobPolls(id, 12.5, 120)).toBe(0);
  arrived.forEach((id, i) => expect(jobPolls(id, 22 + 5 * i + 1, 120)).toBe(0));
  // Memory stays flat while the same cards are on screen: over the pending phase's ~370
  // requests and re-renders, and over the settled hour. The JS heap may wobble with GC timing
  // but not grow; the wasm memory never shrinks, so any growth there is kept.
  for (const [from, to] of [[pendingFrom, pendingTo], [settled, last]]) {
    expect(from.wasm).toBeGreaterThan(0);
    expect(to.heap).toBeLessThan(from.heap * 1.1);
    expect(to.wasm).toBeLessThanOrEqual(from.wasm * 1.05);
  }
  expect((await request.delete(`${origin}/__mock/config`)).ok()).toBe(true);
});
