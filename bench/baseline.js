// The plain-JavaScript baseline: no framework, no build. It renders the same cards as the app
// from the same JSON (the mock's job list): status from the steps, newest first, counts per
// status, the first 100 cards with badge, ID, date, duration, connection, step strip and, for a
// failure, the failing step's code and message. The benchmark times the app as a ratio to it.
const STATUS_ICON = {
  pending: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M8 4.5V8l2.5 1.5',
  success: 'M3.5 8.5l3 3l6-7',
  failed: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
};
const MARK = { success: '✓', failed: '✗', 'in-progress': '◐', pending: '○' };
const WORD = { pending: 'Pending', success: 'Success', failed: 'Failed' };

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

function duration(job, status) {
  const from = Date.parse(job.created);
  const to = status === 'pending' ? Date.now() : Date.parse(job.updated);
  if (Number.isNaN(from) || Number.isNaN(to)) return '—';
  const s = Math.max(0, Math.round((to - from) / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

function badge(status) {
  const span = el('span', `bjh-badge bjh-badge--${status}`);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'bjh-badge__icon');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', STATUS_ICON[status]);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  svg.append(path);
  span.append(svg, el('span', 'bjh-badge__word', WORD[status]));
  return span;
}

function field(label, value) {
  const div = el('div', 'bjh-card__field');
  const dd = el('dd');
  dd.append(value);
  div.append(el('dt', '', label), dd);
  return div;
}

function card(job, format) {
  const status = statusOf(job);
  const article = el('article', `bjh-card bjh-card--${status}`);
  article.dataset.jobId = job.id;
  article.dataset.status = status;
  const head = el('header', 'bjh-card__head');
  const link = el('a', 'bjh-card__link');
  link.href = `?job=${encodeURIComponent(job.id)}`;
  link.append(el('code', 'bjh-card__id', job.id));
  head.append(badge(status), link, el('button', 'bjh-copy', 'Copy ID'), el('span', 'bjh-card__kind', job.institution?.id ?? 'connection'));
  const time = el('time', 'bjh-time__abs', format.format(new Date(job.created)));
  time.dateTime = job.created;
  const meta = el('dl', 'bjh-card__meta');
  const connection = (job.links?.source ?? '').split('/').pop();
  meta.append(field('Date', time), field('Duration', duration(job, status)), field('Connection', el('code', '', connection)));
  const steps = el('ol', 'bjh-steps');
  let failing;
  for (const step of job.steps ?? []) {
    const li = el('li', `bjh-step bjh-step--${step.status}`);
    li.append(el('span', 'bjh-step__mark', MARK[step.status] ?? '?'), el('span', 'bjh-step__title', step.title), el('span', 'bjh-step__status', step.status));
    if (step.status === 'failed') {
      failing = step;
      li.append(el('code', 'bjh-step__code', step.result?.code ?? ''));
    }
    steps.append(li);
  }
  article.append(head, meta, steps);
  if (failing) {
    const section = el('section', 'bjh-playbook');
    const what = el('p', 'bjh-playbook__what');
    what.append(el('span', 'bjh-playbook__step', failing.title), el('code', 'bjh-playbook__code', failing.result?.code ?? ''), el('span', 'bjh-playbook__message', failing.result?.title ?? ''));
    section.append(what, el('p', 'bjh-playbook__cause', failing.result?.detail ?? ''));
    article.append(section);
  }
  return article;
}

async function main() {
  const config = await (await fetch('config.json')).json();
  const body = await (await fetch(`${config.apiBaseUrl}/users/${config.userId}/jobs`)).json();
  const jobs = (body.data ?? []).slice().sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
  const counts = { pending: 0, success: 0, failed: 0 };
  for (const job of jobs) counts[statusOf(job)]++;
  const format = new Intl.DateTimeFormat('en-AU', { dateStyle: 'medium', timeStyle: 'short' });
  const root = el('main', 'bjh-app__main');
  const chips = el('nav', 'bjh-chips');
  for (const [key, n] of [['all', jobs.length], ...Object.entries(counts)]) {
    const chip = el('a', `bjh-chip bjh-chip--${key}`);
    chip.append(el('span', 'bjh-chip__label', key), el('span', 'bjh-chip__count', String(n)));
    chips.append(chip);
  }
  const list = el('div', 'bjh-list');
  for (const job of jobs.slice(0, 100)) list.append(card(job, format));
  root.append(chips, list);
  document.querySelector('.bjh-app').append(root);
}

main();
