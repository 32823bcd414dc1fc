// A page on Playwright's fake clock (timers and Date) beside the mock Basiq server, whose clock
// can be pinned to the page's, so that simulated hours pass in real minutes. API requests are
// recorded by simulated time. Shared by the soak test (soak.spec.ts) and the benchmark
// (bench/run.mjs).

/** An init script: keeps the wasm instance as `window.__bjhWasm` once Trunk's loader starts it. */
export function keepWasm() {
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__bjhWasm = e.detail.wasm;
  });
}

/** The JS heap after a garbage collection, and the wasm memory's size (null without wasm). */
export async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasm = await page.evaluate(() => window.__bjhWasm?.memory.buffer.byteLength ?? null);
  return { heap: usedSize, wasm };
}

export class ClockedPage {
  /** Records the API requests `page` makes; simulated time starts at `start` (ms epoch). */
  constructor(page, origin, start) {
    Object.assign(this, { page, origin, start, sim: start, inflight: 0, hits: [], mockPinned: true });
    const api = (r) => new URL(r.url()).pathname.startsWith('/basiq/');
    page.on('request', (r) => {
      if (!api(r)) return;
      this.inflight++;
      this.hits.push({ t: this.sim - this.start, path: new URL(r.url()).pathname });
    });
    const done = (r) => {
      if (api(r)) this.inflight--;
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  }

  /** Simulated ms since the start. */
  get elapsed() {
    return this.sim - this.start;
  }

  /** Stops the mock's clock at `at` (ms epoch). */
  async mockAt(at) {
    const res = await this.page.request.post(`${this.origin}/__mock/clock`, { data: JSON.stringify({ at: new Date(at).toISOString() }) });
    if (!res.ok()) throw new Error(`POST /__mock/clock: HTTP ${res.status()}`);
  }

  /** Moves simulated time on by `total` ms in `step` ms steps, letting every request finish; the
   * mock's clock follows while `mockPinned`. */
  async run(total, step = 1_000) {
    for (let done = 0; done < total; done += step) {
      await this.page.clock.runFor(step);
      this.sim += step;
      if (this.mockPinned) await this.mockAt(this.sim);
      for (let i = 0; this.inflight > 0 && i < 5_000; i++) await new Promise((r) => setTimeout(r, 2));
      await this.page.evaluate(() => 0);
    }
  }

  /** Requests whose path starts with `prefix` (equals it, when `exact`) in simulated
   * [from, to) ms since the start. */
  count(prefix, from, to, exact = false) {
    const matches = (path) => (exact ? path === prefix : path.startsWith(prefix));
    return this.hits.filter((h) => matches(h.path) && h.t >= from && h.t < to).length;
  }

  /** Makes the page hidden or visible again, as switching tabs does. */
  async setHidden(hidden) {
    await this.page.evaluate((hidden) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  }
}
