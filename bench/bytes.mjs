// Where the release wasm's bytes go (issue 18), from twiggy: by crate (as `cargo bloat --crates`
// counts them), the largest functions and the generics with the most bytes in their copies.
//   node bench/bytes.mjs <wasm with its name section>     prints the figures as JSON
// The wasm is the release build's wasm-bindgen output put through the same `wasm-opt -Oz` as
// dist/ but keeping the names (`-g`); scripts/bench.sh makes it from the build it measures.
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const twiggy = (...args) => JSON.parse(execFileSync('twiggy', [...args, '-f', 'json'], { maxBuffer: 1 << 28 }).toString());

// The kinds of type a method can be on without naming the crate it is written in: then the trait
// after ` as ` says whose code it is.
const unnamed = /^(T|F|I|S|V|K|f32|f64|u8|u16|u32|u64|usize|i8|i16|i32|i64|isize|str|char|bool|mut|dyn|\[|\()$/;
const NAMES = '(names: not shipped)';
// twiggy's rows that sum up the rows it left out, not items of the wasm.
const more = /^\.\.\. and (\d+) more\.$/;
const summary = (name) => more.test(name) || /^Σ /.test(name);

/** The crate an item's code belongs to, or the kind of bytes it is when it is not a function. */
export function owner(name) {
  if (/subsection|^custom section/.test(name)) return NAMES;
  if (/^data segment/.test(name)) return '(data: strings, tables)';
  if (/^code\[\d+\]$/.test(name)) return '(functions without a name)';
  if (/^import /.test(name) || !/::/.test(name)) return '(wasm structure: imports, types, table)';
  const path = name.replace(/^[<&\s]+/, '').replace(/^(mut|dyn) /, '');
  const first = path.match(/^[A-Za-z_][A-Za-z0-9_]*|^./)[0];
  if (!unnamed.test(first)) return first;
  const trait = name.match(/ as ([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
  return trait ? trait[1] : first;
}

/** The figures for one wasm: its shipped size (without names), bytes by crate, the `top`
 * largest functions and generics. */
export function bytes(wasm, top = 15) {
  const items = twiggy('top', '-n', '1000000', wasm);
  const byCrate = new Map();
  for (const item of items) {
    const crate = owner(item.name);
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + item.shallow_size);
  }
  byCrate.delete(NAMES);
  const crates = [...byCrate].map(([crate, size]) => ({ crate, size })).sort((a, b) => b.size - a.size);
  const total = crates.reduce((s, c) => s + c.size, 0);
  const functions = items.filter((item) => /::/.test(item.name)).slice(0, top)
    .map((item) => ({ name: item.name.replace(/::h[0-9a-f]{16}$/, ''), size: item.shallow_size }));
  const generics = twiggy('monos', '-m', String(top), '-n', '1', wasm).filter((g) => !summary(g.generic)).map((g) => {
    const listed = g.monomorphizations.filter((m) => !summary(m.name)).length;
    const left = g.monomorphizations.map((m) => m.name.match(more)).find(Boolean);
    const copies = listed + (left ? Number(left[1]) : 0);
    return { generic: g.generic, copies, size: g.total_size, bloat: g.approximate_monomorphization_bloat_bytes };
  });
  return { total, crates, functions, generics };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(bytes(process.argv[2]), null, 1));
}
