// The librarians' console: signs in with a cookie, shows the queue and a conversation, and listens on the SignalR
// hub (JSON protocol over a WebSocket) for "changed" events, reading the staff API again when something changed.
'use strict';
const $ = id => document.getElementById(id);
const state = { me: null, current: null, queue: [], socket: null };
const RS = '\x1e';

async function api(method, path, body) {
  const response = await fetch('/api/staff' + path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && path !== '/login') { showSignIn(); throw new Error('signed out'); }
  const text = await response.text();
  return { ok: response.ok, status: response.status, data: text ? JSON.parse(text) : null };
}

function showSignIn() { $('app').hidden = true; $('signin').hidden = false; $('username').focus(); }

async function start() {
  const me = await fetch('/api/staff/me', { credentials: 'same-origin' });
  if (!me.ok) { showSignIn(); return; }
  state.me = await me.json();
  $('signin').hidden = true; $('app').hidden = false;
  $('me').textContent = `${state.me.displayName} (${state.me.role})`;
  $('presence').value = String(state.me.available);
  if (state.me.role !== 'outreach') {
    connectHub();
    const colleagues = await api('GET', '/colleagues');
    $('transfer-to').replaceChildren(...colleagues.data.filter(c => c.username !== state.me.username)
      .map(c => new Option(`${c.displayName}${c.available ? '' : ' (away)'}`, c.username)));
  }
  await loadQueue();
  setInterval(renderWaiting, 5000);
}

function waitingText(item) {
  if (!item.requestedAt) return '';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(item.requestedAt)) / 1000));
  return seconds < 60 ? `${seconds} s` : seconds < 3600 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 3600)} h ${Math.floor(seconds % 3600 / 60)} min`;
}

async function loadQueue() {
  const result = await api('GET', '/queue');
  state.queue = result.data.items;
  $('hours').textContent = result.data.staffedNow ? 'Staffed now' : `Out of hours (next: ${result.data.nextStaffedAt ?? 'none'})`;
  const items = state.queue.map(item => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'queue-item';
    button.dataset.id = item.id;
    button.setAttribute('aria-current', String(item.id === state.current));
    button.innerHTML = '<span class="what"></span><br><span class="waiting"></span> <span class="owner"></span>';
    button.querySelector('.what').textContent = `${item.channel} · ${item.language} · ${item.reason ?? 'no request'}`;
    button.querySelector('.owner').textContent = item.owner ? `— with ${item.owner}` : '— waiting';
    button.addEventListener('click', () => openConversation(item.id));
    li.append(button);
    return li;
  });
  const focused = document.activeElement?.classList.contains('queue-item') ? document.activeElement.dataset.id : null;
  $('queue').replaceChildren(...items);
  if (focused) document.querySelector(`.queue-item[data-id="${focused}"]`)?.focus();
  renderWaiting();
}

function renderWaiting() {
  for (const button of document.querySelectorAll('.queue-item')) {
    const item = state.queue.find(i => i.id === button.dataset.id);
    if (item) button.querySelector('.waiting').textContent = `waiting ${waitingText(item)}`;
  }
}

async function openConversation(id) {
  state.current = id;
  const result = await api('GET', `/conversations/${id}`);
  if (!result.ok) { $('action-status').textContent = result.status === 403 ? 'Your role cannot read transcripts.' : `Could not open (${result.status}).`; return; }
  renderConversation(result.data);
  for (const b of document.querySelectorAll('.queue-item')) b.setAttribute('aria-current', String(b.dataset.id === id));
}

function renderConversation(view) {
  const s = view.summary;
  $('conversation').hidden = false;
  $('summary').textContent = `${s.channel} · ${s.language} · ${s.reason ?? 'no request'}${s.detail ? ' (' + s.detail + ')' : ''} · ${s.owner ? 'with ' + s.owner : s.reason ? 'waiting' : 'with the bot'}`;
  const mine = s.owner === state.me.username;
  $('claim').disabled = !!s.owner || !s.reason;
  $('reply-send').disabled = !mine; $('reply-text').disabled = !mine;
  $('release').disabled = !s.owner && !s.reason; $('close').disabled = !s.owner && !s.reason; $('transfer').disabled = !mine;
  const transcript = $('transcript');
  transcript.replaceChildren(...view.transcript.map(line => {
    const li = document.createElement('li');
    li.className = line.author;
    li.dataset.id = line.id;
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

async function act(path, body) {
  if (!state.current) return;
  const result = await api('POST', `/conversations/${state.current}${path}`, body);
  $('action-status').textContent = result.ok
    ? (result.data?.sentAsTemplate ? 'Window closed: sent as template; your text follows when the patron writes.' : 'Done.')
    : `Not done: ${result.data?.result ?? result.data?.detail ?? result.status}${result.data?.owner ? ' (' + result.data.owner + ')' : ''}`;
  await Promise.all([openConversation(state.current), loadQueue()]);
  return result.ok;
}

function connectHub() {
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

$('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  const result = await api('POST', '/login?useCookies=true', { username: $('username').value, password: $('password').value });
  if (!result.ok) { $('login-error').textContent = 'Wrong username or password.'; return; }
  $('password').value = '';
  await start();
});
$('logout').addEventListener('click', async () => { await api('POST', '/logout'); state.me = null; state.socket?.close(); showSignIn(); });
$('presence').addEventListener('change', () => api('POST', '/presence', { available: $('presence').value === 'true' }));
$('claim').addEventListener('click', () => act('/claim'));
$('release').addEventListener('click', () => act('/release'));
$('close').addEventListener('click', () => act('/close'));
$('transfer').addEventListener('click', () => act('/transfer', { to: $('transfer-to').value }));
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
start();
