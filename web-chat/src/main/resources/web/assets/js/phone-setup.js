/**
 * The one-time "Phone setup" box of the admin dashboard: after a device is created (with a user or on its own)
 * or given a new SIP password, it shows what a phone needs — server and port, domain, user name, password — and
 * the same as one text to copy. It is cleared when hidden and never shown again.
 */
import {$, status, text} from './dom.js';

/** The text an admin pastes into a message to the user or a phone's setup page. */
export function summary(c) {
  return [
    `SIP server: ${c.sipServer}:${c.sipPort} (UDP or TCP)`,
    `Domain: ${c.domain}`,
    `User name: ${c.sipUsername}`,
    `Password: ${c.password}`,
    c.extension ? `Extension: ${c.extension}` : null,
  ].filter(Boolean).join('\n');
}

export function showSecret(credentials) {
  text($('#device-secret-server'), credentials.sipServer + ':' + credentials.sipPort);
  text($('#device-secret-domain'), credentials.domain);
  text($('#device-secret-username'), credentials.sipUsername);
  text($('#device-secret-password'), credentials.password);
  $('#device-secret-summary').value = summary(credentials);
  const box = $('#device-secret');
  box.hidden = false;
  box.scrollIntoView({block: 'nearest'});
  $('#device-secret-copy').focus();
}

export function hideSecret() {
  for (const id of ['#device-secret-server', '#device-secret-domain', '#device-secret-username',
    '#device-secret-password']) {
    text($(id), '');
  }
  $('#device-secret-summary').value = '';
  $('#device-secret').hidden = true;
}

/** The clipboard API needs a secure origin; a plain-HTTP appliance falls back to copying the selected text. */
async function copy() {
  const area = $('#device-secret-summary');
  try {
    await navigator.clipboard.writeText(area.value);
  } catch (e) {
    area.select();
    if (!document.execCommand('copy')) {
      status('Select the text and copy it by hand', 'error');
      return;
    }
  }
  status('Phone setup copied', 'ok');
}

/** Wires the box's buttons once; {@code afterHide} says where the focus goes next. */
export function initPhoneSetup(afterHide) {
  $('#device-secret-copy').addEventListener('click', copy);
  $('#device-secret-close').addEventListener('click', () => {
    hideSecret();
    afterHide();
  });
}
