// The notices page (librarians and admins): counts per status and per day, kind and channel, the failures with the
// channel's reason in plain words, and the list, filtered by patron, kind, status and dates (library days). Admins
// also get "Run notices now", which says what the run planned and skipped and why.
'use strict';
const noticeKinds = {
  HoldReady: 'Hold ready', HoldExpiring: 'Hold expiring', DueSoon: 'Due soon', Overdue: 'Overdue', PickupReady: 'Ready for pickup',
};
const funnel = ['planned', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped'];
const countColumns = ['queued', 'sent', 'delivered', 'read', 'failed', 'skipped'];

pageLoaders.notices = () => {
  $('notices-run').hidden = state.me.role !== 'admin';
  loadNotices();
};

function noticeCell(text, className) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

function noticeQuery() {
  const filters = { patron: $('filter-patron').value.trim(), kind: $('filter-kind').value, status: $('filter-status').value, from: $('filter-from').value, to: $('filter-to').value };
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  return query.size ? `?${query}` : '';
}

async function loadNotices() {
  const result = await api('GET', `/notices${noticeQuery()}`);
  if (!result.ok) { $('notices-status').textContent = problemText(result, 'Could not read the notices'); return; }
  $('notices-status').textContent = '';
  renderFunnel(result.data.counts);
  renderCounts(result.data.counts);
  renderFailures(result.data.notices);
  renderNoticeList(result.data.notices);
}

function renderFunnel(counts) {
  const total = status => counts.filter(c => c.delivery === status).reduce((sum, c) => sum + c.count, 0);
  $('notice-funnel').replaceChildren(...funnel.map(status => {
    const li = document.createElement('li');
    li.className = status;
    li.dataset.status = status;
    li.append(span('label', status), span('count', String(total(status))));
    return li;
  }));
}

function renderCounts(counts) {
  const rows = new Map();
  for (const c of counts) {
    const key = `${c.day}|${c.kind}|${c.channel}`;
    if (!rows.has(key)) rows.set(key, { day: c.day, kind: c.kind, channel: c.channel, all: 0 });
    const row = rows.get(key);
    row[c.delivery] = (row[c.delivery] ?? 0) + c.count;
    row.all += c.count;
  }
  $('notice-counts').tBodies[0].replaceChildren(...[...rows.values()].map(r => {
    const tr = document.createElement('tr');
    tr.append(noticeCell(r.day), noticeCell(noticeKinds[r.kind] ?? r.kind), noticeCell(r.channel),
      ...countColumns.map(status => noticeCell(String(r[status] ?? 0), r[status] ? 'number ' + status : 'number zero')),
      noticeCell(String(r.all), 'number'));
    return tr;
  }));
  if (rows.size === 0) {
    const tr = document.createElement('tr');
    const td = noticeCell('No notices match.', 'empty');
    td.colSpan = 3 + countColumns.length + 1;
    tr.append(td);
    $('notice-counts').tBodies[0].append(tr);
  }
}

function about(n) {
  if (n.kind === 'PickupReady') return `at ${n.branch}`;
  return n.branch ? `${n.title} · ${n.branch}` : n.title;
}

function renderFailures(notices) {
  const failed = notices.filter(n => n.delivery === 'failed' || n.delivery === 'skipped');
  $('notice-failures').replaceChildren(...failed.map(n => {
    const li = document.createElement('li');
    li.className = n.delivery;
    li.append(span('who', `${n.patron} · ${noticeKinds[n.kind] ?? n.kind} · ${about(n)} · ${n.channel} · ${n.plannedAtLocal}`), ' — ',
      span('why', `${n.delivery === 'failed' ? 'Failed' : 'Not sent'}: ${n.reasonText ?? 'no reason was given.'}`));
    return li;
  }));
  if (failed.length === 0) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = 'None.';
    $('notice-failures').append(li);
  }
}

function renderNoticeList(notices) {
  $('notice-total').textContent = `(${notices.length}${notices.length === 200 ? ', the newest 200' : ''})`;
  $('notice-list').tBodies[0].replaceChildren(...notices.map(n => {
    const tr = document.createElement('tr');
    tr.dataset.kind = n.kind;
    tr.append(noticeCell(n.plannedAtLocal), noticeCell(n.patron), noticeCell(noticeKinds[n.kind] ?? n.kind), noticeCell(about(n)),
      noticeCell(n.channel), noticeCell(n.delivery, 'status ' + n.delivery));
    if (n.reasonText) tr.lastChild.title = n.reasonText;
    return tr;
  }));
}

function runReport(report) {
  if (report.outcome !== 'done') {
    return report.quietUntil ? `Quiet hours: nothing is sent until ${String(report.quietUntil).slice(11, 16)} library time.` : report.outcome;
  }
  const skipped = Object.entries(report.skipped ?? {});
  return `Done: looked at ${report.chats} chat${report.chats === 1 ? '' : 's'} with notices on; planned ${report.notices} notice${report.notices === 1 ? '' : 's'} `
    + `in ${report.digests} message${report.digests === 1 ? '' : 's'}${report.resumed ? `, and handed ${report.resumed} unsent message${report.resumed === 1 ? '' : 's'} over again` : ''}.`
    + (skipped.length ? ` Skipped: ${skipped.map(([why, n]) => `${why} (${n})`).join('; ')}.` : ' Nothing skipped.');
}

$('run-notices').addEventListener('click', async () => {
  $('run-notices').disabled = true;
  $('run-result').className = '';
  $('run-result').textContent = 'Running…';
  try {
    const result = await api('POST', '/notices/run');
    $('run-result').className = result.ok ? 'ok' : 'error';
    $('run-result').textContent = result.ok ? runReport(result.data)
      : result.status === 409 ? 'Another notice run is under way (the schedule or another admin started it). Nothing was run twice; try again in a minute.'
      : result.status === 403 ? 'Only admins can run notices.'
      : problemText(result, 'The run did not start');
  } finally {
    $('run-notices').disabled = false;
  }
  await loadNotices();
  setTimeout(loadNotices, 2000);
});
$('notice-filters').addEventListener('submit', event => { event.preventDefault(); loadNotices(); });
$('filter-clear').addEventListener('click', () => { $('notice-filters').reset(); loadNotices(); });
