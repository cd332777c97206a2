/** State of the Settings tab: load, edit a draft, save (pure reducer, React state only). */
import type { SettingsChange, SettingsValues, SettingsView } from './settings-types';
import { sipDomainProblem, sipWebSocketUrlProblem, type SettingsFieldErrors } from './telephony-settings';

/** What the form's inputs hold: text as typed; '' region = none; '' SIP URL or domain = the server's default. */
export interface SettingsDraft {
  defaultRegion: string;
  createCallbackForMissedCalls: boolean;
  companyPhoneNumber: string;
  ringTimeoutSeconds: string;
  telephonyProvider: string;
  sipWebSocketUrl: string;
  sipDomain: string;
  recordCalls: boolean;
}

export type SaveStatus =
  | { status: 'idle' }
  | { status: 'saving' }
  /** `providerChanged`: the save switched the company to another phone provider. */
  | { status: 'saved'; providerChanged?: true }
  /** `fieldErrors`: what is wrong with which field, shown next to it. */
  | { status: 'failed'; error: string; fieldErrors?: SettingsFieldErrors };

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
  | { type: 'save-failed'; message: string; fieldErrors?: SettingsFieldErrors };

export const INITIAL_SETTINGS_FORM: SettingsFormState = { status: 'loading' };

export function draftOf(values: SettingsValues): SettingsDraft {
  return {
    defaultRegion: values.defaultRegion ?? '',
    createCallbackForMissedCalls: values.createCallbackForMissedCalls,
    companyPhoneNumber: values.companyPhoneNumber ?? '',
    ringTimeoutSeconds: String(values.ringTimeoutSeconds),
    telephonyProvider: values.telephonyProvider,
    sipWebSocketUrl: values.sipWebSocketUrl ?? '',
    sipDomain: values.sipDomain ?? '',
    recordCalls: values.recordCalls,
  };
}

export type DraftCheck = { ok: true; values: SettingsChange } | { ok: false; error: string; fieldErrors?: SettingsFieldErrors };

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The checks the browser can make before sending; the server validates everything again. */
export function checkDraft(draft: SettingsDraft, range: { min: number; max: number }): DraftCheck {
  const seconds = draft.ringTimeoutSeconds.trim();
  const ringTimeoutSeconds = /^\d{1,4}$/.test(seconds) ? Number(seconds) : NaN;
  if (!(ringTimeoutSeconds >= range.min && ringTimeoutSeconds <= range.max)) {
    return { ok: false, error: `Ring timeout must be a whole number of seconds from ${range.min} to ${range.max}.` };
  }
  const values: SettingsChange = {
    defaultRegion: draft.defaultRegion === '' ? null : draft.defaultRegion,
    createCallbackForMissedCalls: draft.createCallbackForMissedCalls,
    companyPhoneNumber: orNull(draft.companyPhoneNumber),
    ringTimeoutSeconds,
    telephonyProvider: draft.telephonyProvider,
  };
  // The SIP server fields show only with SIP; hidden, they are left out, so they stay as stored.
  if (draft.telephonyProvider !== 'sip') return { ok: true, values };
  const fieldErrors: SettingsFieldErrors = {};
  const urlProblem = sipWebSocketUrlProblem(draft.sipWebSocketUrl);
  const domainProblem = sipDomainProblem(draft.sipDomain);
  if (urlProblem) fieldErrors.sipWebSocketUrl = urlProblem;
  if (domainProblem) fieldErrors.sipDomain = domainProblem;
  if (urlProblem || domainProblem) return { ok: false, error: 'Check the SIP server fields.', fieldErrors };
  return { ok: true, values: { ...values, sipWebSocketUrl: orNull(draft.sipWebSocketUrl), sipDomain: orNull(draft.sipDomain), recordCalls: draft.recordCalls } };
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
    case 'saved': {
      if (state.status !== 'ready') return state;
      const providerChanged = action.view.settings.telephonyProvider !== state.view.settings.telephonyProvider;
      // The server's normalized values (E.164 number, upper-case region, defaults for blanks) replace what was typed.
      return { status: 'ready', view: action.view, draft: draftOf(action.view.settings), save: providerChanged ? { status: 'saved', providerChanged: true } : { status: 'saved' } };
    }
    case 'save-failed':
      if (state.status !== 'ready') return state;
      return { ...state, save: action.fieldErrors ? { status: 'failed', error: action.message, fieldErrors: action.fieldErrors } : { status: 'failed', error: action.message } };
  }
}

/** A save that changed the provider or its SIP server: the window's phone must follow. */
export function telephonyChanged(before: SettingsValues, after: SettingsValues): boolean {
  return before.telephonyProvider !== after.telephonyProvider || before.sipWebSocketUrl !== after.sipWebSocketUrl || before.sipDomain !== after.sipDomain;
}
