import { useId, type FormEvent } from 'react';
import type { SipAccountDraft, SipAccountFormState } from './sip-account-form-state';

export interface SipAccountFormProps {
  state: Extract<SipAccountFormState, { status: 'ready' }>;
  /** The softphone's registration line ("Phone ready", "SIP registration failed: …"), if any. */
  registrationText: string | null;
  onChange: (changes: Partial<SipAccountDraft>) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

export const SAVED_PASSWORD_PLACEHOLDER = '•••••• (saved)';

/** The agent's own SIP account: the softphone registers with it. */
export function SipAccountForm({ state, registrationText, onChange, onSubmit }: SipAccountFormProps) {
  const id = useId();
  const { view, draft, save } = state;
  const isSaving = save.status === 'saving';

  return (
    <form className="settings-panel sip-account" aria-labelledby={`${id}-title`} onSubmit={onSubmit} noValidate>
      <h2 id={`${id}-title`} className="section-title">
        SIP account
      </h2>
      {registrationText !== null && (
        <p className="muted" id={`${id}-registration`}>
          {registrationText}
        </p>
      )}
      <fieldset className="settings-fields" disabled={isSaving}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-username`}>
            SIP username
          </label>
          <input id={`${id}-username`} className="input" type="text" autoComplete="username" spellCheck={false} maxLength={128} value={draft.username} onChange={(event) => onChange({ username: event.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-password`}>
            SIP password
          </label>
          <input
            id={`${id}-password`}
            className="input"
            type="password"
            autoComplete="new-password"
            maxLength={256}
            placeholder={view.passwordSet ? SAVED_PASSWORD_PLACEHOLDER : undefined}
            aria-describedby={view.passwordSet ? `${id}-password-hint` : undefined}
            value={draft.password}
            onChange={(event) => onChange({ password: event.target.value })}
          />
          {view.passwordSet && (
            <p className="muted" id={`${id}-password-hint`}>
              A password is saved. Leave this empty to keep it.
            </p>
          )}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-caller-id`}>
            Caller ID (optional)
          </label>
          <input id={`${id}-caller-id`} className="input" type="tel" autoComplete="off" maxLength={40} value={draft.callerId} onChange={(event) => onChange({ callerId: event.target.value })} />
        </div>
        <button type="submit" className="button primary">
          Save SIP account
        </button>
      </fieldset>
      <SaveMessage save={save} />
    </form>
  );
}

function SaveMessage({ save }: { save: SipAccountFormProps['state']['save'] }) {
  if (save.status === 'failed') {
    return (
      <p className="panel-message error" role="alert">
        Could not save the SIP account. {save.error}
      </p>
    );
  }
  return (
    <p className="panel-message" role="status">
      {save.status === 'saved' ? 'SIP account saved. The phone registers again.' : ''}
    </p>
  );
}
