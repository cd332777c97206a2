/** State of the Settings tab: load, edit a draft, save (pure reducer, React state only). */
import type { CallSettingsValues, SettingsView } from './settings-types';

/** What the form's inputs hold: text as typed; '' region = none. */
export interface SettingsDraft {
  defaultRegion: string;
  createCallbackForMissedCalls: boolean;
  companyPhoneNumber: string;
  ringTimeoutSeconds: string;
}

export type SaveStatus = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; error: string };

export type SettingsFormState =
  | { status: 'loading' }
  | { status: 'load-failed'; error: string }
  | { status: 'ready'; view: SettingsView; draft: SettingsDraft; save: SaveStatus };

export type SettingsFormAction =
  | { type: 'load-started' }
  | { type: 'loaded'; view: SettingsView }
  | { type: 'load-failed'; message: string }
  | { type: 'edited'; changes: Partial<SettingsDraft> }
  | { type: 'save-started' }
  | { type: 'saved'; view: SettingsView }
  | { type: 'save-failed'; message: string };

export const INITIAL_SETTINGS_FORM: SettingsFormState = { status: 'loading' };

export function draftOf(values: CallSettingsValues): SettingsDraft {
  return {
    defaultRegion: values.defaultRegion ?? '',
    createCallbackForMissedCalls: values.createCallbackForMissedCalls,
    companyPhoneNumber: values.companyPhoneNumber ?? '',
    ringTimeoutSeconds: String(values.ringTimeoutSeconds),
  };
}

export type DraftCheck = { ok: true; values: CallSettingsValues } | { ok: false; error: string };

/** The checks the browser can make before sending; the server validates everything again. */
export function checkDraft(draft: SettingsDraft, range: { min: number; max: number }): DraftCheck {
  const seconds = draft.ringTimeoutSeconds.trim();
  const ringTimeoutSeconds = /^\d{1,4}$/.test(seconds) ? Number(seconds) : NaN;
  if (!(ringTimeoutSeconds >= range.min && ringTimeoutSeconds <= range.max)) {
    return { ok: false, error: `Ring timeout must be a whole number of seconds from ${range.min} to ${range.max}.` };
  }
  const phone = draft.companyPhoneNumber.trim();
  return {
    ok: true,
    values: {
      defaultRegion: draft.defaultRegion === '' ? null : draft.defaultRegion,
      createCallbackForMissedCalls: draft.createCallbackForMissedCalls,
      companyPhoneNumber: phone === '' ? null : phone,
      ringTimeoutSeconds,
    },
  };
}

export function settingsFormReducer(state: SettingsFormState, action: SettingsFormAction): SettingsFormState {
  switch (action.type) {
    case 'load-started':
      // A reload keeps what the user is editing.
      return state.status === 'ready' ? state : { status: 'loading' };
    case 'loaded':
      if (state.status === 'ready') return { ...state, view: action.view };
      return { status: 'ready', view: action.view, draft: draftOf(action.view.settings), save: { status: 'idle' } };
    case 'load-failed':
      return state.status === 'ready' ? state : { status: 'load-failed', error: action.message };
    case 'edited':
      if (state.status !== 'ready' || !state.view.canEdit || state.save.status === 'saving') return state;
      return { ...state, draft: { ...state.draft, ...action.changes }, save: { status: 'idle' } };
    case 'save-started':
      if (state.status !== 'ready' || !state.view.canEdit || state.save.status === 'saving') return state;
      return { ...state, save: { status: 'saving' } };
    case 'saved':
      if (state.status !== 'ready') return state;
      // The server's normalized values (E.164 number, upper-case region) replace what was typed.
      return { status: 'ready', view: action.view, draft: draftOf(action.view.settings), save: { status: 'saved' } };
    case 'save-failed':
      if (state.status !== 'ready') return state;
      return { ...state, save: { status: 'failed', error: action.message } };
  }
}
