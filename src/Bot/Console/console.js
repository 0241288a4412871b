// The librarians' console: signs in with a cookie, shows the queue and a conversation, and listens on the SignalR
// hub (JSON protocol over a WebSocket) for "changed" events, reading the staff API again when something changed.
// Librarians and admins also get the notices and pickup-notice pages (console.notices.js, console.batch.js) and a
// chat's consent history (console.consent.js); outreach staff and admins the outreach page (console.outreach.js,
// console.outreach.detail.js); admins the accounts page.
'use strict';
const $ = id => document.getElementById(id);
const state = { me: null, current: null, queue: [], socket: null, view: null, waitingTimer: null };
const RS = '\x1e';
// The pages, and what loads each when it is shown (the other scripts add theirs).
const pages = ['queue', 'notices', 'batch', 'outreach', 'accounts'];
const pageLoaders = { accounts: () => loadAccounts() };
// What the other scripts do when the hub sends something other than "changed" (e.g. broadcastChanged).
const hubHandlers = {};

// Calls the staff API. A 401 means the session ended (the sign-in form shows again), except for the sign-in call itself.
async function api(method, path, body, { signingIn = false } = {}) {
  const response = await fetch('/api/staff' + path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && !signingIn) { showSignIn(); throw new Error('signed out'); }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { detail: text }; }
  return { ok: response.ok, status: response.status, data };
}

// The sentence to show for a refused call: the server's problem detail, else a fallback.
function problemText(result, fallback) {
  return result.data?.detail ?? result.data?.title ?? `${fallback} (${result.status})`;
}

function showSignIn() {
  state.me = null;
  clearInterval(state.waitingTimer);
  $('app').hidden = true; $('signin').hidden = false; $('username').focus();
}

async function start() {
  const me = await fetch('/api/staff/me', { credentials: 'same-origin' });
  if (!me.ok) { showSignIn(); return; }
  state.me = await me.json();
  $('signin').hidden = true; $('app').hidden = false; $('login-error').textContent = '';
  $('me').textContent = `${state.me.displayName} (${state.me.role})`;
  $('presence').value = String(state.me.available);
  $('presence').disabled = state.me.role === 'outreach';
  showNavigation();
  connectHub();
  showPage(state.me.role === 'outreach' ? 'outreach' : 'queue');
  await loadQueue();
  clearInterval(state.waitingTimer);
  state.waitingTimer = setInterval(renderWaiting, 5000);
}

// Which pages the signed-in role may open: notices and pickup notices for librarians and admins, outreach for
// outreach staff and admins, accounts for admins.
function showNavigation() {
  const answers = state.me.role === 'librarian' || state.me.role === 'admin';
  $('show-notices').hidden = !answers;
  $('show-batch').hidden = !answers;
  $('show-outreach').hidden = state.me.role !== 'outreach' && state.me.role !== 'admin';
  $('show-accounts').hidden = state.me.role !== 'admin';
}

function showPage(page) {
  for (const p of pages) {
    $(`${p}-page`).hidden = p !== page;
    $(`show-${p}`).setAttribute('aria-pressed', String(p === page));
  }
  pageLoaders[page]?.();
}

function waitingText(item) {
  if (!item.requestedAt) return '';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(item.requestedAt)) / 1000));
  return seconds < 60 ? `${seconds} s` : seconds < 3600 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 3600)} h ${Math.floor(seconds % 3600 / 60)} min`;
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

async function loadQueue() {
  const result = await api('GET', '/queue');
  state.queue = result.data.items;
  state.timeZone = result.data.timeZone;
  $('hours').textContent = (result.data.staffedNow ? 'Staffed now' : `Out of hours (next: ${result.data.nextStaffedAt ?? 'none'})`)
    + ` · library time ${result.data.timeZone}`;
  const items = state.queue.map(item => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'queue-item';
    button.dataset.id = item.id;
    button.setAttribute('aria-current', String(item.id === state.current));
    const who = span('who', '');
    who.append(span('name', item.patronName ?? item.patronAddress));
    if (item.patronName) who.append(' ', span('address', item.patronAddress));
    button.append(
      who,
      span('channel', `${item.channel} · ${item.languageName}`),
      span('reason', item.reasonText),
      span('preview', item.preview ? `“${item.preview}”` : ''),
      span('status', ''));
    button.querySelector('.status').append(span('waiting', ''), ' ', span('owner', item.owner ? `— with ${item.ownerName}` : '— nobody has it yet'));
    button.addEventListener('click', () => openConversation(item.id));
    li.append(button);
    return li;
  });
  const focused = document.activeElement?.classList.contains('queue-item') ? document.activeElement.dataset.id : null;
  $('queue').replaceChildren(...items);
  $('queue-empty').hidden = items.length > 0;
  if (focused) document.querySelector(`.queue-item[data-id="${focused}"]`)?.focus();
  renderWaiting();
}

function renderWaiting() {
  for (const button of document.querySelectorAll('.queue-item')) {
    const item = state.queue.find(i => i.id === button.dataset.id);
    if (item) button.querySelector('.waiting').textContent = item.requestedAt ? `waiting ${waitingText(item)} (since ${item.requestedAtLocal})` : '';
  }
}

async function openConversation(id) {
  state.current = id;
  const result = await api('GET', `/conversations/${id}`);
  if (!result.ok) { $('action-status').textContent = result.status === 403 ? 'Your role cannot read transcripts.' : `Could not open (${result.status}).`; return; }
  state.view = result.data;
  renderConversation(result.data);
  document.dispatchEvent(new CustomEvent('conversation-opened', { detail: id }));
  for (const b of document.querySelectorAll('.queue-item')) b.setAttribute('aria-current', String(b.dataset.id === id));
  await loadColleagues();
}

function renderConversation(view) {
  const s = view.summary;
  $('conversation').hidden = false;
  const who = s.patronName ? `${s.patronName} (${s.patronAddress})` : s.patronAddress;
  $('summary').textContent = `${who} · ${s.channel} · ${s.languageName} · ${s.reason ? s.reasonText : 'no request'} · ${s.owner ? 'with ' + s.ownerName : s.reason ? 'waiting' : 'with the bot'}`;
  $('request-preview').textContent = s.preview ? `Asked: “${s.preview}”` : '';
  const mine = s.owner === state.me.username;
  $('claim').disabled = !!s.owner || !s.reason;
  $('reply-send').disabled = !mine; $('reply-text').disabled = !mine;
  $('release').disabled = !s.owner && !s.reason; $('close').disabled = !s.owner && !s.reason;
  const transcript = $('transcript');
  transcript.replaceChildren(...view.transcript.map(line => {
    const li = document.createElement('li');
    li.className = line.author;
    li.dataset.id = line.id;
    li.title = line.atLocal;
    li.textContent = line.author === 'Staff' ? `${line.staff}: ${line.text}` : line.text;
    return li;
  }));
  transcript.scrollTop = transcript.scrollHeight;
  $('window-rule').textContent = view.window.rule;
  $('window-rule').className = view.window.open ? 'open' : 'closed';
  $('canned').replaceChildren(...view.cannedReplies.map(text => {
    const b = document.createElement('button');
    b.type = 'button'; b.textContent = text;
    b.addEventListener('click', () => { $('reply-text').value = text; $('reply-text').focus(); });
    return b;
  }));
  const p = view.patron;
  $('patron').textContent = !p ? 'No library card linked.' : p.problem ? p.problem
    : `${p.name} · loans: ${p.loans.join('; ') || 'none'} · holds: ${p.holds.join('; ') || 'none'} · fines: ${p.fines} ${p.currency}`;
}

// The colleagues who could take the open chat now (read each time, so new accounts and presence changes show).
async function loadColleagues() {
  const s = state.view?.summary;
  const select = $('transfer-to');
  const result = await api('GET', '/colleagues');
  const colleagues = (result.ok ? result.data : []).filter(c => c.username !== s?.owner);
  const chosen = select.value;
  select.replaceChildren(...colleagues.map(c => new Option(`${c.displayName} — ${c.available ? 'available' : 'away'}${c.role === 'admin' ? ' (admin)' : ''}`, c.username)));
  if (colleagues.length === 0) {
    select.append(new Option('No other librarian can take it', ''));
  } else if (colleagues.some(c => c.username === chosen)) {
    select.value = chosen;
  }
  const mayTransfer = !!s?.owner && (s.owner === state.me.username || state.me.role === 'admin');
  $('transfer').disabled = !mayTransfer || colleagues.length === 0;
}

async function act(path, body) {
  if (!state.current) return;
  const result = await api('POST', `/conversations/${state.current}${path}`, body);
  $('action-status').textContent = result.ok
    ? (result.data?.sentAsTemplate ? 'Window closed: sent as template; your text follows when the patron writes.' : 'Done.')
    : `Not done: ${result.data?.result ?? result.data?.detail ?? result.status}${result.data?.owner ? ' (' + result.data.owner + ')' : ''}`;
  await Promise.all([openConversation(state.current), loadQueue()]);
  return result.ok;
}

// ---- Accounts (admins) ----

function accountStatus(text, isError) {
  $('accounts-status').textContent = text;
  $('accounts-status').className = isError ? 'error' : 'ok';
}

async function loadAccounts() {
  const result = await api('GET', '/accounts');
  if (!result.ok) { accountStatus(problemText(result, 'Could not read the accounts'), true); return; }
  $('accounts-table').tBodies[0].replaceChildren(...result.data.map(accountRow));
}

function accountRow(account) {
  const row = document.createElement('tr');
  row.dataset.username = account.username;
  row.className = account.disabled ? 'disabled' : '';
  const cells = [account.username, account.displayName].map(text => { const td = document.createElement('td'); td.textContent = text; return td; });
  const roleCell = document.createElement('td');
  const role = document.createElement('select');
  role.className = 'role';
  role.setAttribute('aria-label', `Role of ${account.username}`);
  for (const r of ['librarian', 'outreach', 'admin']) role.append(new Option(r, r, false, r === account.role));
  role.addEventListener('change', () => changeAccount(account.username, 'role', { role: role.value }, `${account.username} is now ${role.value}.`));
  roleCell.append(role);
  const statusCell = document.createElement('td');
  statusCell.className = 'account-state';
  statusCell.textContent = account.disabled ? 'Disabled' : `Active · ${account.available ? 'available' : 'away'}`;
  const actions = document.createElement('td');
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = account.disabled ? 'enable' : 'disable';
  toggle.textContent = account.disabled ? 'Enable' : 'Disable';
  toggle.addEventListener('click', () => changeAccount(account.username, account.disabled ? 'enable' : 'disable', undefined,
    `${account.username} is ${account.disabled ? 'enabled' : 'disabled'}.`));
  actions.append(toggle, ' ',
    inlineEditor('Reset password…', 'reset-password', 'password', `New password for ${account.username}`,
      value => changeAccount(account.username, 'password', { password: value }, `New password set for ${account.username}.`)), ' ',
    inlineEditor('Rename…', 'rename', 'text', `Display name of ${account.username}`,
      value => changeAccount(account.username, 'display-name', { displayName: value }, `${account.username} is now shown as ${value}.`), account.displayName));
  row.append(...cells, roleCell, statusCell, actions);
  return row;
}

// A button that opens a small form (one field, Save, Cancel) in place.
function inlineEditor(label, className, type, fieldLabel, save, initial = '') {
  const wrapper = document.createElement('span');
  const open = document.createElement('button');
  open.type = 'button'; open.className = className; open.textContent = label;
  const form = document.createElement('form');
  form.className = 'inline'; form.hidden = true;
  const input = document.createElement('input');
  input.type = type; input.setAttribute('aria-label', fieldLabel);
  if (type === 'password') input.autocomplete = 'new-password';
  const ok = document.createElement('button'); ok.type = 'submit'; ok.textContent = 'Save';
  const cancel = document.createElement('button'); cancel.type = 'button'; cancel.textContent = 'Cancel';
  form.append(input, ok, cancel);
  open.addEventListener('click', () => { form.hidden = false; open.hidden = true; input.value = initial; input.focus(); });
  cancel.addEventListener('click', () => { form.hidden = true; open.hidden = false; });
  form.addEventListener('submit', async event => { event.preventDefault(); if (await save(input.value)) { form.hidden = true; open.hidden = false; } });
  wrapper.append(open, form);
  return wrapper;
}

async function changeAccount(username, action, body, done) {
  const result = await api('POST', `/accounts/${encodeURIComponent(username)}/${action}`, body ?? {});
  accountStatus(result.ok ? done : problemText(result, 'Not changed'), !result.ok);
  await loadAccounts();
  if (username.toLowerCase() === state.me.username.toLowerCase()) await refreshMe();
  return result.ok;
}

// After an admin changed their own account: the header follows; a lost admin role or a disabled account shows at once.
async function refreshMe() {
  const me = await fetch('/api/staff/me', { credentials: 'same-origin' });
  if (!me.ok) { state.socket?.close(); showSignIn(); return; }
  state.me = await me.json();
  $('me').textContent = `${state.me.displayName} (${state.me.role})`;
  showNavigation();
  if (state.me.role !== 'admin') showPage('queue');
}

$('account-form').addEventListener('submit', async event => {
  event.preventDefault();
  const account = { username: $('new-username').value.trim(), displayName: $('new-display-name').value, role: $('new-role').value, password: $('new-password').value };
  const result = await api('POST', '/accounts', account);
  if (!result.ok) { accountStatus(problemText(result, 'Not created'), true); return; }
  accountStatus(`Created ${account.role} ${account.username} (${account.displayName}). Give them their password in person; they sign in at this page.`, false);
  $('account-form').reset();
  await loadAccounts();
});

// ---- Live updates ----

function connectHub() {
  if (state.socket && state.socket.readyState <= WebSocket.OPEN) return;
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/console/hub`);
  let ping = null;
  state.socket = socket;
  socket.onopen = () => socket.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS);
  socket.onmessage = event => {
    for (const frame of String(event.data).split(RS)) {
      if (!frame) continue;
      const message = JSON.parse(frame);
      if (message.type === undefined) {
        if (message.error) { socket.close(); return; }
        $('live').textContent = 'live'; $('live').className = 'online';
        ping = setInterval(() => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify({ type: 6 }) + RS), 15000);
      } else if (message.type === 1 && message.target === 'changed') {
        onChanged(message.arguments[0]);
      } else if (message.type === 1 && hubHandlers[message.target]) {
        hubHandlers[message.target](...message.arguments);
      } else if (message.type === 7) {
        socket.close();
      }
    }
  };
  socket.onclose = () => {
    clearInterval(ping);
    $('live').textContent = 'offline'; $('live').className = 'offline';
    if (state.me) setTimeout(connectHub, 2000);
  };
}

async function onChanged(id) {
  await loadQueue();
  if (id === state.current) await openConversation(id);
}

// ---- Sign-in and controls ----

$('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  $('login-error').textContent = '';
  const result = await api('POST', '/login?useCookies=true', { username: $('username').value, password: $('password').value }, { signingIn: true });
  if (!result.ok) {
    $('login-error').textContent = result.status === 401 ? 'Wrong username or password.' : problemText(result, 'Could not sign in');
    $('password').select();
    return;
  }
  $('password').value = '';
  await start();
});
$('logout').addEventListener('click', async () => { await api('POST', '/logout'); state.socket?.close(); showSignIn(); });
$('presence').addEventListener('change', () => api('POST', '/presence', { available: $('presence').value === 'true' }));
for (const page of pages) $(`show-${page}`).addEventListener('click', () => showPage(page));
$('claim').addEventListener('click', () => act('/claim'));
$('release').addEventListener('click', () => act('/release'));
$('close').addEventListener('click', () => act('/close'));
$('transfer').addEventListener('click', () => $('transfer-to').value && act('/transfer', { to: $('transfer-to').value }));
$('reply-form').addEventListener('submit', async event => {
  event.preventDefault();
  const text = $('reply-text').value.trim();
  if (text && await act('/messages', { text })) $('reply-text').value = '';
});
$('reply-text').addEventListener('keydown', event => {
  if (event.key === 'Enter' && event.ctrlKey) { event.preventDefault(); $('reply-form').requestSubmit(); }
});
document.addEventListener('keydown', event => {
  if (!event.altKey) return;
  if (event.key === 'c') { event.preventDefault(); $('claim').click(); }
  if (event.key === 'b') { event.preventDefault(); $('release').click(); }
});
// After every script of the page has run (the notices, pickup and consent scripts add to the pages).
document.addEventListener('DOMContentLoaded', start);
