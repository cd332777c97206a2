import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { regionOptions } from './region-options';
import { SettingsForm } from './settings-form';
import { draftOf, type SaveStatus } from './settings-form-state';
import { settingsView } from './test-settings';
import { parseSettingsView, type SettingsView } from './settings-types';

const noop = () => undefined;

function render(view: SettingsView, save: SaveStatus = { status: 'idle' }) {
  return renderToStaticMarkup(
    <SettingsForm state={{ status: 'ready', view, draft: draftOf(view.settings), save }} onChange={noop} onSubmit={noop} locale="en" />,
  );
}

describe('SettingsForm', () => {
  it('labels every field and offers the regions by name', () => {
    const html = render(settingsView({ settings: { defaultRegion: 'GB', createCallbackForMissedCalls: true, companyPhoneNumber: '+442079460958', ringTimeoutSeconds: 45 } }));
    for (const label of ['Default country', 'Company phone number', 'Ring timeout (seconds)']) expect(html).toMatch(new RegExp(`<label class="field-label" for="[^"]+">${label.replace(/[()]/g, '\\$&')}</label>`));
    expect(html).toContain('Create a call-back activity for missed calls');
    expect(html).toMatch(/<input type="checkbox" checked=""\/>Create a call-back/);
    expect(html).toContain('<option value="GB" selected="">United Kingdom</option>');
    expect(html).toContain('<option value="EE">Estonia</option>');
    expect(html).toContain('value="+442079460958"');
    expect(html).toContain('min="10" max="120"');
    expect(html).toContain('<button type="submit" class="button primary">Save</button>');
    expect(html).not.toContain('disabled');
  });

  it('is read-only, with the reason, for users who are not admins', () => {
    const html = render(settingsView({ canEdit: false }));
    expect(html).toContain('Only Pipedrive admins of your company can change these settings.');
    expect(html).toMatch(/<fieldset class="settings-fields" disabled="" aria-describedby="[^"]+-read-only">/);
    expect(html).not.toContain('>Save</button>');
  });

  it('says when the settings were saved, and why a save failed (as text)', () => {
    expect(render(settingsView(), { status: 'saved' })).toContain('role="status">Settings saved.</p>');
    const failed = render(settingsView(), { status: 'failed', error: '<b>ADMIN</b>' });
    expect(failed).toContain('role="alert">Could not save the settings. &lt;b&gt;ADMIN&lt;/b&gt;</p>');
    expect(render(settingsView(), { status: 'saving' })).toMatch(/<fieldset class="settings-fields" disabled="">/);
  });
});

describe('regionOptions', () => {
  it('names regions and sorts them by name', () => {
    expect(regionOptions(['US', 'EE', 'DE'], 'en')).toEqual([
      { code: 'EE', name: 'Estonia' },
      { code: 'DE', name: 'Germany' },
      { code: 'US', name: 'United States' },
    ]);
    expect(regionOptions(['DE'], 'de')).toEqual([{ code: 'DE', name: 'Deutschland' }]);
  });
});

describe('parseSettingsView', () => {
  it('accepts the server answer and refuses another shape', () => {
    const body = { ...settingsView(), extra: 1 };
    expect(parseSettingsView(body)).toEqual(settingsView());
    expect(() => parseSettingsView({ ...body, canEdit: 'yes' })).toThrow('Unexpected response');
    expect(() => parseSettingsView({ ...body, settings: { ...body.settings, ringTimeoutSeconds: '30' } })).toThrow('Unexpected response');
  });
});
