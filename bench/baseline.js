// The plain-JavaScript baseline: no framework, no build. It renders the same cards as the app,
// element for element, from the same JSON (the mock's job list): status from the steps, newest
// first, counts per status, the first 100 cards with badge, ID, copy button, kind, date (in the
// viewer's offset, and relative), duration, connection, step strip and, for a failure, the
// playbook: failing step, code, message, cause, who acts and what to do. The benchmark times the
// app as a ratio to it.
const STATUS_ICON = {
  pending: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M8 4.5V8l2.5 1.5',
  success: 'M3.5 8.5l3 3l6-7',
  failed: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
};
const MARK = { success: '✓', failed: '✗', 'in-progress': '◐', pending: '○' };
const WORD = { pending: 'Pending', success: 'Success', failed: 'Failed' };
const ICON = { pending: 'clock', success: 'check', failed: 'cross' };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function statusOf(job) {
  const steps = Array.isArray(job.steps) ? job.steps : [];
  if (steps.some((s) => s.status === 'failed')) return 'failed';
  if (steps.length && steps.every((s) => s.status === 'success')) return 'success';
  return 'pending';
}

// The app's formats (src/domain/time.rs): "12 Feb 2025, 22:41 UTC+11", "3 h ago", "1 min 17 s".
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

function localDate(ms) {
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const [h, m] = [Math.floor(Math.abs(offset) / 60), Math.abs(offset) % 60];
  const zone = offset === 0 ? 'UTC' : `UTC${offset < 0 ? '-' : '+'}${h}${m ? `:${pad(m)}` : ''}`;
  return `${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())} ${zone}`;
}

function relative(ms, now) {
  const seconds = Math.trunc((now - ms) / 1000);
  const s = Math.abs(seconds);
  if (s < 45) return 'just now';
  const amount = s < 3600 ? `${Math.floor((s + 30) / 60)} min` : s < 86400 ? `${Math.floor(s / 3600)} h` : `${Math.floor(s / 86400)} d`;
  return seconds < 0 ? `in ${amount}` : `${amount} ago`;
}

function duration(job, status) {
  const from = Date.parse(job.created);
  const to = status === 'pending' ? Date.now() : Date.parse(job.updated);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return '—';
  const t = Math.floor((to - from) / 1000);
  const [d, h, m, s] = [Math.floor(t / 86400), Math.floor((t % 86400) / 3600), Math.floor((t % 3600) / 60), t % 60];
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  if (m) return s ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

function badge(status) {
  const span = el('span', `bjh-badge bjh-badge--${status}`);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [k, v] of [['class', 'bjh-badge__icon'], ['data-icon', ICON[status]], ['viewBox', '0 0 16 16'], ['width', '14'], ['height', '14'], ['aria-hidden', 'true'], ['focusable', 'false']]) svg.setAttribute(k, v);
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  for (const [k, v] of [['d', STATUS_ICON[status]], ['fill', 'none'], ['stroke', 'currentColor'], ['stroke-width', '2'], ['stroke-linecap', 'round'], ['stroke-linejoin', 'round']]) path.setAttribute(k, v);
  svg.append(path);
  span.append(svg, el('span', 'bjh-badge__word', WORD[status]));
  return span;
}

function field(label, value, className) {
  const div = el('div', 'bjh-card__field');
  const dd = el('dd', className);
  dd.append(value);
  div.append(el('dt', '', label), dd);
  return div;
}

function kind(job) {
  const label = job.jobType ?? (String(job.links?.source ?? '').includes('/connections/') ? 'connection' : 'unknown kind');
  return job.institution?.id ? `${label} · ${job.institution.id}` : label;
}

// The app's playbook (src/domain/playbook.rs), inlined into baseline.html by scripts/bench.sh.
const PLAYBOOK = JSON.parse(document.getElementById('playbook').textContent);
const message = (e) => [e.detail, e.title].find((t) => typeof t === 'string' && t.trim()) ?? e.code;

function advice(error) {
  const entry = PLAYBOOK.entries.find((e) => e.codes.includes(error.code));
  if (entry) return entry;
  const cause = error.title && error.detail?.trim() && error.title !== error.detail ? `${error.title}: ${error.detail}` : message(error);
  const user = PLAYBOOK.userSide.includes(error.code);
  return { cause, who: user ? [PLAYBOOK.endUser] : [], actions: [...(user ? [PLAYBOOK.reconsent] : []), ...PLAYBOOK.generic] };
}

function labelled(className, label, text) {
  const p = el('p', className);
  p.append(el('strong', '', label), text);
  return p;
}

function playbook(step) {
  const error = step.result ?? {};
  const section = el('section', 'bjh-playbook');
  section.setAttribute('aria-label', 'Why it failed and what to do');
  const what = el('p', 'bjh-playbook__what');
  what.append(el('span', 'bjh-playbook__step', step.title), el('code', 'bjh-playbook__code', error.code ?? ''), el('span', 'bjh-playbook__message', message(error)));
  const a = advice(error);
  const actions = el('ul', 'bjh-playbook__actions');
  for (const action of a.actions) actions.append(el('li', '', action));
  section.append(what, labelled('bjh-playbook__cause', 'Cause: ', a.cause));
  if (a.who.length) section.append(labelled('bjh-playbook__who', 'Who acts: ', a.who.join(', ')));
  section.append(actions);
  return section;
}

function card(job, now) {
  const status = statusOf(job);
  const article = el('article', `bjh-card bjh-card--${status}`);
  article.dataset.jobId = job.id;
  article.dataset.status = status;
  article.tabIndex = -1;
  const head = el('header', 'bjh-card__head');
  const link = el('a', 'bjh-card__link');
  link.href = `?job=${encodeURIComponent(job.id)}`;
  link.append(el('code', 'bjh-card__id', job.id));
  const copy = el('button', 'bjh-copy', 'Copy ID');
  copy.type = 'button';
  head.append(badge(status), link, copy, el('span', 'bjh-card__kind', kind(job)));
  const created = Date.parse(job.created);
  const when = el('span', 'bjh-time');
  const time = el('time', 'bjh-time__abs', localDate(created));
  time.dateTime = time.title = new Date(created).toISOString().replace(/\.\d+Z$/, 'Z');
  time.tabIndex = 0;
  when.append(time, el('span', 'bjh-time__rel', relative(created, now)));
  const meta = el('dl', 'bjh-card__meta');
  const connection = (job.links?.source ?? '').split('/').pop();
  meta.append(field('Date', when), field('Duration', duration(job, status), 'bjh-card__duration'), field('Connection', el('code', '', connection)));
  const steps = el('ol', 'bjh-steps');
  steps.setAttribute('aria-label', 'Steps');
  let failing;
  for (const step of job.steps ?? []) {
    const known = ['pending', 'in-progress', 'success', 'failed'].includes(step.status);
    const li = el('li', `bjh-step bjh-step--${known ? step.status : 'unknown'}`);
    li.dataset.stepStatus = step.status;
    const mark = el('span', 'bjh-step__mark', MARK[step.status] ?? '?');
    mark.setAttribute('aria-hidden', 'true');
    li.append(mark, el('span', 'bjh-step__title', step.title), el('span', 'bjh-step__status', step.status));
    if (step.status === 'failed') {
      failing ??= step;
      li.append(el('code', 'bjh-step__code', step.result?.code ?? ''));
    }
    steps.append(li);
  }
  article.append(head, meta, steps);
  if (failing) article.append(playbook(failing));
  const item = el('li');
  item.dataset.rowStatus = status;
  item.append(article);
  return item;
}

async function main() {
  const config = await (await fetch('config.json')).json();
  const body = await (await fetch(`${config.apiBaseUrl}/users/${config.userId}/jobs`)).json();
  const jobs = (body.data ?? []).slice().sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
  const counts = { pending: 0, success: 0, failed: 0 };
  for (const job of jobs) counts[statusOf(job)]++;
  const root = el('main', 'bjh-app__main');
  const chips = el('nav', 'bjh-chips');
  for (const [key, n] of [['all', jobs.length], ...Object.entries(counts)]) {
    const chip = el('a', `bjh-chip bjh-chip--${key}`);
    chip.append(el('span', 'bjh-chip__label', key), el('span', 'bjh-chip__count', String(n)));
    chips.append(chip);
  }
  const list = el('ul', 'bjh-history__list');
  const now = Date.now();
  for (const job of jobs.slice(0, 100)) list.append(card(job, now));
  root.append(chips, list);
  document.querySelector('.bjh-app').append(root);
}

main();
