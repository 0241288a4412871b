// A chat's SMS number for notices in the conversation view: shown masked, recorded for the patron (with their
// agreement, which the server requires) or removed. The server validates the number and says why it refused one.
'use strict';
const smsState = { shownFor: null };

function smsShow(view) {
  $('sms-current').textContent = view.registered
    ? `Registered: ${view.number}${view.smsOnly ? ' — notices by SMS only' : ' — notices here, by SMS when this chat cannot reach the patron'}`
    : 'No SMS number registered in this chat.';
  $('sms-remove').hidden = !view.registered;
}

async function loadSms(id) {
  smsState.shownFor = id;
  const result = await api('GET', `/conversations/${id}/sms`);
  if (id !== state.current) return;
  if (result.ok) smsShow(result.data);
  else $('sms-current').textContent = problemText(result, 'Could not read the SMS number');
}

$('sms-form').addEventListener('submit', async event => {
  event.preventDefault();
  const id = state.current;
  const result = await api('PUT', `/conversations/${id}/sms`, {
    number: $('sms-input').value, smsOnly: $('sms-only').checked, patronAgreed: $('sms-agreed').checked,
  });
  $('sms-status').textContent = result.ok ? 'Saved.' : problemText(result, 'Could not save the number');
  if (result.ok) { $('sms-input').value = ''; $('sms-agreed').checked = false; smsShow(result.data); }
});

$('sms-remove').addEventListener('click', async () => {
  const result = await api('DELETE', `/conversations/${state.current}/sms`);
  $('sms-status').textContent = result.ok ? 'Removed; the consent is withdrawn.' : problemText(result, 'Could not remove the number');
  if (result.ok) smsShow(result.data);
});

$('sms-number').addEventListener('toggle', () => {
  if ($('sms-number').open && state.current) loadSms(state.current);
});
document.addEventListener('conversation-opened', event => {
  // The same chat opened again (it changed, e.g. by this form's own save): what is shown stays.
  if (event.detail === smsState.shownFor) return;
  smsState.shownFor = null;
  $('sms-status').textContent = '';
  if ($('sms-number').open) loadSms(event.detail);
  else $('sms-current').textContent = '';
});
