/** The "SIP account" section: load, edit, check and save (pure reducer; React state only). */
import type { SipAccountInput, SipAccountView } from './sip-account-types';

export interface SipAccountDraft {
  username: string;
  /** '' = keep the stored password (when there is one). */
  password: string;
  callerId: string;
}

export type SipAccountSave = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; error: string };

export type SipAccountFormState =
  | { status: 'loading' }
  | { status: 'load-failed'; error: string }
  | { status: 'ready'; view: SipAccountView; draft: SipAccountDraft; save: SipAccountSave };

export type SipAccountAction =
  | { type: 'load-started' }
  | { type: 'loaded'; view: SipAccountView }
  | { type: 'load-failed'; message: string }
  | { type: 'edited'; changes: Partial<SipAccountDraft> }
  | { type: 'save-started' }
  | { type: 'saved'; view: SipAccountView }
  | { type: 'save-failed'; message: string };

export const INITIAL_SIP_ACCOUNT_FORM: SipAccountFormState = { status: 'loading' };

function draftOf(view: SipAccountView): SipAccountDraft {
  // The password field always starts empty: the stored one never comes back to the browser.
  return { username: view.username ?? '', password: '', callerId: view.callerId ?? '' };
}

export type SipAccountCheck = { ok: true; input: SipAccountInput } | { ok: false; error: string };

export function checkSipAccount(draft: SipAccountDraft, view: SipAccountView): SipAccountCheck {
  const username = draft.username.trim();
  if (username === '') return { ok: false, error: 'Enter your SIP username.' };
  if (/\s/.test(username)) return { ok: false, error: 'A SIP username has no spaces.' };
  if (draft.password === '' && !view.passwordSet) return { ok: false, error: 'Enter your SIP password.' };
  const callerId = draft.callerId.trim();
  return {
    ok: true,
    input: { username, ...(draft.password === '' ? {} : { password: draft.password }), ...(callerId === '' ? {} : { callerId }) },
  };
}

export function sipAccountFormReducer(state: SipAccountFormState, action: SipAccountAction): SipAccountFormState {
  switch (action.type) {
    case 'load-started':
      return { status: 'loading' };
    case 'loaded':
      return { status: 'ready', view: action.view, draft: draftOf(action.view), save: { status: 'idle' } };
    case 'load-failed':
      return { status: 'load-failed', error: action.message };
    case 'edited':
      if (state.status !== 'ready') return state;
      return { ...state, draft: { ...state.draft, ...action.changes }, save: state.save.status === 'saving' ? state.save : { status: 'idle' } };
    case 'save-started':
      return state.status === 'ready' ? { ...state, save: { status: 'saving' } } : state;
    case 'saved':
      return { status: 'ready', view: action.view, draft: draftOf(action.view), save: { status: 'saved' } };
    case 'save-failed':
      return state.status === 'ready' ? { ...state, save: { status: 'failed', error: action.message } } : state;
  }
}
