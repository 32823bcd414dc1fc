// The benchmark (README: Benchmarks). Serves dist/ and the plain-JS baseline with the mock Basiq
// server (release build), drives Debian's Chromium with Playwright, prints a Markdown table and
// writes bench/results.json and BENCHMARKS.md. Figures, not pass/fail: nothing here is a test.
//   node bench/run.mjs <site dir> <port>     (scripts/bench.sh prepares both)
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import os from 'node:os';
import { ClockedPage, keepWasm, memory } from '../tests/e2e/clocked-page.mjs';
import path from 'node:path';
import { bytes } from './bytes.mjs';
import { CATEGORIES, PROFILED, namedSite, summarise } from './trace.mjs';

const [site, port] = [process.argv[2], Number(process.argv[3])];
const origin = `http://127.0.0.1:${port}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 0) => Number(x.toFixed(d));
const spread = (t) => `${t.spread[0].toFixed(2)}–${t.spread[1].toFixed(2)}`;

async function mock(method, what, data) {
  const res = await fetch(`${origin}/__mock/${what}`, { method, body: data === undefined ? undefined : JSON.stringify(data) });
  if (!res.ok) throw new Error(`${method} ${what}: HTTP ${res.status}`);
}

/** Sets the demo user's list to `total` jobs (the demo's own plus settled bulk ones). */
async function jobs(total) {
  await mock('POST', 'reset');
  await mock('POST', 'jobs', { bulk: 0 });
  const body = await (await fetch(`${origin}/basiq/users/${config.userId}/jobs`)).json();
  await mock('POST', 'jobs', { bulk: Math.max(0, total - body.data.length) });
}

const SECOND_USER = '7d41e2b0-5c3a-4f7e-9b61-0c8f2a9e4d13';
const config = JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// Records when the first job card, and then `expected` cards, are painted: once in the DOM, the
// next animation frame, then the first task after that frame's paint (rAF, then setTimeout 0).
// The app builds a screenful of cards first and the rest a frame later; either way each time is
// that of the paint that showed them. Also keeps the app's `bjh:*` User Timing marks.
const paintTimes = (expected) => {
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => { window[key] = performance.now(); }));
  new MutationObserver((_, observer) => {
    const shown = document.querySelectorAll('article.bjh-card').length;
    if (shown > 0 && !window.__seen) {
      window.__seen = true;
      painted('__first');
    }
    if (shown >= expected) {
      observer.disconnect();
      painted('__all');
    }
  }).observe(document, { childList: true, subtree: true });
};

/** One cold load (fresh context, empty cache): ms from navigation to the first card and to
 * `expected` cards painted, the app's marks, and on request memory and DOM size (`detail`) or
 * the load's Chromium trace, summed (`trace`: its categories; bench/trace.mjs). */
async function load(url, expected, { detail = false, trace } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(paintTimes, expected);
  await page.addInitScript(keepWasm);
  if (trace) await browser.startTracing(page, { categories: trace });
  await page.goto(url);
  await page.waitForFunction(() => window.__all !== undefined, null, { timeout: 120_000 });
  const result = await page.evaluate(() => ({
    first: window.__first,
    all: window.__all,
    marks: Object.fromEntries([
      ...performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
      // When the list request left (the loader's, in the app; see scripts/loader/start.js).
      ['list-sent', performance.getEntriesByType('resource').find((r) => r.name.includes('/users/'))?.startTime],
    ]),
  }));
  if (trace) result.trace = summarise(await browser.stopTracing());
  if (detail) {
    const { heap, wasm } = await memory(page);
    Object.assign(result, { heap, wasm: wasm ?? 0 });
    result.nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    result.cards = await page.evaluate(() => document.querySelectorAll('article.bjh-card').length);
  }
  await context.close();
  return result;
}

/** How long the mock takes to answer the list as set now, from Node: median of 5, ms. */
async function serverTime() {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await (await fetch(`${origin}/basiq/users/${config.userId}/jobs`)).arrayBuffer();
    times.push(performance.now() - start);
  }
  return round(median(times), 1);
}

/** App and baseline loads, interleaved so that drift hits both alike. Startup is judged on the
 * first card painted, render on the whole page of cards (100, or all when fewer). */
async function compare(total, runs) {
  await jobs(total);
  const expected = Math.min(total, 100);
  const app = [], base = [];
  for (let i = 0; i < runs; i++) {
    app.push(await load(`${origin}/`, expected));
    base.push(await load(`${origin}/baseline.html`, expected));
  }
  const mid = (rows, f) => median(rows.map(f));
  const marks = Object.fromEntries(['list-sent', 'bjh:config', 'bjh:list-requested', 'bjh:list-read'].map((m) => [m, round(mid(app, (r) => r.marks[m] ?? NaN))]));
  const baselineListSent = round(mid(base, (r) => r.marks['list-sent'] ?? NaN));
  const appDetail = await load(`${origin}/`, expected, { detail: true });
  const baseDetail = await load(`${origin}/baseline.html`, expected, { detail: true });
  return { total, runs, first: timing(app, base, 'first'), all: timing(app, base, 'all'), marks, baselineListSent, server: await serverTime(), appDetail, baseDetail };
}

/** Medians of app and baseline loads, their ratio, and the spread of the ratio over the pairs of
 * loads made one after the other (the lowest and highest pair). */
function timing(app, base, key) {
  const [a, b] = [median(app.map((r) => r[key])), median(base.map((r) => r[key]))];
  const pairs = app.map((r, i) => r[key] / base[i][key]).sort((x, y) => x - y);
  return { app: a, baseline: b, ratio: a / b, spread: [pairs[0], pairs.at(-1)] };
}

/** Repeat visits: the same pages loaded again in a browser profile that has loaded them before
 * (HTTP cache and compiled code warm, as when a user comes back or reloads). One profile per
 * page, its first visit not counted; app and baseline visits interleaved. */
async function repeatVisits(total, runs) {
  await jobs(total);
  const expected = Math.min(total, 100);
  const open = async (path) => {
    const context = await browser.newContext();
    await context.addInitScript(paintTimes, expected);
    const page = await context.newPage();
    const visit = async () => {
      await page.goto(`${origin}${path}`);
      await page.waitForFunction(() => window.__all !== undefined, null, { timeout: 120_000 });
      return page.evaluate(() => ({ first: window.__first, all: window.__all }));
    };
    await visit();
    return { context, visit };
  };
  const [app, base] = [await open('/'), await open('/baseline.html')];
  const rows = { app: [], base: [] };
  for (let i = 0; i < runs; i++) {
    rows.app.push(await app.visit());
    rows.base.push(await base.visit());
  }
  await Promise.all([app.context.close(), base.context.close()]);
  return { total, runs, first: timing(rows.app, rows.base, 'first'), all: timing(rows.app, rows.base, 'all') };
}

/** First-load bytes: everything index.html pulls in, plus config.json. */
function firstLoad() {
  const html = readFileSync(path.join(site, 'index.html'), 'utf8');
  const loader = html.match(/src="(loader-[^"]+\.js)"/)[1];
  const code = readFileSync(path.join(site, loader), 'utf8');
  // The loader is the JS glue and the start-up in one file (scripts/finish-dist.mjs).
  const names = ['index.html', loader, html.match(/href="\.\/(style-[^"]+\.css)"/)[1], code.match(/'\.\/([^']+_bg\.wasm)'/)[1], 'config.json'];
  const files = names.map((name) => {
    const bytes = readFileSync(path.join(site, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
  });
  const sum = (k) => files.reduce((s, f) => s + f[k], 0);
  return { files, total: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
}

/** A page on Playwright's clock, the mock's clock stopped beside it (moved by hand), with a job
 * of `user`'s pending on screen. */
async function clocked(total, user = config.userId, query = '', shown = (id) => `article[data-job-id="${id}"][data-status="pending"]`) {
  await jobs(total);
  // 100 s after the demo's start: its own live jobs have settled, so only ours change.
  const start = Math.floor(Date.now() / 1000) * 1000 + 100_000;
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = new ClockedPage(page, origin, start);
  s.mockPinned = false;
  await s.mockAt(start);
  const pending = await (await fetch(`${origin}/basiq/users/${user}/connections/bench-live/refresh`, { method: 'POST' })).json();
  await page.clock.install({ time: start });
  await page.goto(`${origin}/?userId=${user}${query}`);
  await page.locator(shown(pending.id)).first().waitFor({ timeout: 120_000 });
  await page.clock.pauseAt(start + 20_000);
  s.sim = start + 20_000;
  return Object.assign(s, { context, pending: pending.id, user });
}

/** DOM mutations when one job of `total` turns Success, and when one new job is shown. */
async function updateOnce(total) {
  const s = await clocked(total);
  const { page, context, pending, start } = s;
  await s.run(3_000);
  const observe = (id) => page.evaluate((id) => {
    window.__records = { all: 0, outside: 0, samples: [] };
    window.__observer?.disconnect();
    window.__observer = new MutationObserver((records) => {
      for (const r of records) {
        window.__records.all++;
        const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if (window.__records.samples.length < 40) window.__records.samples.push(`${r.type} ${r.attributeName ?? ''} ${node?.className?.baseVal ?? node?.className ?? '?'} ${(r.target.nodeType === 3 ? r.target.data : '').slice(0, 30)}`);
        if (!node?.closest(`article[data-job-id="${id}"]`)) window.__records.outside++;
      }
    });
    window.__observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, id);
  // The job finishes; the page's clock stands still (no ticking durations) while a list
  // refresh of all `total` jobs brings the change in.
  await observe(pending);
  await s.mockAt(start + 120_000);
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await page.locator(`article[data-job-id="${pending}"][data-status="success"]`).waitFor();
  await page.waitForTimeout(300);
  const change = await page.evaluate(() => window.__records);

  // Jobs that arrived meanwhile (the demo has one) are shown first, so one new job is measured.
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await s.run(1_000);
  const earlier = page.getByRole('button', { name: /new jobs?$/ });
  if (await earlier.isVisible()) await earlier.click();
  const arrival = await (await fetch(`${origin}/basiq/users/${config.userId}/connections/bench-new/refresh`, { method: 'POST' })).json();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await page.getByRole('button', { name: '1 new job' }).waitFor();
  await observe(arrival.id);
  await page.getByRole('button', { name: '1 new job' }).click();
  await page.locator(`article[data-job-id="${arrival.id}"]`).waitFor();
  await s.run(1_000);
  const arrive = await page.evaluate(() => window.__records);
  await context.close();
  return { change, arrive };
}

/** `updateOnce`, three times on fresh pages: the median counts, and every run's. */
async function updates(total) {
  const runs = [await updateOnce(total), await updateOnce(total), await updateOnce(total)];
  const mid = (f) => median(runs.map(f));
  return {
    total,
    change: { all: mid((r) => r.change.all), outside: mid((r) => r.change.outside) },
    arrive: { all: mid((r) => r.arrive.all), outside: mid((r) => r.arrive.outside) },
    runs,
  };
}

/** Requests per minute: `k` jobs pending, then all settled, then the tab hidden. The demo's
 * second user, whose own jobs are all settled, so that "all settled" is true. */
async function network(k) {
  const s = await clocked(0, SECOND_USER);
  for (let i = 1; i < k; i++) await fetch(`${origin}/basiq/users/${s.user}/connections/bench-${i}/refresh`, { method: 'POST' });
  await s.page.getByRole('button', { name: 'Refresh', exact: true }).click();
  if (k > 1) await s.page.getByRole('button', { name: /new jobs?$/ }).click();
  const t0 = s.elapsed;
  await s.run(5 * 60_000);
  const pending = s.count('/basiq/', t0, t0 + 5 * 60_000) / 5;
  await s.mockAt(s.sim + 600_000);
  await s.run(60_000);
  const t1 = s.elapsed;
  await s.run(5 * 60_000, 5_000);
  const settled = s.count('/basiq/', t1, t1 + 5 * 60_000) / 5;
  await s.setHidden(true);
  const t2 = s.elapsed;
  await s.run(5 * 60_000, 5_000);
  const hidden = s.count('/basiq/', t2, t2 + 5 * 60_000) / 5;
  await s.context.close();
  return { k, pending, settled, hidden };
}

/** One cold load of `url`: ms from navigation to the paint that first shows `selector`. */
async function loadView(url, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((selector) => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__shown = performance.now(); }));
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 120_000 });
  const shown = await page.evaluate(() => window.__shown);
  await context.close();
  return shown;
}

/** The triage views at `total` jobs: the time to show the failure groups and the health table
 * beside the list's first card (interleaved, medians, ratios to the list), and the DOM
 * mutations in each view when one job settles. */
async function triage(total, runs) {
  await jobs(total);
  const views = { list: ['/', 'article.bjh-card'], failures: ['/?view=failures', 'li.bjh-group'], health: ['/?view=health', 'tr.bjh-health__row'] };
  const times = { list: [], failures: [], health: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, [url, selector]] of Object.entries(views)) times[name].push(await loadView(origin + url, selector));
  }
  const mid = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const settle = async (query, row) => {
    const s = await clocked(total, config.userId, query, row);
    const { page, context, pending, start } = s;
    await s.run(3_000);
    await page.evaluate((id) => {
      window.__records = { all: 0, outside: 0 };
      new MutationObserver((records) => {
        for (const r of records) {
          window.__records.all++;
          const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          if (!node?.closest(`[data-connection="bench-live"]`)) window.__records.outside++;
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    }, pending);
    await s.mockAt(start + 120_000);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    // The refresh's answer changes the summary line's success count in either view.
    await page.waitForFunction(() => window.__records.all > 0, null, { timeout: 60_000 });
    await page.waitForTimeout(300);
    await s.run(1_000);
    const records = await page.evaluate(() => window.__records);
    await context.close();
    return records;
  };
  const healthRow = () => 'tr[data-connection="bench-live"][data-state="waiting"]';
  const failures = await settle('&view=failures', () => 'li.bjh-group');
  const health = await settle('&view=health', healthRow);
  return { total, runs, times, mid, ratio: { failures: mid.failures / mid.list, health: mid.health / mid.list }, failures, health };
}

/** Opening a saved file of `total` jobs (the API's own list answer for them, saved from the mock)
 * in a page that shows the list, `runs` times on fresh pages: ms from the file chosen (the
 * input's change event) to the paint that first shows a card of the file, beside the list's own
 * time in the same loads, from the app asking for the list (its `bjh:list-requested` mark) to its
 * first card painted. */
async function openFile(total, runs) {
  await jobs(total);
  const text = await (await fetch(`${origin}/basiq/users/${config.userId}/jobs`)).text();
  const file = path.join(os.tmpdir(), `bench-jobs-${total}.json`);
  writeFileSync(file, text);
  const list = [], opened = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(paintTimes, Math.min(total, 100));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__all !== undefined, null, { timeout: 120_000 });
    list.push(await page.evaluate(() => window.__first - performance.getEntriesByName('bjh:list-requested')[0].startTime));
    await page.evaluate(() => document.addEventListener('change', () => {
      window.__chosen = performance.now();
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid="saved-badge"]') || !document.querySelector('article.bjh-card')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__opened = performance.now(); }));
      }).observe(document, { childList: true, subtree: true });
    }, { capture: true, once: true }));
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open-file').click();
    await (await chooser).setFiles(file);
    await page.waitForFunction(() => window.__opened !== undefined, null, { timeout: 120_000 });
    opened.push(await page.evaluate(() => window.__opened - window.__chosen));
    await context.close();
  }
  rmSync(file);
  const [l, o] = [median(list), median(opened)];
  return { total, runs, bytes: Buffer.byteLength(text), list: l, opened: o, ratio: o / l, lists: list, openings: opened };
}

/** The median over `loads` of each name's figure in the `key` lists (a name missing from a
 * load counts 0 there), largest first, the first `top`. */
function medianOf(loads, key, top) {
  const names = new Set(loads.flatMap((load) => load[key].map(([name]) => name)));
  const figure = (load, name) => load[key].find(([n]) => n === name)?.[1] ?? 0;
  return [...names].map((name) => [name, median(loads.map((load) => figure(load, name)))]).sort((a, b) => b[1] - a[1]).slice(0, top);
}

/** Where a cold load of `total` jobs spends its time: cold loads of the copy of the site whose
 * wasm keeps its names (`/named/`, bench/trace.mjs), `runs` traced with DevTools' timeline (the
 * kinds of work) and `runs` with V8's CPU profiler as well (the wasm's functions); medians. */
async function coldPath(total, runs) {
  await jobs(total);
  namedSite(site, 'named', process.env.BYTES_WASM);
  const traced = async (categories) => {
    const { first, all, trace } = await load(`${origin}/named/`, Math.min(total, 100), { trace: categories });
    return { ...trace, first, all };
  };
  const timeline = [], profiled = [];
  for (let i = 0; i < runs; i++) {
    timeline.push(await traced(CATEGORIES));
    profiled.push(await traced(PROFILED));
  }
  const mid = (loads, f) => median(loads.map(f));
  return {
    total, runs,
    first: mid(timeline, (l) => l.first), all: mid(timeline, (l) => l.all),
    byKind: medianOf(timeline, 'byKind', 14), wasmCompile: medianOf(timeline, 'wasmCompile', 6),
    wasmTotal: mid(profiled, (l) => l.wasmTotal), byFunction: medianOf(profiled, 'byFunction', 20),
    profiledAll: mid(profiled, (l) => l.all),
  };
}

const results = { date: new Date().toISOString(), machine: {} };
results.machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGiB: round(os.totalmem() / 2 ** 30, 1),
  chromium: browser.version(), node: process.version,
};
results.firstLoad = firstLoad();
results.bytes = bytes(process.env.BYTES_WASM);
// A partial run (triage, updates, profile, gateway, bytes) keeps the other figures of the last
// full run.
const partial = ['triage', 'gateway', 'bytes', 'updates', 'profile'].includes(process.env.BENCH_ONLY);
if (partial) {
  const last = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8'));
  Object.assign(results, last, { date: results.date, machine: results.machine, firstLoad: results.firstLoad, bytes: results.bytes, fullRun: last.fullRun ?? last.date, partial: process.env.BENCH_ONLY });
}
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'profile') results.coldPath = await coldPath(100, 3);
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'triage') {
  results.triage = [await triage(100, RUNS), await triage(1_000, RUNS), await triage(10_000, Math.max(3, RUNS / 2))];
  results.openFile = [await openFile(100, RUNS), await openFile(1_000, RUNS), await openFile(10_000, Math.max(3, RUNS / 2))];
}
if (process.env.GATEWAY_RESULT) results.gateway = Object.fromEntries(
  process.env.GATEWAY_RESULT.replace(/^GATEWAY /, '').split(' ').map((pair) => pair.split('=')).map(([k, v]) => [k, Number.parseFloat(v)]));
if (!partial) {
  results.startup = await compare(100, RUNS);
  results.render = [await compare(1_000, RUNS), await compare(10_000, Math.max(3, RUNS / 2))];
  results.repeat = [await repeatVisits(100, RUNS), await repeatVisits(1_000, RUNS)];
}
if (process.env.BENCH_ONLY === 'startup') {
  const brief = (r) => `${r.total}: first ${round(r.first.app)}/${round(r.first.baseline)} ms ${r.first.ratio.toFixed(2)}x, page ${round(r.all.app)}/${round(r.all.baseline)} ms ${r.all.ratio.toFixed(2)}x (pairs ${spread(r.all)})`;
  console.log([results.startup, ...results.render].map(brief).join('\n'), JSON.stringify(results.startup.marks));
  console.log('repeat visits\n' + results.repeat.map(brief).join('\n'));
  process.exit(0);
}
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'updates') {
  results.updates = [await updates(100), await updates(1_000), await updates(10_000)];
}
if (!partial) results.network = [await network(1), await network(10)];
await browser.close();

const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;

/** "Where the bytes go": the wasm by crate, its largest functions and generics (bench/bytes.mjs). */
function bytesSection(b) {
  const share = (size) => `${((100 * size) / b.total).toFixed(1)} %`;
  const shown = b.crates.slice(0, 16);
  const rest = b.crates.slice(16).reduce((s, c) => s + c.size, 0);
  const others = b.crates.length - shown.length;
  const code = (name) => `\`${name.replace(/\[[0-9a-f]{16}\]/g, '').replace(/\|/g, '\\|')}\``;
  return [
    '## Where the bytes go (the wasm, raw, before compression)', '',
    `twiggy 0.8 on the same release build put through the same \`wasm-opt -Oz\` keeping its names (\`-g\`), which are then left out: ${b.total.toLocaleString('en')} B, as shipped. Code is counted under the crate that defines it, so the monomorphised copy of a Leptos generic for one of our views counts under tachys or reactive_graph; \`cargo bloat --crates\` counts the same way. Produced by \`bench/bytes.mjs\`.`, '',
    '| crate or kind | bytes | share |', '|---|---:|---:|',
    ...shown.map((c) => `| ${c.crate} | ${c.size.toLocaleString('en')} | ${share(c.size)} |`),
    `| the other ${others} | ${rest.toLocaleString('en')} | ${share(rest)} |`, '',
    'The largest functions:', '',
    '| function | bytes |', '|---|---:|',
    ...b.functions.map((f) => `| ${code(f.name)} | ${f.size.toLocaleString('en')} |`), '',
    'The generics whose copies weigh most ("beyond one": the bytes of all copies but the largest, what sharing one copy would save at most):', '',
    '| generic | copies | bytes | beyond one |', '|---|---:|---:|---:|',
    ...b.generics.map((g) => `| ${code(g.generic)} | ${g.copies} | ${g.size.toLocaleString('en')} | ${g.bloat.toLocaleString('en')} |`), '',
  ];
}
const mb = (b) => `${(b / 2 ** 20).toFixed(2)} MiB`;

/** What the trace's kinds of work on the main thread are, where the name does not say. */
const KINDS = {
  FunctionCall: 'script run by a task: the app\'s wasm and its JS glue (the wasm runs inside it)',
  'wasm.CompileLazy': 'compiling a wasm function at its first call (V8 compiles them lazily)',
  RunTask: 'the tasks themselves, outside any event inside them',
  Layout: 'layout', UpdateLayoutTree: 'style recalculation', Paint: 'paint', PrePaint: 'pre-paint',
  'v8.evaluateModule': 'running the loader\'s module',
  'wasm.OnBytesReceived': 'the wasm\'s bytes handed to the streaming compiler',
  RunMicrotasks: 'microtasks outside a script call',
  ParseHTML: 'parsing index.html',
};

/** "Where a cold load's time goes": the traced loads' kinds of work and the wasm's functions. */
function coldPathSection(c) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  return [
    '## Where a cold load\'s time goes (Chromium trace, 100 jobs)', '',
    `Cold loads of the same build with the wasm's function names kept (\`wasm-opt -Oz -g\`, served from another folder), traced: ${c.runs} with DevTools' timeline, for the kinds of work, and ${c.runs} with V8's sampling CPU profiler as well, for the wasm's functions (it logs each function compiled, so those loads are slower: page of cards at ${round(c.profiledAll)} ms). Tracing slows a load: the timeline loads showed the first card at ${round(c.first)} ms and the page of cards at ${round(c.all)} ms, against the untraced figures above. Medians; self time, each event less the events inside it. Produced by \`bench/trace.mjs\`.`, '',
    '| work on the page\'s main thread | self time |', '|---|---:|',
    ...c.byKind.map(([name, t]) => `| \`${name}\`${KINDS[name] ? `: ${KINDS[name]}` : ''} | ${ms(t)} |`), '',
    `Off the main thread, compiling the wasm: ${c.wasmCompile.map(([name, t]) => `\`${name}\` ${ms(t)}`).join(', ')}.`, '',
    `The wasm's own functions, by sampled self time (of ${ms(c.wasmTotal)} in the wasm in all):`, '',
    '| function | self time | share |', '|---|---:|---:|',
    ...c.byFunction.map(([name, t]) => `| \`${name.replace(/\[[0-9a-f]{16}\]/g, '').replace(/\|/g, '\\|')}\` | ${ms(t)} | ${((100 * t) / c.wasmTotal).toFixed(1)} % |`), '',
  ];
}
const lines = [
  `# Benchmarks`, '',
  `Latest run: ${results.date}${results.fullRun ? ` (\`BENCH_ONLY=${results.partial}\`: the first load and that section from this run, the others from earlier runs; the last full run: ${results.fullRun})` : ''}. Machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB; Chromium ${results.machine.chromium} headless; Node ${results.machine.node}. Absolute times on this shared machine are noise: read the ratios to the plain-JS baseline (bench/baseline.js), measured in the same run, interleaved. Produced by \`scripts/bench.sh\`; raw figures in \`bench/results.json\`.`, '',
  '## First load (what the first view fetches)', '', '| file | raw | gzip -9 | brotli 11 |', '|---|---:|---:|---:|',
  ...results.firstLoad.files.map((f) => `| ${f.name.replace(/-[0-9a-f]{16}/, '-<hash>')} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`),
  `| **total** | ${kb(results.firstLoad.total.raw)} | **${kb(results.firstLoad.total.gzip)}** | ${kb(results.firstLoad.total.brotli)} |`, '',
  ...bytesSection(results.bytes),
  '## Startup and render (cold cache, median, navigation to cards painted)', '',
  'First card: the paint that first shows a job card (the app builds a screenful first, as many of the smallest cards as the viewport holds plus one (9 in a 1280 × 720 window, as here), and the rest of the page a frame later; the baseline builds all at once). Page: the paint that shows the whole page of cards (100, or all when fewer). Ratios are app / baseline in the same run.', '',
  '| jobs in the answer | runs | first card: app / baseline | ratio (pairs) | page of cards: app / baseline | ratio (pairs) | DOM nodes app / baseline | JS heap app / baseline | wasm memory |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...[results.startup, ...results.render].map((r) => `| ${r.total.toLocaleString('en')} | ${r.runs} | ${round(r.first.app)} / ${round(r.first.baseline)} ms | ${r.first.ratio.toFixed(2)}× (${spread(r.first)}) | ${round(r.all.app)} / ${round(r.all.baseline)} ms | ${r.all.ratio.toFixed(2)}× (${spread(r.all)}) | ${r.appDetail.nodes} / ${r.baseDetail.nodes} | ${mb(r.appDetail.heap)} / ${mb(r.baseDetail.heap)} | ${mb(r.appDetail.wasm)} |`), '',
  'Ratio: of the medians; in brackets the lowest and highest ratio of one app load to the baseline load made right after it.', '',
  '### Repeat visits (cache warm)', '',
  'The same loads in a browser profile that has shown the page before: the wasm comes from the HTTP cache (hashed files are immutable) and the browser keeps its compiled code, as when a user comes back or reloads. Cold loads above are a first visit.', '',
  '| jobs in the answer | runs | first card: app / baseline | ratio (pairs) | page of cards: app / baseline | ratio (pairs) |', '|---:|---:|---:|---:|---:|---:|',
  ...results.repeat.map((r) => `| ${r.total.toLocaleString('en')} | ${r.runs} | ${round(r.first.app)} / ${round(r.first.baseline)} ms | ${r.first.ratio.toFixed(2)}× (${spread(r.first)}) | ${round(r.all.app)} / ${round(r.all.baseline)} ms | ${r.all.ratio.toFixed(2)}× (${spread(r.all)}) |`), '',
  `Where the app's startup time goes (100 jobs, medians, ms from navigation): list request sent ${results.startup.marks['list-sent']} (by the loader, once config.json is read; the baseline's at ${results.startup.baselineListSent}), config.json read by the app ${results.startup.marks['bjh:config']}, list asked for by the app ${results.startup.marks['bjh:list-requested']}, list read ${results.startup.marks['bjh:list-read']}, first card painted ${round(results.startup.first.app)}.`, '',
  `The mock answers the list (measured from Node, median of 5) in ${[results.startup, ...results.render].map((r) => `${r.server} ms for ${r.total.toLocaleString('en')} jobs`).join(', ')}: the pages wait about as long for it, so the ratios are mostly the pages' own work.`, '',
  ...(results.coldPath ? coldPathSection(results.coldPath) : []),
  '## Update cost (DOM mutation records, MutationObserver on the body)', '',
  'Median of three runs, with the page\'s clock stopped (no ticking durations). The change comes in through a refresh of the whole list, so all N jobs are compared. "Outside" counts records whose target is not inside the changed card: the two status chips\' counts and the live region\'s announcement. For an arrival every record is outside the new card: its insertion into the list, the pill going, the counts, the connection choices and "last updated". None is another card being re-rendered.', '',
  '| jobs | one job turns Success: all / outside its card | one new job shown: all / outside its card |', '|---:|---:|---:|',
  ...results.updates.map((u) => `| ${u.total.toLocaleString('en')} | ${u.change.all} / ${u.change.outside} | ${u.arrive.all} / ${u.arrive.outside} |`), '',
  '## Network (requests per minute, simulated time on Playwright\'s clock)', '',
  'The demo\'s second user (all settled) plus k refreshes; the policy: a pending job every 2 s for 2 min, then doubling every 2 min to 60 s; the list every 30 s while anything is pending, 60 s when all settled; nothing while hidden.', '',
  '| jobs pending | while pending (first 5 min) | all settled | tab hidden |', '|---:|---:|---:|---:|',
  ...results.network.map((n) => `| ${n.k} | ${n.pending.toFixed(1)} | ${n.settled.toFixed(1)} | ${n.hidden.toFixed(1)} |`), '',
  ...(results.triage ? [
    '## Triage views (failure groups, connection health)', '',
    'Cold loads of the same history, interleaved, medians: the list at its first card, the failure groups (`?view=failures`) at their first group, the health table (`?view=health`) at its first row; in brackets the ratio to the list. Then one pending job settling (a manual refresh brings its Success) in each view, counted as in "Update cost": "outside" is every record whose target is not inside the settled job\'s connection row (the summary line, the groups\' counts).', '',
    '| jobs | runs | list: first card | failure groups shown | health table shown | one job settles, failures view: all / outside its row | health view: all / outside its row |', '|---:|---:|---:|---:|---:|---:|---:|',
    ...results.triage.map((r) => `| ${r.total.toLocaleString('en')} | ${r.runs} | ${round(r.mid.list)} ms | ${round(r.mid.failures)} ms (${r.ratio.failures.toFixed(2)}×) | ${round(r.mid.health)} ms (${r.ratio.health.toFixed(2)}×) | ${r.failures.all} / ${r.failures.outside} | ${r.health.all} / ${r.health.outside} |`), '',
  ] : []),
  ...(results.openFile ? [
    '### Opening a saved file', '',
    'The API\'s own list answer for the same jobs, saved to a file and opened with "Open saved file" in a page that shows the list (fresh page each run, medians): from the file chosen (the input\'s change event) to the paint that first shows a card of the file; beside it the list\'s own time in the same loads, from the app asking for the list (its `bjh:list-requested` mark) to its first card painted.', '',
    '| jobs | file | runs | list: asked for to first card | file: chosen to first card | ratio |', '|---:|---:|---:|---:|---:|---:|',
    ...results.openFile.map((r) => `| ${r.total.toLocaleString('en')} | ${r.bytes >= 2 ** 20 ? mb(r.bytes) : kb(r.bytes)} | ${r.runs} | ${round(r.list)} ms | ${round(r.opened)} ms | ${r.ratio.toFixed(2)}× |`), '',
  ] : []),
  ...(results.gateway ? [
    '## basiq-gateway under load', '',
    `\`cargo run --release -p basiq-gateway --example load\`: ${results.gateway.requests.toLocaleString('en')} requests for one job (the app's polling call), ${results.gateway.concurrency} at a time, through the gateway to the mock, both on 127.0.0.1 in one process on this machine's 2 cores. The gateway sends at most 64 calls to Basiq at once (\`--upstream-concurrency\`), so the other requests wait their turn and the latencies include that wait; one token serves the whole run.`, '',
    '| requests | concurrent | seconds | throughput | p50 | p90 | p99 | max | errors | tokens minted |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${results.gateway.requests.toLocaleString('en')} | ${results.gateway.concurrency} | ${results.gateway.seconds} | ${Math.round(results.gateway.throughput).toLocaleString('en')}/s | ${results.gateway.p50} ms | ${results.gateway.p90} ms | ${results.gateway.p99} ms | ${results.gateway.max} ms | ${results.gateway.errors} | ${results.gateway.tokens_minted} |`, '',
  ] : []),
];
const markdown = lines.join('\n');
console.log(markdown);
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), markdown);
