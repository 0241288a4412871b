// One broadcast on the outreach page: its status, a progress bar and the funnel (audience, left out by reason, waiting,
// sent, delivered, read, failed by channel error code, skipped, opted out within seven days), the buttons its status
// allows (send, pause, resume, cancel; a refusal says why), what it says, and its recipients (masked chats) filtered
// by status, with the CSV export. The hub's broadcastChanged(id) reads it again, so the progress moves by itself.
'use strict';
const broadcastDetailState = { id: null, shown: 0, pageSize: 50, reloadTimer: null };
const broadcastFunnelSteps = [
  ['audience', 'audience'], ['excluded', 'left out'], ['pending', 'waiting'], ['sent', 'sent'], ['delivered', 'delivered'],
  ['read', 'read'], ['failed', 'failed'], ['skipped', 'skipped'], ['optedOut', 'opted out (7 days)'],
];
// A recipient's status in words (the API's values, which the filter sends back).
const recipientStatuses = {
  pending: 'waiting', excluded: 'left out', handedover: 'handed to the chat', queued: 'sent to the channel', masssend: 'WeChat mass send', skipped: 'skipped',
};
// Which buttons each status allows (the server decides; a refusal comes back as 409 with the reason).
const broadcastActions = {
  send: ['draft'],
  pause: ['sending'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'sending', 'paused'],
};

async function openBroadcast(id, message, isError) {
  broadcastDetailState.id = id;
  broadcastDetailState.shown = 0;
  outreachShow('detail');
  $('recipient-status').value = '';
  $('recipient-csv').href = `/api/staff/broadcasts/${encodeURIComponent(id)}/recipients.csv`;
  $('detail-action-status').textContent = message ?? '';
  $('detail-action-status').className = isError ? 'error' : 'ok';
  await Promise.all([loadBroadcast(), loadRecipients(false)]);
}

async function loadBroadcast() {
  const id = broadcastDetailState.id;
  const result = await api('GET', `/broadcasts/${encodeURIComponent(id)}`);
  if (id !== broadcastDetailState.id) return;
  if (!result.ok) { outreachStatus(problemText(result, 'Could not read the broadcast'), true); return; }
  renderBroadcast(result.data);
}

function renderBroadcast(b) {
  $('detail-name').textContent = b.name;
  $('detail-status').textContent = b.status;
  $('detail-status').className = `badge ${b.status}`;
  const when = [
    `Written by ${b.createdBy}, ${outreachTime(b.createdAt)}`,
    b.sendAt ? `send at ${outreachTime(b.sendAt)}` : null,
    b.startedAt ? `started ${outreachTime(b.startedAt)}` : null,
    b.finishedAt ? `${b.status === 'cancelled' ? 'cancelled' : 'finished'} ${outreachTime(b.finishedAt)}` : null,
    `${b.ratePerSecond} messages a second`,
  ].filter(Boolean);
  $('detail-meta').textContent = `${when.join(' · ')} (library time)`;
  renderBroadcastFunnel(b.funnel);
  for (const [action, statuses] of Object.entries(broadcastActions)) $(`detail-${action}`).disabled = !statuses.includes(b.status);
  renderBroadcastContent(b);
}

// The funnel's audience is who gets it (those left out are counted apart); done is everyone no longer waiting.
function renderBroadcastFunnel(f) {
  const toSend = f.audience;
  const done = Math.max(0, toSend - f.pending);
  $('detail-progress').max = Math.max(1, toSend);
  $('detail-progress').value = done;
  $('detail-progress-label').textContent = toSend === 0 ? 'Nobody to send to'
    : `${done} of ${toSend} done (sent ${f.sent}, failed ${f.failed}, skipped ${f.skipped})`;
  $('broadcast-funnel').replaceChildren(...broadcastFunnelSteps.map(([key, label]) => {
    const li = document.createElement('li');
    li.className = key; li.dataset.step = key;
    li.append(span('label', label), span('count', String(f[key] ?? 0)));
    return li;
  }));
  renderReasonList('detail-excluded', f.excludedByReason, reason => reason, 'Nobody was left out.');
  renderReasonList('detail-failed', f.failedByCode, code => /^\d+$/.test(code) ? `error ${code}` : code, 'No failures.');
}

function renderReasonList(id, counts, words, none) {
  const entries = Object.entries(counts ?? {});
  $(id).replaceChildren(...entries.map(([key, n]) => {
    const li = document.createElement('li');
    li.dataset.key = key;
    li.append(span('why', words(key)), `: ${n}`);
    return li;
  }));
  if (entries.length === 0) {
    const li = document.createElement('li');
    li.className = 'empty'; li.textContent = none;
    $(id).append(li);
  }
}

function renderBroadcastContent(b) {
  const rows = [];
  const add = (term, text, lang) => {
    const dt = document.createElement('dt'); dt.textContent = term;
    const dd = document.createElement('dd'); dd.textContent = text;
    if (lang) dd.lang = lang;
    rows.push(dt, dd);
  };
  for (const [code, name] of outreachLanguages) if (b.content?.[code]) add(name, b.content[code], code === 'zh' ? 'zh-Hans' : code);
  if (b.imageUrl) add('Image', b.imageUrl);
  if (b.link) add('Link', b.link);
  if (b.whatsAppTemplate) add('WhatsApp template', `${b.whatsAppTemplate.name}${b.whatsAppTemplate.parameters.length ? ` (${b.whatsAppTemplate.parameters.join(' · ')})` : ''}`);
  const audience = b.audience;
  add('Audience', [`topics: ${audience.topics.join(', ')}`, audience.branches.length ? `branches: ${audience.branches.join(', ')}` : null,
    audience.languages.length ? `languages: ${audience.languages.join(', ')}` : null, audience.channels.length ? `channels: ${audience.channels.join(', ')}` : null]
    .filter(Boolean).join(' · '));
  $('detail-texts').replaceChildren(...rows);
}

// The recipients: the first page again (as many as shown, at least a page), or the next page when more is asked.
async function loadRecipients(more) {
  const id = broadcastDetailState.id;
  const status = $('recipient-status').value;
  const offset = more ? broadcastDetailState.shown : 0;
  const limit = more ? broadcastDetailState.pageSize : Math.max(broadcastDetailState.pageSize, broadcastDetailState.shown);
  const query = new URLSearchParams({ offset: String(offset), limit: String(limit) });
  if (status) query.set('status', status);
  const result = await api('GET', `/broadcasts/${encodeURIComponent(id)}/recipients?${query}`);
  if (id !== broadcastDetailState.id) return;
  if (!result.ok) { $('detail-action-status').textContent = problemText(result, 'Could not list the recipients'); $('detail-action-status').className = 'error'; return; }
  const rows = result.data.map(r => {
    const tr = document.createElement('tr');
    tr.dataset.status = r.status;
    tr.append(outreachCell(r.chat), outreachCell(r.channel), outreachCell(r.language), outreachCell(recipientStatuses[r.status] ?? r.status, `status ${r.status}`),
      outreachCell(r.reason ?? ''), outreachCell(r.delivery ?? '', r.delivery ? `status ${r.delivery}` : ''), outreachCell(r.errorCode ?? ''));
    return tr;
  });
  const body = $('recipient-list').tBodies[0];
  if (more) body.append(...rows); else body.replaceChildren(...rows);
  broadcastDetailState.shown = offset + rows.length;
  $('recipient-more').hidden = rows.length < limit;
  if (broadcastDetailState.shown === 0) {
    const tr = document.createElement('tr');
    const td = outreachCell(status ? 'No recipient has this status.' : 'No recipients yet.', 'empty');
    td.colSpan = 7;
    tr.append(td);
    body.replaceChildren(tr);
  }
}

async function broadcastAction(action) {
  const id = broadcastDetailState.id;
  const button = $(`detail-${action}`);
  button.disabled = true;
  const result = await api('POST', `/broadcasts/${encodeURIComponent(id)}/${action}`);
  const done = { send: 'Sending started (or scheduled for its send time).', pause: 'Paused: nothing more leaves until you resume.', resume: 'Resumed.', cancel: 'Cancelled: nothing more will be sent.' };
  $('detail-action-status').className = result.ok ? 'ok' : 'error';
  $('detail-action-status').textContent = result.ok ? done[action]
    : result.status === 403 ? 'Your role cannot send or change broadcasts (outreach staff and admins can).'
    : result.status === 409 ? `Not possible now: ${problemText(result, 'the broadcast’s status does not allow it')}`
    : problemText(result, 'Not done');
  if (result.ok) renderBroadcast(result.data); else await loadBroadcast();
  await loadRecipients(false);
}

// Live: the open broadcast is read again (at most once a second), and the list when it is shown.
hubHandlers.broadcastChanged = id => {
  onBroadcastListChanged();
  if (id !== broadcastDetailState.id || $('broadcast-detail').hidden || broadcastDetailState.reloadTimer) return;
  broadcastDetailState.reloadTimer = setTimeout(async () => {
    broadcastDetailState.reloadTimer = null;
    await Promise.all([loadBroadcast(), loadRecipients(false)]);
  }, 1000);
};

$('recipient-status').append(...Object.entries(recipientStatuses).map(([value, text]) => new Option(text, value)));
for (const action of Object.keys(broadcastActions)) $(`detail-${action}`).addEventListener('click', () => broadcastAction(action));
$('detail-back').addEventListener('click', showOutreachHome);
$('recipient-status').addEventListener('change', () => { broadcastDetailState.shown = 0; loadRecipients(false); });
$('recipient-more').addEventListener('click', () => loadRecipients(true));
$('recipient-filters').addEventListener('submit', event => event.preventDefault());
