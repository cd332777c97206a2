import { describe, expect, it } from 'vitest';
import { checkDraft, INITIAL_SETTINGS_FORM, settingsFormReducer, type SettingsFormAction, type SettingsFormState } from './settings-form-state';
import { settingsView } from './test-settings';

const RANGE = { min: 10, max: 120 };

const run = (actions: SettingsFormAction[], from: SettingsFormState = INITIAL_SETTINGS_FORM) => actions.reduce(settingsFormReducer, from);
const ready = (state: SettingsFormState) => {
  if (state.status !== 'ready') throw new Error(`expected ready, got ${state.status}`);
  return state;
};

describe('settingsFormReducer', () => {
  it('fills the draft from the loaded settings', () => {
    const state = ready(run([{ type: 'loaded', view: settingsView() }]));
    expect(state.draft).toEqual({
      defaultRegion: '',
      createCallbackForMissedCalls: false,
      companyPhoneNumber: '',
      ringTimeoutSeconds: '30',
      telephonyProvider: 'mock',
      sipWebSocketUrl: '',
      sipDomain: '',
      recordCalls: false,
    });
    expect(state.save).toEqual({ status: 'idle' });
  });

  it('edits, saves, then shows the normalized values the server answered', () => {
    const saved = settingsView({ settings: { defaultRegion: 'GB', createCallbackForMissedCalls: true, companyPhoneNumber: '+442079460958', ringTimeoutSeconds: 45 } });
    const editing = run([
      { type: 'loaded', view: settingsView() },
      { type: 'edited', changes: { defaultRegion: 'GB', companyPhoneNumber: '020 7946 0958' } },
      { type: 'edited', changes: { createCallbackForMissedCalls: true, ringTimeoutSeconds: '45' } },
      { type: 'save-started' },
    ]);
    expect(ready(editing).save.status).toBe('saving');
    // No edits while the save is in flight.
    expect(ready(settingsFormReducer(editing, { type: 'edited', changes: { ringTimeoutSeconds: '99' } })).draft.ringTimeoutSeconds).toBe('45');
    const state = ready(settingsFormReducer(editing, { type: 'saved', view: saved }));
    expect(state.save).toEqual({ status: 'saved' });
    expect(state.draft.companyPhoneNumber).toBe('+442079460958');
    // Editing again clears "saved".
    expect(ready(settingsFormReducer(state, { type: 'edited', changes: { ringTimeoutSeconds: '50' } })).save).toEqual({ status: 'idle' });
  });

  it('keeps the draft when a save fails', () => {
    const state = ready(
      run([
        { type: 'loaded', view: settingsView() },
        { type: 'edited', changes: { companyPhoneNumber: 'call me' } },
        { type: 'save-started' },
        { type: 'save-failed', message: 'companyPhoneNumber: not a phone number' },
      ]),
    );
    expect(state.save).toEqual({ status: 'failed', error: 'companyPhoneNumber: not a phone number' });
    expect(state.draft.companyPhoneNumber).toBe('call me');
  });

  it('refuses edits and saves from users who are not admins', () => {
    const state = run([
      { type: 'loaded', view: settingsView({ canEdit: false }) },
      { type: 'edited', changes: { createCallbackForMissedCalls: true } },
      { type: 'save-started' },
    ]);
    expect(ready(state).draft.createCallbackForMissedCalls).toBe(false);
    expect(ready(state).save.status).toBe('idle');
  });

  it('reports a failed load, and a reload keeps what is being edited', () => {
    expect(run([{ type: 'load-started' }, { type: 'load-failed', message: 'offline' }])).toEqual({ status: 'load-failed', error: 'offline' });
    const editing = run([{ type: 'loaded', view: settingsView() }, { type: 'edited', changes: { ringTimeoutSeconds: '60' } }]);
    const reloaded = run([{ type: 'load-started' }, { type: 'loaded', view: settingsView({ canEdit: false }) }], editing);
    expect(ready(reloaded).draft.ringTimeoutSeconds).toBe('60');
    expect(ready(reloaded).view.canEdit).toBe(false);
  });
});

describe('checkDraft', () => {
  const draft = { defaultRegion: '', createCallbackForMissedCalls: true, companyPhoneNumber: '  ', ringTimeoutSeconds: '10', telephonyProvider: 'mock', sipWebSocketUrl: '', sipDomain: '', recordCalls: false };

  it('turns the draft into the PUT body (empty region and number become null)', () => {
    expect(checkDraft(draft, RANGE)).toEqual({
      ok: true,
      values: { defaultRegion: null, createCallbackForMissedCalls: true, companyPhoneNumber: null, ringTimeoutSeconds: 10, telephonyProvider: 'mock' },
    });
    expect(checkDraft({ ...draft, defaultRegion: 'EE', companyPhoneNumber: ' +372 5123 4567 ' }, RANGE)).toMatchObject({
      ok: true,
      values: { defaultRegion: 'EE', companyPhoneNumber: '+372 5123 4567' },
    });
  });

  it.each(['9', '121', '', '12.5', 'abc', '-20'])('refuses a ring timeout of %j', (seconds) => {
    expect(checkDraft({ ...draft, ringTimeoutSeconds: seconds }, RANGE)).toEqual({
      ok: false,
      error: 'Ring timeout must be a whole number of seconds from 10 to 120.',
    });
  });
});
