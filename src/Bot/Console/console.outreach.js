// The outreach page (outreach staff and admins): the broadcasts with their status, the topics patrons sign up for and
// the sign-up links for posters; a new broadcast: the segment (topics, branches, languages, channels) with the live
// audience count and who is left out and why, the text per language with a preview per channel, the WhatsApp
// marketing template for patrons outside the 24-hour window, send now or at a library time, the rate. A refused field
// gets the server's reason next to it. The broadcast's progress and funnel are in console.outreach.detail.js.
'use strict';
const outreachLanguages = [['en', 'English'], ['es', 'Español'], ['zh', '中文'], ['vi', 'Tiếng Việt']];
const outreachChannels = [['whatsapp', 'WhatsApp'], ['wechat', 'WeChat'], ['sms', 'SMS']];
const outreachState = { choicesLoaded: false, branchNames: new Map(), templates: [], countTimer: null, countSeq: 0, previewLanguage: 'en', listTimer: null };
// The stop line is the server's (Broadcasts.StopLine, in the patron's language); the preview names where it goes.
const outreachStopNote = '+ how to stop, in the patron’s language (the server adds it)';

pageLoaders.outreach = () => showOutreachHome();

function outreachShow(part) {
  $('outreach-home').hidden = part !== 'home';
  $('broadcast-form').hidden = part !== 'form';
  $('broadcast-detail').hidden = part !== 'detail';
  if (part !== 'detail') broadcastDetailState.id = null;
  $('outreach-status').textContent = '';
}

function outreachStatus(text, isError) {
  $('outreach-status').textContent = text;
  $('outreach-status').className = isError ? 'error' : 'ok';
}

// A time in library time, "Sat 28 Nov, 11:58" (the library's zone is the queue's; the browser's until it is known).
function outreachTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: state.timeZone || undefined, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(iso));
}

// How far the library's zone is ahead of UTC at an instant (ms).
function outreachZoneOffset(instant, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - instant;
}

// A datetime-local value ("2026-11-28T09:30") read as library time, as an ISO instant.
function outreachInstant(local) {
  const wall = Date.parse(local + ':00Z');
  if (!state.timeZone) return new Date(local).toISOString();
  let instant = wall - outreachZoneOffset(wall, state.timeZone);
  instant = wall - outreachZoneOffset(instant, state.timeZone);
  return new Date(instant).toISOString();
}

function outreachCell(text, className) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

// ---- The list, the topics, the sign-up links ----

async function showOutreachHome() {
  outreachShow('home');
  await Promise.all([loadBroadcastList(), loadOutreachChoices().then(loadSignupLinks)]);
}

async function loadBroadcastList() {
  const result = await api('GET', '/broadcasts');
  if (!result.ok) { outreachStatus(problemText(result, 'Could not list the broadcasts'), true); return; }
  const rows = result.data.map(b => {
    const tr = document.createElement('tr');
    tr.dataset.id = b.id;
    const name = document.createElement('td');
    const open = document.createElement('button');
    open.type = 'button'; open.className = 'link'; open.textContent = b.name;
    open.addEventListener('click', () => openBroadcast(b.id));
    name.append(open);
    const when = b.finishedAt ? `finished ${outreachTime(b.finishedAt)}` : b.startedAt ? `started ${outreachTime(b.startedAt)}`
      : b.sendAt ? `at ${outreachTime(b.sendAt)}` : `written ${outreachTime(b.createdAt)}`;
    tr.append(name, outreachCell(b.status, `status ${b.status}`), outreachCell(when), outreachCell(b.createdBy),
      ...['audience', 'sent', 'delivered', 'read', 'failed', 'excluded'].map(k => outreachCell(String(b[k] ?? 0), 'number')));
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = outreachCell('No broadcasts yet.', 'empty');
    td.colSpan = 10;
    tr.append(td);
    rows.push(tr);
  }
  $('broadcast-list').tBodies[0].replaceChildren(...rows);
}

// Topics, branches and approved marketing templates: read once per page load.
async function loadOutreachChoices() {
  if (outreachState.choicesLoaded) return;
  const [topics, branches, templates] = await Promise.all([
    api('GET', '/broadcasts/topics'), api('GET', '/notices/branches'), api('GET', '/whatsapp/marketing-templates')]);
  if (!topics.ok) { outreachStatus(problemText(topics, 'Could not read the topics'), true); return; }
  if (!branches.ok) { outreachStatus(problemText(branches, 'Could not list the branches'), true); return; }
  $('topic-list').tBodies[0].replaceChildren(...topics.data.map(t => {
    const tr = document.createElement('tr');
    tr.append(outreachCell(t.id), ...outreachLanguages.map(([code]) => outreachCell(t.names[code])));
    return tr;
  }));
  $('segment-topics').replaceChildren(...topics.data.map(t => outreachCheckbox('topic', t.id, t.names.en)));
  outreachState.branchNames = new Map(branches.data.map(b => [b.id, b.name]));
  $('segment-branches').replaceChildren(...branches.data.map(b => outreachCheckbox('branch', b.id, b.name)));
  $('segment-languages').replaceChildren(...outreachLanguages.map(([code, name]) => outreachCheckbox('language', code, name)));
  $('segment-channels').replaceChildren(...outreachChannels.map(([code, name]) => outreachCheckbox('channel', code, name)));
  outreachState.templates = templates.ok ? templates.data : [];
  $('broadcast-template').replaceChildren(new Option('None', ''),
    ...outreachState.templates.map(t => new Option(`${t.name} (${t.languages.join(', ')})`, t.name)));
  if (!templates.ok) outreachStatus(problemText(templates, 'Could not read the WhatsApp marketing templates'), true);
  renderComposeTexts();
  renderPreviewLanguages();
  outreachState.choicesLoaded = true;
}

function outreachCheckbox(group, value, text) {
  const label = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'checkbox'; input.name = group; input.value = value; input.id = `segment-${group}-${value}`;
  input.addEventListener('change', scheduleAudienceCount);
  label.append(input, ' ', text);
  return label;
}

async function loadSignupLinks() {
  const result = await api('GET', '/broadcasts/signup-links');
  $('signup-links').hidden = !result.ok;
  if (!result.ok) return;
  const branchName = id => id ? outreachState.branchNames.get(id) ?? id : 'the whole library';
  const languageName = code => outreachLanguages.find(([c]) => code === c || code.startsWith(`${c}-`))?.[1] ?? code;
  $('signup-links-body').replaceChildren(...result.data.map(topic => {
    const block = document.createElement('div');
    block.className = 'signup-topic';
    const title = document.createElement('h4');
    title.textContent = `${topic.names.en} (${topic.topic})`;
    const links = document.createElement('ul');
    for (const link of topic.whatsApp) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = link.url; a.textContent = link.url; a.target = '_blank'; a.rel = 'noopener';
      li.append(span('language', `WhatsApp, ${languageName(link.language)}: `), a);
      links.append(li);
    }
    for (const scene of topic.weChatScenes) {
      const li = document.createElement('li');
      li.append(span('language', `WeChat QR scene, ${branchName(scene.branchId)}: `), span('scene', scene.scene));
      links.append(li);
    }
    block.append(title, links);
    return block;
  }));
}

// ---- The segment and its live count ----

function outreachChecked(group) {
  return [...document.querySelectorAll(`#broadcast-form input[name="${group}"]:checked`)].map(i => i.value);
}

function outreachAudience() {
  return { topics: outreachChecked('topic'), branches: outreachChecked('branch'), languages: outreachChecked('language'), channels: outreachChecked('channel') };
}

function scheduleAudienceCount() {
  clearTimeout(outreachState.countTimer);
  outreachState.countTimer = setTimeout(countAudience, 300);
}

async function countAudience() {
  const audience = outreachAudience();
  const seq = ++outreachState.countSeq;
  clearFieldErrors('audience');
  if (audience.topics.length === 0) {
    $('audience-count').textContent = 'Tick at least one topic to count the audience.';
    $('audience-excluded').replaceChildren();
    return;
  }
  $('audience-count').textContent = 'Counting…';
  const result = await api('POST', '/broadcasts/audience', audience);
  if (seq !== outreachState.countSeq) return;
  if (!result.ok) {
    $('audience-count').textContent = '';
    showFieldErrors(result, 'Could not count the audience', $('audience-count'), 'audience.');
    return;
  }
  renderAudience(result.data.audienceCount, result.data.excluded);
}

function renderAudience(count, excluded) {
  $('audience-count').textContent = `${count} patron${count === 1 ? '' : 's'} will get it.`;
  $('audience-count').dataset.count = String(count);
  $('audience-excluded').replaceChildren(...Object.entries(excluded ?? {}).map(([reason, n]) => {
    const li = document.createElement('li');
    li.dataset.reason = reason;
    li.textContent = `Left out: ${reason} (${n})`;
    return li;
  }));
}

// ---- Field errors (RFC 7807 errors per field, shown next to the field) ----

function clearFieldErrors(prefix = '') {
  for (const p of document.querySelectorAll('#broadcast-form .field-error')) {
    if (p.dataset.field.startsWith(prefix)) p.textContent = '';
  }
}

// The element for a field the server named ("content.es", "audience.topics[0]", "whatsAppTemplate.parameters"): the
// most specific one that exists, else null.
function fieldErrorElement(field) {
  const normal = field.replace(/\[\d+\]/g, '').replace(/^\$\./, '');
  const parts = normal.split('.');
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join('.').toLowerCase();
    const match = [...document.querySelectorAll('#broadcast-form .field-error')].find(p => p.dataset.field.toLowerCase() === name);
    if (match) return match;
  }
  return null;
}

// Shows a refused answer: each field's message next to it (the audience count names its fields without "audience."),
// anything else in the status element. Returns whether any field was marked.
function showFieldErrors(result, fallback, statusElement, prefix = '') {
  const errors = result.data?.errors ?? {};
  const unplaced = [];
  let marked = false;
  for (const [field, messages] of Object.entries(errors)) {
    const element = fieldErrorElement(prefix + field);
    const text = [].concat(messages).join(' ');
    if (element) { element.textContent = element.textContent ? `${element.textContent} ${text}` : text; marked = true; } else unplaced.push(text);
  }
  const general = result.status === 403 ? 'Your role cannot write or send broadcasts (outreach staff and admins can).'
    : marked && unplaced.length === 0 ? 'Not saved: see the fields marked in red.' : [problemText(result, fallback), ...unplaced].join(' ');
  statusElement.textContent = general;
  statusElement.className = 'error';
  // Focus goes to the first field marked (the control just before its message).
  const first = [...document.querySelectorAll('#broadcast-form .field-error')].find(p => p.textContent);
  let control = first?.previousElementSibling;
  while (control && !control.matches('input, textarea, select, .choices')) control = control.previousElementSibling;
  (control?.matches('.choices') ? control.querySelector('input') : control)?.focus();
  return marked;
}

// ---- Compose and preview ----

function renderComposeTexts() {
  $('compose-texts').replaceChildren(...outreachLanguages.map(([code, name]) => {
    const box = document.createElement('div');
    box.className = 'text';
    const label = document.createElement('label');
    label.htmlFor = `content-${code}`; label.textContent = `${name} text`;
    const area = document.createElement('textarea');
    area.id = `content-${code}`; area.rows = 4; area.maxLength = 4096; area.lang = code === 'zh' ? 'zh-Hans' : code;
    area.setAttribute('aria-describedby', `content-${code}-count`);
    const count = span('count', '0 characters');
    count.id = `content-${code}-count`;
    const error = document.createElement('p');
    error.className = 'field-error'; error.dataset.field = `content.${code}`; error.setAttribute('role', 'alert');
    area.addEventListener('input', () => { count.textContent = `${[...area.value].length} characters`; renderPreview(); });
    box.append(label, area, count, error);
    return box;
  }));
}

function renderPreviewLanguages() {
  $('preview-languages').replaceChildren(...outreachLanguages.map(([code, name]) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio'; input.name = 'preview-language'; input.value = code; input.id = `preview-${code}`;
    input.checked = code === outreachState.previewLanguage;
    input.addEventListener('change', () => { outreachState.previewLanguage = code; renderPreview(); });
    label.append(input, ' ', name);
    return label;
  }));
  renderPreview();
}

// SMS segments: GSM-7 (160, or 153 each when split) unless a character needs Unicode (70, or 67 each).
const gsm7 = new Set([...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€']);
const gsm7Extended = new Set([...'^{}\\[~]|€']);
function smsSegments(text) {
  const chars = [...text];
  if (chars.every(c => gsm7.has(c))) {
    const units = chars.reduce((n, c) => n + (gsm7Extended.has(c) ? 2 : 1), 0);
    return { encoding: 'GSM-7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length;
  return { encoding: 'Unicode', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

function outreachTemplate() {
  const name = $('broadcast-template').value;
  if (!name) return null;
  const parameters = [...document.querySelectorAll('#template-parameters input')].map(i => i.value);
  return { name, parameters };
}

function renderTemplateParameters() {
  const template = outreachState.templates.find(t => t.name === $('broadcast-template').value);
  $('template-parameters').replaceChildren(...Array.from({ length: template?.bodyParameters ?? 0 }, (_, i) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.id = `template-parameter-${i + 1}`; input.autocomplete = 'off';
    input.addEventListener('input', renderPreview);
    label.append(`Parameter {{${i + 1}}}`, input);
    return label;
  }));
  renderPreview();
}

function previewCard(title, className, body, notes) {
  const card = document.createElement('section');
  card.className = `preview-card ${className}`;
  card.setAttribute('aria-label', title);
  const heading = document.createElement('h4');
  heading.textContent = title;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  bubble.lang = outreachState.previewLanguage === 'zh' ? 'zh-Hans' : outreachState.previewLanguage;
  bubble.append(...body, span('stop', outreachStopNote));
  card.append(heading, bubble, ...notes.map(n => { const p = document.createElement('p'); p.className = 'hint'; p.textContent = n; return p; }));
  return card;
}

function renderPreview() {
  const code = outreachState.previewLanguage;
  const language = outreachLanguages.find(([c]) => c === code)[1];
  const text = $(`content-${code}`)?.value.trim() ?? '';
  const image = $('broadcast-image').value.trim();
  const link = $('broadcast-link').value.trim();
  // As the server writes it: the text, the link and the image's address on their own lines, then the stop line.
  const message = [span('text', text || `(no ${language} text: these patrons get the library’s default language)`)];
  if (link) message.push(span('link', link));
  if (image) message.push(span('link', image));
  const template = outreachTemplate();
  const templateLine = template
    ? `Outside the 24-hour window: template ${template.name}${template.parameters.length ? ` with parameters ${template.parameters.map((p, i) => `{{${i + 1}}} = “${p}”`).join(', ')}` : ''}`
    : 'Outside the 24-hour window WhatsApp lets only an approved marketing template through: choose one above, or these patrons cannot get it on WhatsApp.';
  const smsText = [text, link, image].filter(Boolean).join('\n');
  const sms = smsSegments(smsText);
  $('preview-channels').replaceChildren(
    previewCard(`WhatsApp, ${language}, inside the 24-hour window`, 'whatsapp', message.map(n => n.cloneNode(true)), []),
    previewCard(`WhatsApp, ${language}, outside the 24-hour window`, 'whatsapp template', [span('text', templateLine)], []),
    previewCard(`WeChat, ${language}`, 'wechat', message.map(n => n.cloneNode(true)),
      ['Followers who wrote in the last 48 hours get it as a customer-service message; the others by mass send, within the account’s quota.']),
    previewCard(`SMS, ${language}`, 'sms', [span('text', smsText || `(no ${language} text)`)],
      [`${sms.units} characters, ${sms.segments} SMS segment${sms.segments === 1 ? '' : 's'} (${sms.encoding}) before the stop line.`]));
}

// ---- Send ----

function outreachWhen() {
  const later = $('when-later').checked;
  $('broadcast-send-at').disabled = !later;
  $('broadcast-send').textContent = later ? 'Schedule' : 'Send now';
}

function broadcastBody() {
  const content = {};
  for (const [code] of outreachLanguages) {
    const text = $(`content-${code}`).value.trim();
    if (text) content[code] = text;
  }
  const body = { name: $('broadcast-name').value.trim(), audience: outreachAudience(), content };
  const image = $('broadcast-image').value.trim();
  const link = $('broadcast-link').value.trim();
  const rate = $('broadcast-rate').value.trim();
  if (image) body.imageUrl = image;
  if (link) body.link = link;
  if (outreachTemplate()) body.whatsAppTemplate = outreachTemplate();
  if ($('when-later').checked && $('broadcast-send-at').value) body.sendAt = outreachInstant($('broadcast-send-at').value);
  if (rate) body.ratePerSecond = Number(rate);
  return body;
}

async function submitBroadcast(send) {
  clearFieldErrors();
  const status = $('broadcast-form-status');
  if (send && $('when-later').checked && !$('broadcast-send-at').value) {
    fieldErrorElement('sendAt').textContent = 'Pick the day and time to send it (library time).';
    status.textContent = 'Not saved: see the fields marked in red.'; status.className = 'error';
    return;
  }
  for (const b of ['broadcast-send', 'broadcast-draft']) $(b).disabled = true;
  status.textContent = 'Saving…'; status.className = '';
  try {
    const created = await api('POST', '/broadcasts', broadcastBody());
    if (!created.ok) { showFieldErrors(created, 'Not saved', status); return; }
    const { id, audienceCount } = created.data;
    if (!send) {
      await openBroadcast(id, `Saved as a draft: ${audienceCount} patron${audienceCount === 1 ? '' : 's'} would get it. Nothing is sent until you press Send.`);
      return;
    }
    const sent = await api('POST', `/broadcasts/${id}/send`);
    await openBroadcast(id, sent.ok
      ? (sent.data.status === 'scheduled' && sent.data.sendAt ? `Scheduled for ${outreachTime(sent.data.sendAt)} (library time).` : `Sending to ${audienceCount} patron${audienceCount === 1 ? '' : 's'}.`)
      : `Saved, but not sent: ${problemText(sent, 'refused')}`, !sent.ok);
  } finally {
    for (const b of ['broadcast-send', 'broadcast-draft']) $(b).disabled = false;
  }
}

async function newBroadcast() {
  await loadOutreachChoices();
  $('broadcast-form').reset();
  clearFieldErrors();
  for (const [code] of outreachLanguages) $(`content-${code}-count`).textContent = '0 characters';
  outreachState.previewLanguage = 'en';
  $('preview-en').checked = true;
  $('broadcast-form-status').textContent = '';
  $('library-zone').textContent = state.timeZone ? `, ${state.timeZone}` : '';
  outreachWhen();
  renderTemplateParameters();
  countAudience();
  outreachShow('form');
  $('broadcast-name').focus();
}

// While the list is shown, a broadcast's change shows in it (at most once a second).
function onBroadcastListChanged() {
  if ($('outreach-page').hidden || $('outreach-home').hidden || outreachState.listTimer) return;
  outreachState.listTimer = setTimeout(() => { outreachState.listTimer = null; loadBroadcastList(); }, 1000);
}

$('broadcast-new').addEventListener('click', newBroadcast);
$('broadcast-back').addEventListener('click', showOutreachHome);
// Editing a field takes its old error away (the next submit says again what is still wrong).
$('broadcast-form').addEventListener('input', event => {
  let next = event.target.nextElementSibling;
  while (next && !next.classList.contains('field-error')) next = next.nextElementSibling;
  if (next) next.textContent = '';
});
$('broadcast-form').addEventListener('submit', event => { event.preventDefault(); submitBroadcast(true); });
$('broadcast-draft').addEventListener('click', () => submitBroadcast(false));
$('broadcast-template').addEventListener('change', renderTemplateParameters);
for (const id of ['broadcast-image', 'broadcast-link']) $(id).addEventListener('input', renderPreview);
for (const id of ['when-now', 'when-later']) $(id).addEventListener('change', outreachWhen);
