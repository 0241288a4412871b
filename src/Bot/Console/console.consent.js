// A chat's consent history in the conversation view: each event of the consent ledger (purpose, granted or withdrawn,
// when in library time, how, the exact words the patron was shown, who acted). Read when the section is opened, and
// again when another chat is opened while it is open (each read is audited).
'use strict';
const consentState = { shownFor: null };

const consentSources = {
  Chat: 'in the chat',
  StopWord: 'a stop word (STOP / START)',
  ChannelPreference: "the patron's WhatsApp setting",
  ChannelError: 'the channel refused: the patron opted out',
  Console: 'recorded by staff',
  Erasure: 'the patron asked to delete their data',
  Unfollow: 'the patron unfollowed the account',
};

function consentPurpose(purpose) {
  if (purpose === 'notices') return 'Notices (loans and holds)';
  if (purpose === 'news') return 'News';
  return purpose.startsWith('news:') ? `News: ${purpose.slice(5)}` : purpose;
}

function consentActor(actor) {
  return actor === 'patron' ? 'the patron' : actor.startsWith('staff:') ? `staff (${actor.slice(6)})` : actor;
}

function consentCell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

async function loadConsent(id) {
  consentState.shownFor = id;
  const table = $('consent-table');
  const result = await api('GET', `/conversations/${id}/consent`);
  if (id !== state.current) return;
  if (!result.ok) {
    table.hidden = true;
    $('consent-status').textContent = result.status === 403 ? 'Your role cannot read consent.' : problemText(result, 'Could not read the consent history');
    return;
  }
  const events = result.data;
  table.hidden = events.length === 0;
  $('consent-status').textContent = events.length === 0 ? 'No consent recorded in this chat: the patron has not been asked, and has not turned anything on or off.' : '';
  table.tBodies[0].replaceChildren(...events.map(e => {
    const row = document.createElement('tr');
    row.className = e.action === 'Grant' ? 'granted' : 'withdrawn';
    const words = e.wording ? `“${e.wording}”` : '—';
    row.append(
      consentCell(e.atLocal),
      consentCell(`${consentPurpose(e.purpose)} · ${e.channel}`),
      consentCell(e.action === 'Grant' ? 'granted' : 'withdrawn', 'change'),
      consentCell(consentSources[e.source] ?? e.source),
      consentCell(e.language ? `${words} (${e.language}${e.wordingVersion ? ', ' + e.wordingVersion : ''})` : words, 'words'),
      consentCell(consentActor(e.actor)));
    return row;
  }));
}

$('consent').addEventListener('toggle', () => {
  if ($('consent').open && state.current) loadConsent(state.current);
});
document.addEventListener('conversation-opened', event => {
  if (event.detail === consentState.shownFor) return;
  if ($('consent').open) {
    loadConsent(event.detail);
  } else {
    consentState.shownFor = null;
    $('consent-table').hidden = true;
    $('consent-status').textContent = '';
  }
});
