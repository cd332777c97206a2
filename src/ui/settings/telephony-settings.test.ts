import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf, INITIAL_SETTINGS_FORM, settingsFormReducer, telephonyChanged, type SettingsDraft } from './settings-form-state';
import { fieldErrorsOf, providerLabel, sipDomainProblem, sipWebSocketUrlProblem } from './telephony-settings';
import { settingsView } from './test-settings';

const RANGE = { min: 10, max: 120 };
const sipDraft = (changes: Partial<SettingsDraft> = {}): SettingsDraft => ({
  ...draftOf(settingsView().settings),
  telephonyProvider: 'sip',
  sipWebSocketUrl: 'wss://pbx.example.com:8089/ws',
  sipDomain: 'pbx.example.com',
  ...changes,
});

describe('sipWebSocketUrlProblem', () => {
  it.each(['wss://pbx.example.com:8089/ws', ' wss://pbx.example.com ', 'ws://127.0.0.1:5066', 'ws://localhost:5066/ws', 'ws://[::1]:5066', ''])('accepts %j', (url) => {
    expect(sipWebSocketUrlProblem(url)).toBeNull();
  });

  it('wants wss://, allows ws:// only on loopback, and no credentials', () => {
    expect(sipWebSocketUrlProblem('ws://pbx.example.com/ws')).toBe('Use wss://: plain ws:// is allowed only on localhost, 127.0.0.1 or [::1].');
    expect(sipWebSocketUrlProblem('ws://127.0.0.2:5066')).toMatch(/^Use wss:/);
    expect(sipWebSocketUrlProblem('https://pbx.example.com/ws')).toBe('The address must start with wss://.');
    expect(sipWebSocketUrlProblem('pbx.example.com:8089')).toMatch(/start with wss:\/\/|full address/);
    expect(sipWebSocketUrlProblem('not a url')).toMatch(/^Enter a full address/);
    expect(sipWebSocketUrlProblem('wss://alice:secret@pbx.example.com/ws')).toMatch(/user name and password/);
  });
});

describe('sipDomainProblem', () => {
  it.each(['pbx.example.com', 'phone-lab.test', '10.0.0.5', 'sip.example.com:5060', '[2001:db8::1]', 'localhost', ''])('accepts %j', (domain) => {
    expect(sipDomainProblem(domain)).toBeNull();
  });

  it.each(['sip:pbx.example.com', 'alice@pbx.example.com', 'bad domain!', '-pbx.example.com', 'pbx..example.com', 'wss://pbx.example.com', 'a'.repeat(254)])('refuses %j', (domain) => {
    expect(sipDomainProblem(domain)).toMatch(/^Enter a host name/);
  });
});

describe('checkDraft with telephony', () => {
  it('sends the provider, and with SIP the trimmed server fields (empty = the server default)', () => {
    expect(checkDraft(sipDraft({ sipWebSocketUrl: ' ws://127.0.0.1:5066 ', sipDomain: '  ' }), RANGE)).toMatchObject({
      ok: true,
      values: { telephonyProvider: 'sip', sipWebSocketUrl: 'ws://127.0.0.1:5066', sipDomain: null },
    });
  });

  it('leaves the hidden SIP fields out for other providers, so they stay as stored', () => {
    const checked = checkDraft(sipDraft({ telephonyProvider: 'twilio', sipWebSocketUrl: 'ws://pbx.example.com' }), RANGE);
    expect(checked).toEqual({ ok: true, values: expect.objectContaining({ telephonyProvider: 'twilio' }) });
    if (!checked.ok) throw new Error('refused');
    expect(Object.keys(checked.values)).not.toContain('sipWebSocketUrl');
    expect(Object.keys(checked.values)).not.toContain('sipDomain');
  });

  it('refuses bad SIP fields with an error next to each', () => {
    expect(checkDraft(sipDraft({ sipWebSocketUrl: 'ws://pbx.example.com/ws', sipDomain: 'sip:pbx' }), RANGE)).toEqual({
      ok: false,
      error: 'Check the SIP server fields.',
      fieldErrors: { sipWebSocketUrl: expect.stringMatching(/^Use wss:/), sipDomain: expect.stringMatching(/^Enter a host name/) },
    });
    expect(checkDraft(sipDraft({ sipDomain: 'bad domain' }), RANGE)).toMatchObject({ ok: false, fieldErrors: { sipDomain: expect.any(String) } });
  });
});

describe('the reducer with telephony', () => {
  const loaded = settingsFormReducer(INITIAL_SETTINGS_FORM, { type: 'loaded', view: settingsView() });

  it('says when a save switched the provider, and keeps field errors until the next edit', () => {
    const saving = [
      { type: 'edited', changes: { telephonyProvider: 'sip' } },
      { type: 'save-started' },
    ] as const;
    const started = saving.reduce(settingsFormReducer, loaded);
    const saved = settingsFormReducer(started, { type: 'saved', view: settingsView({ settings: { telephonyProvider: 'sip', sipWebSocketUrl: 'wss://pbx.example.com/ws' } }) });
    expect(saved).toMatchObject({ status: 'ready', save: { status: 'saved', providerChanged: true }, draft: { telephonyProvider: 'sip', sipWebSocketUrl: 'wss://pbx.example.com/ws' } });
    const sameProvider = settingsFormReducer(settingsFormReducer(saved, { type: 'save-started' }), { type: 'saved', view: settingsView({ settings: { telephonyProvider: 'sip' } }) });
    expect(sameProvider).toMatchObject({ save: { status: 'saved' } });
    if (sameProvider.status !== 'ready' || sameProvider.save.status !== 'saved') throw new Error('not saved');
    expect(sameProvider.save.providerChanged).toBeUndefined();

    const failed = settingsFormReducer(settingsFormReducer(saved, { type: 'save-started' }), { type: 'save-failed', message: 'Check the fields marked below.', fieldErrors: { sipDomain: 'Must be a host name.' } });
    expect(failed).toMatchObject({ save: { status: 'failed', fieldErrors: { sipDomain: 'Must be a host name.' } } });
    expect(settingsFormReducer(failed, { type: 'edited', changes: { sipDomain: 'pbx.example.com' } })).toMatchObject({ save: { status: 'idle' } });
  });

  it('tells a telephony change from other changes', () => {
    const before = settingsView().settings;
    expect(telephonyChanged(before, { ...before, ringTimeoutSeconds: 60, companyPhoneNumber: '+3725550001' })).toBe(false);
    expect(telephonyChanged(before, { ...before, telephonyProvider: 'sip' })).toBe(true);
    expect(telephonyChanged(before, { ...before, sipDomain: 'pbx.example.com' })).toBe(true);
    expect(telephonyChanged(before, { ...before, sipWebSocketUrl: 'wss://pbx.example.com' })).toBe(true);
  });
});

describe('fieldErrorsOf', () => {
  it('reads the fields out of a 400 message and keeps the rest', () => {
    expect(fieldErrorsOf('sipWebSocketUrl: must be a wss:// URL (ws:// only on localhost or 127.0.0.1); sipDomain: must be a host name or IP address (e.g. sip.example.com)')).toEqual({
      fieldErrors: {
        sipWebSocketUrl: 'Must be a wss:// URL (ws:// only on localhost or 127.0.0.1).',
        sipDomain: 'Must be a host name or IP address (e.g. sip.example.com).',
      },
      rest: [],
    });
    expect(fieldErrorsOf("Unrecognized key: \"extra\"; companyPhoneNumber: not a phone number")).toEqual({
      fieldErrors: { companyPhoneNumber: 'Not a phone number.' },
      rest: ['Unrecognized key: "extra"'],
    });
    expect(fieldErrorsOf('Invalid JSON body')).toEqual({ fieldErrors: {}, rest: ['Invalid JSON body'] });
  });

  it('names the providers, and an unknown one as the server does', () => {
    expect(['mock', 'sip', 'twilio', 'vonage'].map(providerLabel)).toEqual(['Simulated calls (mock)', 'SIP (your PBX)', 'Twilio', 'vonage']);
  });
});

describe('saveFailure', () => {
  it('puts a 400 naming fields next to them, and anything else in the alert', async () => {
    const { saveFailure } = await import('./settings-panel');
    const { ServerRequestError } = await import('@/ui/api-client');
    expect(saveFailure(new ServerRequestError(400, 'INVALID_REQUEST', 'sipDomain: must be a host name or IP address (e.g. sip.example.com)'))).toEqual({
      type: 'save-failed',
      message: 'Check the fields marked below.',
      fieldErrors: { sipDomain: 'Must be a host name or IP address (e.g. sip.example.com).' },
    });
    expect(saveFailure(new ServerRequestError(400, 'INVALID_REQUEST', 'Invalid JSON body'))).toEqual({ type: 'save-failed', message: 'Invalid JSON body' });
    expect(saveFailure(new ServerRequestError(403, 'ADMIN_REQUIRED', 'Only Pipedrive admins of the company can change its call settings.'))).toEqual({
      type: 'save-failed',
      message: 'Only Pipedrive admins of the company can change its call settings.',
    });
  });
});
