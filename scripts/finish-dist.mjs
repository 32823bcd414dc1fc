// Trunk post_build hook: replaces the inline module loader Trunk writes into index.html with one
// content-hashed file, SRI-checked, so the page runs under a strict Content Security Policy (no
// inline script) and finds its files next to the loader wherever that is served from.
//
// Trunk's loader imports the JS glue, only the glue then asks for the wasm, and only the wasm
// for config.json: three round trips one after another. The loader written here is one file, the
// start-up of scripts/loader/start.js with the glue inside: it asks for the wasm and config.json
// at once and, in the plain case, makes the app's first API request (the job list, or the job a
// deep link names) as soon as config.json is read, so the answer travels while the wasm compiles.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('finish-dist: run me as a Trunk hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}
const fail = (message) => {
  console.error(`finish-dist: ${message}`);
  process.exit(1);
};
const file = path.join(dir, 'index.html');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
let html = readFileSync(file, 'utf8');
const found = html.match(inline) ?? fail('no inline module loader in index.html');
const glue = found[1].match(/from '(?:\.?\/)([^']+\.js)'/)?.[1] ?? fail('the loader names no JS glue');
const wasm = found[1].match(/module_or_path: '(?:\.?\/)([^']+\.wasm)'/)?.[1] ?? fail('the loader names no wasm');
// Trunk's preload of the wasm goes (below); its SRI hash moves to the loader's own request
// for the wasm, which fetch() checks.
const preload = html.match(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/)?.[0] ?? fail('no wasm preload');
const wasmIntegrity = preload.match(/ integrity="([^"]+)"/)?.[1] ?? fail('the wasm preload has no integrity');
const glueCode = readFileSync(path.join(dir, glue), 'utf8');
if (!glueCode.includes('export { initSync, __wbg_init as default };')) {
  fail(`${glue} does not end as wasm-bindgen's glue does (its init function is needed by name)`);
}
// The start-up (scripts/loader/start.js) with the glue where it says so.
const start = readFileSync(new URL('./loader/start.js', import.meta.url), 'utf8');
const marker = '/* wasm-bindgen glue */';
if (!start.includes(marker)) fail(`scripts/loader/start.js has no ${marker} line`);
const code = start
  .replace('__WASM__', wasm)
  .replace('__WASM_INTEGRITY__', wasmIntegrity)
  .replace(marker, () => glueCode);
const name = `loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(path.join(dir, name), code);
rmSync(path.join(dir, glue));
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
html = html.replace(inline, `<script type="module" data-bjh-loader src="${name}" integrity="${integrity}" crossorigin="anonymous"></script>`);
// Trunk's `modulepreload` of the glue (now part of the loader) and `preload as=fetch` of the
// wasm only add second, competing requests: in a cross-site frame they stalled the load for up
// to 60 s (tests/e2e/embed.spec.ts with --repeat-each 10: the wasm preload alone, even answered
// by the loader's request, failed 2 runs in 20; without it, 20 of 20 passed).
html = html.replace(preload, '');
html = html.replace(/<link rel="modulepreload" href="[^"]*"[^>]*>/, '');
// Trunk writes one hashed stylesheet per style/*.css file; they become one, in index.html's
// order (the cascade's), so the first paint waits for one request, however many there are.
const sheets = [...html.matchAll(/([ \t]*)<link rel="stylesheet" href="(?:\.\/)?([^"]+\.css)"[^>]*>\n?/g)];
if (sheets.length === 0) fail('no stylesheet in index.html');
const css = sheets.map(([, , sheet]) => readFileSync(path.join(dir, sheet), 'utf8').trim()).join('\n');
const cssName = `style-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
writeFileSync(path.join(dir, cssName), css);
for (const [, , sheet] of sheets) rmSync(path.join(dir, sheet));
const cssIntegrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
const [first, indent] = sheets[0];
html = html.replace(first, `${indent}<link rel="stylesheet" href="./${cssName}" integrity="${cssIntegrity}"/>\n`);
for (const [tag] of sheets.slice(1)) html = html.replace(tag, '');
writeFileSync(file, html);
console.log(`finish-dist: loader ${name} (glue and start-up in one file), ${cssName} (${sheets.length} stylesheets)`);

// A release ships each hashed file precompressed beside itself (name.br, brotli 11; name.gz,
// gzip 9), for servers that send a file's precompressed twin when the browser accepts it
// (basiq-gateway, and the README's hosting recipes), so no server compresses at request time.
// Only hashed files: their content never changes under their name, while index.html and
// config.json are edited where they are deployed, and a stale twin would be served instead.
if (process.env.TRUNK_PROFILE === 'release') {
  const hashed = /-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$/;
  const twins = [];
  for (const entry of readdirSync(dir).filter((f) => hashed.test(f))) {
    const body = readFileSync(path.join(dir, entry));
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gz = gzipSync(body, { level: 9 });
    writeFileSync(path.join(dir, `${entry}.br`), br);
    writeFileSync(path.join(dir, `${entry}.gz`), gz);
    twins.push(`${entry} ${body.length} B, .br ${br.length} B, .gz ${gz.length} B`);
  }
  if (twins.length === 0) fail('no hashed file to precompress');
  console.log(`finish-dist: precompressed ${twins.join('; ')}`);
}
