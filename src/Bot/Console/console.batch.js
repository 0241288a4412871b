// The pickup-notice batch (librarians and admins): paste or scan card numbers (or phone numbers), pick the branch, see
// who would be told on which chat and who cannot be reached and why, then send. What was pasted stays in the box
// whatever happens, so nothing typed is lost; Send is only offered for the preview on screen.
'use strict';
const batchState = { previewed: null, branchesLoaded: false };

pageLoaders.batch = () => loadBranches();

async function loadBranches() {
  if (batchState.branchesLoaded) return;
  const result = await api('GET', '/notices/branches');
  if (!result.ok) { batchStatus(problemText(result, 'Could not list the branches'), true); return; }
  $('batch-branch').replaceChildren(...result.data.map(b => new Option(b.name, b.id)));
  batchState.branchesLoaded = true;
}

function batchStatus(text, isError) {
  $('batch-status').textContent = text;
  $('batch-status').className = isError ? 'error' : 'ok';
}

// What the preview was made from; Send is offered only while the form still says the same.
const batchInput = () => JSON.stringify({ cards: [$('batch-cards').value], branch: $('batch-branch').value });

function batchCell(text, className) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

function renderBatch(view) {
  $('batch-result').hidden = false;
  $('batch-messages').replaceChildren(...Object.entries(view.messages).map(([language, text]) => {
    const li = document.createElement('li');
    li.lang = language;
    li.append(span('language', `${language}: `), span('text', text));
    return li;
  }));
  $('batch-recipients-title').textContent = view.sent
    ? `Told now: ${view.queued} · already told today: ${view.alreadySent}`
    : `Will be told: ${view.ready}${view.alreadySent ? ` · already told today: ${view.alreadySent}` : ''}`;
  $('batch-recipients').tBodies[0].replaceChildren(...view.recipients.map(r => {
    const tr = document.createElement('tr');
    tr.dataset.status = r.status;
    tr.append(batchCell(String(r.line), 'number'), batchCell(r.entry), batchCell(r.patron), batchCell(r.channel), batchCell(r.address),
      batchCell(r.languageName), batchCell(r.statusText, 'status ' + r.status));
    return tr;
  }));
  $('batch-unreachable-title').textContent = `Cannot be reached: ${view.unreachable.length}`;
  $('batch-unreachable').tBodies[0].replaceChildren(...view.unreachable.map(p => {
    const tr = document.createElement('tr');
    tr.append(batchCell(String(p.line), 'number'), batchCell(p.entry), batchCell(p.reason, 'why'));
    return tr;
  }));
  $('batch-recipients').hidden = view.recipients.length === 0;
  $('batch-unreachable').hidden = view.unreachable.length === 0;
}

async function submitBatch(send) {
  const input = batchInput();
  const body = { cards: [$('batch-cards').value], branch: $('batch-branch').value, send };
  $('batch-send').disabled = true;
  $('batch-preview').disabled = true;
  batchStatus(send ? 'Sending…' : 'Checking each card and number…', false);
  try {
    const result = await api('POST', '/notices/batch', body);
    if (!result.ok) {
      batchStatus(problemText(result, send ? 'Not sent' : 'No preview'), true);
      return;
    }
    renderBatch(result.data);
    const v = result.data;
    if (send) {
      batchState.previewed = null;
      batchStatus(`Sent: ${v.queued} patron${v.queued === 1 ? '' : 's'} told at ${v.branchName}`
        + `${v.alreadySent ? `; ${v.alreadySent} already told today, not again` : ''}${v.unreachable.length ? `; ${v.unreachable.length} could not be reached (below)` : ''}.`, false);
    } else {
      batchState.previewed = v.ready > 0 ? input : null;
      batchStatus(v.ready > 0
        ? `Preview: ${v.ready} patron${v.ready === 1 ? '' : 's'} will be told; nothing is sent until you press Send.`
        : v.alreadySent > 0 ? `Everyone in this list who can be reached was already told today at ${v.branchName}: nothing more to send.`
        : 'Nobody in this list can be told now (see why below).', v.ready === 0 && v.alreadySent === 0);
    }
  } finally {
    $('batch-preview').disabled = false;
    $('batch-send').disabled = batchState.previewed !== batchInput();
    $('batch-send').textContent = batchState.previewed ? `Send to ${$('batch-recipients').querySelectorAll('tr[data-status="ready"]').length}` : 'Send';
  }
}

$('batch-form').addEventListener('submit', event => { event.preventDefault(); submitBatch(false); });
$('batch-send').addEventListener('click', () => submitBatch(true));
for (const field of ['batch-cards', 'batch-branch']) {
  $(field).addEventListener('input', () => {
    const current = batchState.previewed !== null && batchState.previewed === batchInput();
    $('batch-send').disabled = !current;
    if (batchState.previewed !== null && !current) batchStatus('Changed since the preview: press Preview again before sending.', false);
  });
}
