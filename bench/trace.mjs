// The cold path read from a Chromium trace (bench/run.mjs, "Where a cold load's time goes"): a
// copy of the site whose wasm keeps its function names, and what one trace of a load spent, on
// the page's main thread by kind of work and in the wasm by function, and off it compiling.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The trace categories: DevTools' timeline, V8's and its wasm compiling, the app's marks. */
export const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'v8.wasm', 'blink.user_timing', 'loading'];

/** The same with V8's sampling CPU profiler, which names the wasm's functions but slows the
 * load (it logs every function compiled): its loads give the functions, not the kinds of work. */
export const PROFILED = [...CATEGORIES, 'disabled-by-default-v8.cpu_profiler'];

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Copies the site's app files (not its baseline, nor the `.br` and `.gz` copies) into
 * `site`/`folder`, with `namedWasm` (the same build through the same wasm-opt, its names kept)
 * as its wasm, and the integrity of the wasm (in the loader) and of the loader (in index.html)
 * made to match. The app runs from any path, so it is served as `/<folder>/`. */
export function namedSite(site, folder, namedWasm) {
  const dir = path.join(site, folder);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(site)) {
    // Not the precompressed files: they hold the old wasm and loader.
    const skip = name === folder || name.startsWith('baseline') || name === 'mock.log' || /\.(br|gz)$/.test(name);
    if (!skip) cpSync(path.join(site, name), path.join(dir, name), { recursive: true });
  }
  const htmlFile = path.join(dir, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const loader = html.match(/src="(loader-[^"]+\.js)"/)[1];
  let code = readFileSync(path.join(dir, loader), 'utf8');
  const wasm = code.match(/'\.\/([^']+_bg\.wasm)'/)[1];
  const oldWasm = readFileSync(path.join(dir, wasm));
  const named = readFileSync(namedWasm);
  writeFileSync(path.join(dir, wasm), named);
  const swap = (text, from, to, where) => {
    if (!text.includes(from)) throw new Error(`namedSite: ${where} does not hold the integrity ${from}`);
    return text.replace(from, to);
  };
  code = swap(code, sri(oldWasm), sri(named), loader);
  const oldLoader = readFileSync(path.join(dir, loader));
  writeFileSync(path.join(dir, loader), code);
  writeFileSync(htmlFile, swap(html, sri(oldLoader), sri(Buffer.from(code)), 'index.html'));
}

/** Self times (ms) of the complete events of one thread, by name: each event's duration less
 * that of the events inside it. */
function selfTimes(events) {
  const spans = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of spans) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur / 1000);
    stack.push(e);
  }
  return self;
}

/** The trace of one load, summed (ms): the page's main thread by kind of work (self time), the
 * other threads' wasm compiling, and the wasm's own functions by sampled self time (when the
 * trace has the CPU profiler's samples). */
export function summarise(trace) {
  const events = JSON.parse(trace.toString('utf8')).traceEvents;
  const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  // The page's renderer: the one whose main thread saw the app's marks.
  const marked = events.filter((e) => typeof e.name === 'string' && e.name.startsWith('bjh:'));
  const pid = marked[0]?.pid;
  const main = threads.find((t) => t.pid === pid && t.args.name === 'CrRendererMain')?.tid;
  const mainEvents = events.filter((e) => e.pid === pid && e.tid === main);
  const byKind = [...selfTimes(mainEvents)].sort((a, b) => b[1] - a[1]);
  const wasmCompile = new Map();
  for (const e of events) {
    if (e.pid === pid && e.ph === 'X' && /wasm/i.test(e.name) && e.tid !== main) wasmCompile.set(e.name, (wasmCompile.get(e.name) ?? 0) + e.dur / 1000);
  }
  // Sampled self time by wasm function: the main thread's CPU profile (its chunks come from the
  // profiler's own thread, named by the profile's id).
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === main)?.id;
  const nodes = new Map();
  const byFunction = new Map();
  let wasmTotal = 0;
  for (const e of events) {
    if (profile === undefined || e.pid !== pid || e.name !== 'ProfileChunk' || e.id !== profile) continue;
    const chunk = e.args.data.cpuProfile ?? {};
    for (const node of chunk.nodes ?? []) nodes.set(node.id, node.callFrame);
    const deltas = e.args.data.timeDeltas ?? [];
    (chunk.samples ?? []).forEach((id, i) => {
      const frame = nodes.get(id);
      if (frame?.codeType !== 'wasm') return;
      const ms = (deltas[i + 1] ?? 0) / 1000;
      const name = frame.functionName.replace(/::h[0-9a-f]{16}$/, '') || '(no name)';
      wasmTotal += ms;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    });
  }
  return {
    byKind,
    wasmCompile: [...wasmCompile].sort((a, b) => b[1] - a[1]),
    wasmTotal,
    byFunction: [...byFunction].sort((a, b) => b[1] - a[1]),
  };
}
