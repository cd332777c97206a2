import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SettingsForm } from './settings-form';
import { draftOf, type SaveStatus, type SettingsDraft } from './settings-form-state';
import { parseSettingsView, type SettingsView } from './settings-types';
import { settingsView } from './test-settings';

const noop = () => undefined;
const sipView = settingsView({ settings: { telephonyProvider: 'sip', sipWebSocketUrl: 'wss://pbx.example.com:8089/ws', sipDomain: 'pbx.example.com' } });

function render(view: SettingsView, save: SaveStatus = { status: 'idle' }, draftChanges: Partial<SettingsDraft> = {}) {
  const draft = { ...draftOf(view.settings), ...draftChanges };
  return renderToStaticMarkup(<SettingsForm state={{ status: 'ready', view, draft, save }} onChange={noop} onSubmit={noop} locale="en" />);
}

const label = (name: string) => new RegExp(`<label class="field-label" for="[^"]+">${name}</label>`);

describe('SettingsForm: Telephony', () => {
  it('offers "Record calls" with SIP only, with its hint tied to the checkbox, as stored', () => {
    expect(render(settingsView())).not.toContain('Record calls');
    const off = render(sipView);
    expect(off).toMatch(/<input type="checkbox" aria-describedby="([^"]+)-record-hint"\/>Record calls<\/label>/);
    expect(off).toContain('Agents see “Recording” during calls; callers may have to be told they are recorded.');
    expect(render(settingsView({ settings: { ...sipView.settings, recordCalls: true } }))).toMatch(/<input type="checkbox" aria-describedby="[^"]+-record-hint" checked=""\/>Record calls/);
    expect(parseSettingsView({ ...sipView, settings: { ...sipView.settings, recordCalls: true } }).settings.recordCalls).toBe(true);
  });

  it('offers the providers by name in a "Telephony" group, without SIP fields unless SIP is chosen', () => {
    const html = render(settingsView());
    expect(html).toMatch(/<fieldset class="settings-group"><legend class="section-title">Telephony<\/legend>/);
    expect(html).toMatch(label('Telephony provider'));
    expect(html).toContain('<option value="mock" selected="">Simulated calls (mock)</option>');
    expect(html).toContain('<option value="sip">SIP (your PBX)</option>');
    expect(html).toContain('<option value="twilio">Twilio</option>');
    expect(html).not.toMatch(label('SIP WebSocket URL'));
    expect(html).not.toMatch(label('SIP domain'));
  });

  it('shows the SIP server fields, with their hints, when SIP is chosen (also before saving)', () => {
    for (const html of [render(sipView), render(settingsView(), { status: 'idle' }, { telephonyProvider: 'sip' })]) {
      expect(html).toMatch(label('SIP WebSocket URL'));
      expect(html).toMatch(label('SIP domain'));
      expect(html).toContain('placeholder="wss://pbx.example.com:8089/ws"');
      expect(html).toMatch(/<input id="([^"]+)-sip-url"[^>]*aria-describedby="\1-sip-url-hint"/);
      expect(html).toContain('wss:// (ws:// only on localhost)');
    }
    const html = render(sipView);
    expect(html).toContain('<option value="sip" selected="">SIP (your PBX)</option>');
    expect(html).toContain('value="wss://pbx.example.com:8089/ws"');
    expect(html).toContain('value="pbx.example.com"');
    expect(html).not.toContain('aria-invalid');
  });

  it('shows each refused field next to its input, tied to it', () => {
    const html = render(sipView, {
      status: 'failed',
      error: 'Check the fields marked below.',
      fieldErrors: { sipWebSocketUrl: 'Must be a wss:// URL.', sipDomain: '<b>bad</b>', companyPhoneNumber: 'Not a phone number.' },
    });
    expect(html).toMatch(/<input id="([^"]+)-sip-url"[^>]*aria-invalid="true" aria-describedby="\1-sip-url-error \1-sip-url-hint"[^>]*\/><p id="\1-sip-url-error" class="inline-error">Must be a wss:\/\/ URL.<\/p>/);
    expect(html).toMatch(/<input id="([^"]+)-sip-domain"[^>]*aria-invalid="true"[^>]*\/><p id="\1-sip-domain-error" class="inline-error">&lt;b&gt;bad&lt;\/b&gt;<\/p>/);
    expect(html).toMatch(/<input id="([^"]+)-phone"[^>]*aria-invalid="true" aria-describedby="\1-phone-error"[^>]*\/><p id="\1-phone-error" class="inline-error">Not a phone number.<\/p>/);
    expect(html).toContain('role="alert">Could not save the settings. Check the fields marked below.</p>');
  });

  it('is read-only for users who are not admins, SIP server included', () => {
    const html = render({ ...sipView, canEdit: false });
    expect(html).toMatch(/<fieldset class="settings-fields" disabled=""[^>]*>.*Telephony provider.*SIP domain.*<\/fieldset><\/fieldset>/s);
    expect(html).toContain('value="pbx.example.com"');
    expect(html).not.toContain('>Save</button>');
  });

  it('says when this window switched provider with the save', () => {
    expect(render(sipView, { status: 'saved', providerChanged: true })).toContain(
      'role="status">Settings saved. This window now uses SIP (your PBX); agents’ other open windows switch when reopened.</p>',
    );
    expect(render(sipView, { status: 'saved' })).toContain('role="status">Settings saved.</p>');
  });
});

describe('parseSettingsView: telephony', () => {
  it('reads the provider, SIP server and choices, and refuses a wrong shape', () => {
    const body = { ...sipView, updatedByUserId: 7 };
    expect(parseSettingsView(body)).toEqual(sipView);
    expect(() => parseSettingsView({ ...body, settings: { ...body.settings, telephonyProvider: null } })).toThrow('Unexpected response');
    expect(() => parseSettingsView({ ...body, settings: { ...body.settings, sipDomain: 5 } })).toThrow('Unexpected response');
    // A provider missing from the list (older or newer server) is still a choice.
    expect(parseSettingsView({ ...body, telephonyProviders: undefined }).telephonyProviders).toEqual(['sip']);
  });
});
