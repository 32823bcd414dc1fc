// Basiq Job History: the start-up, with wasm-bindgen's glue where marked (scripts/finish-dist.mjs
// writes the two into one file, fills in the wasm's name and SRI hash). Names start with bjh.
const bjhHere = (file) => new URL(file, import.meta.url);
const bjhWasmResponse = fetch(bjhHere('./__WASM__'), { integrity: '__WASM_INTEGRITY__' });

// config.json and its body, read while the wasm compiles (src/platform.rs takes them), so that
// the app's first task goes on to the job list instead of waiting for the config's body.
const bjhConfigAnswer = fetch(bjhHere('./config.json'), { headers: { Accept: 'application/json' } })
  .then((response) => response.text().then((text) => [response, text], () => [response, null]));

const bjhEncode = (raw) =>
  encodeURIComponent(raw).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

// The URL of the app's first API request under this config.json and page query, in the plain
// case only (no token; one job's detail, or a user's jobs), else null. It follows src/app.rs,
// src/features/history/history_page.rs and src/api/urls.rs; the app uses the answer only when
// its own first request has exactly this URL (src/api/client.rs), so a case this misses costs
// one request more, never wrong data.
const bjhFirstUrl = ([response, text]) => {
  if (!response.ok || text === null) return null;
  let config;
  try {
    config = JSON.parse(text);
  } catch {
    return null;
  }
  if (config === null || typeof config !== 'object' || typeof config.apiBaseUrl !== 'string') return null;
  if ((config.auth ?? null) !== null && (config.auth.mode ?? 'none') !== 'none') return null;
  const base = config.apiBaseUrl.trim().replace(/\/+$/, '');
  if (base === '') return null;
  const query = new URLSearchParams(location.search);
  const job = query.get('job');
  if (job) return base + '/jobs/' + bjhEncode(job);
  if (query.has('jobIds') || (Array.isArray(config.jobIds) && config.jobIds.length > 0)) return null;
  const asked = (key) => (query.get(key)?.trim() ? query.get(key) : undefined);
  const set = (value) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const user = asked('userId') ?? set(config.userId);
  if (user === undefined) return null;
  const connection = (query.get('connection')?.trim() || undefined) ?? asked('connectionId') ?? set(config.connectionId);
  const url = base + '/users/' + bjhEncode(user) + '/jobs';
  return connection === undefined ? url : url + '?filter=' + bjhEncode("connection.id.eq('" + connection + "')");
};

globalThis.__basiqJobHistory = {
  configAnswer: bjhConfigAnswer,
  // [url, answer, abort] of the app's first API request, asked for while the wasm still loads,
  // or null. The answer is [response, body]: with the body read, the app's first task can go on
  // to the cards. The app aborts the request when it gives up on it, as it does its own (a
  // request left hanging would hold back the retry for the same URL).
  firstAnswer: bjhConfigAnswer.then(bjhFirstUrl, () => null).then((url) => {
    if (url === null) return null;
    const abort = new AbortController();
    const answer = fetch(url, { headers: { Accept: 'application/json' }, signal: abort.signal })
      .then((response) => response.arrayBuffer().then((body) => [response, body]));
    answer.catch(() => {}); // the app may not take it; then its failure is nobody's
    return [url, answer, abort];
  }),
};

/* wasm-bindgen glue */

const bjhExports = await __wbg_init({ module_or_path: bjhWasmResponse });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: bjhExports } }));
