import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SipAccountForm, SAVED_PASSWORD_PLACEHOLDER } from './sip-account-form';
import { checkSipAccount, INITIAL_SIP_ACCOUNT_FORM, sipAccountFormReducer, type SipAccountSave } from './sip-account-form-state';
import { parseSipAccount, type SipAccountView } from './sip-account-types';

const noop = () => undefined;
const saved: SipAccountView = { username: 'alice', passwordSet: true, callerId: '+3725550001' };
const empty: SipAccountView = { username: null, passwordSet: false, callerId: null };

function render(view: SipAccountView, save: SipAccountSave = { status: 'idle' }, registrationText: string | null = null) {
  const state = sipAccountFormReducer(INITIAL_SIP_ACCOUNT_FORM, { type: 'loaded', view });
  if (state.status !== 'ready') throw new Error('not ready');
  return renderToStaticMarkup(<SipAccountForm state={{ ...state, save }} registrationText={registrationText} onChange={noop} onSubmit={noop} />);
}

describe('SipAccountForm', () => {
  it('labels the username, a masked password and the save button', () => {
    const html = render(empty);
    for (const label of ['SIP username', 'SIP password']) expect(html).toMatch(new RegExp(`<label class="field-label" for="[^"]+">${label}</label>`));
    expect(html).toMatch(/<input id="[^"]+-password" class="input" type="password"/);
    expect(html).toContain('<button type="submit" class="button primary">Save SIP account</button>');
    expect(html).not.toContain('(saved)');
  });

  it('shows that a password is stored without ever filling it in', () => {
    const html = render(saved);
    expect(html).toContain(`placeholder="${SAVED_PASSWORD_PLACEHOLDER}"`);
    expect(html).toMatch(/type="password"[^>]*value=""/);
    expect(html).toContain('value="alice"');
    expect(html).toContain('A password is saved. Leave this empty to keep it.');
  });

  it('shows the registration state and why a save failed, as text', () => {
    expect(render(saved, { status: 'idle' }, 'SIP registration failed: the SIP server refused the username or password.')).toContain('SIP registration failed: the SIP server refused');
    expect(render(saved, { status: 'failed', error: '<b>bad</b>' })).toContain('Could not save the SIP account. &lt;b&gt;bad&lt;/b&gt;');
    expect(render(saved, { status: 'saving' })).toMatch(/<fieldset class="settings-fields" disabled="">/);
  });
});

describe('checkSipAccount', () => {
  const draft = { username: ' alice ', password: '', callerId: ' ' };

  it('needs a password the first time, and keeps the stored one when left empty', () => {
    expect(checkSipAccount(draft, empty)).toEqual({ ok: false, error: 'Enter your SIP password.' });
    expect(checkSipAccount(draft, saved)).toEqual({ ok: true, input: { username: 'alice' } });
    expect(checkSipAccount({ ...draft, password: 's3cret', callerId: '+3725550001' }, saved)).toEqual({
      ok: true,
      input: { username: 'alice', password: 's3cret', callerId: '+3725550001' },
    });
  });

  it('refuses an empty or spaced username', () => {
    expect(checkSipAccount({ ...draft, username: '  ' }, saved)).toMatchObject({ ok: false, error: 'Enter your SIP username.' });
    expect(checkSipAccount({ ...draft, username: 'al ice' }, saved)).toMatchObject({ ok: false });
  });
});

describe('sipAccountFormReducer', () => {
  it('forgets the typed password once saved', () => {
    let state = sipAccountFormReducer(INITIAL_SIP_ACCOUNT_FORM, { type: 'loaded', view: empty });
    state = sipAccountFormReducer(state, { type: 'edited', changes: { username: 'alice', password: 's3cret' } });
    state = sipAccountFormReducer(state, { type: 'save-started' });
    state = sipAccountFormReducer(state, { type: 'saved', view: saved });
    expect(state).toMatchObject({ status: 'ready', draft: { username: 'alice', password: '' }, save: { status: 'saved' }, view: { passwordSet: true } });
  });

  it('parses the account without a password field', () => {
    expect(parseSipAccount({ username: 'bob', passwordSet: true, callerId: null, password: 'leak' })).toEqual({ username: 'bob', passwordSet: true, callerId: null });
  });
});
