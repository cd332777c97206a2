import type { SettingsDraft } from './settings-form-state';
import { FieldError, fieldErrorProps } from './field-error';
import { providerLabel, type SettingsFieldErrors } from './telephony-settings';

export interface TelephonyFieldsProps {
  /** Prefix of the element ids (the form's useId). */
  id: string;
  draft: SettingsDraft;
  providers: readonly string[];
  fieldErrors: SettingsFieldErrors;
  onChange: (changes: Partial<SettingsDraft>) => void;
}

/** The "Telephony" group: the company's phone provider, and its SIP server when SIP is chosen. */
export function TelephonyFields({ id, draft, providers, fieldErrors, onChange }: TelephonyFieldsProps) {
  const isSip = draft.telephonyProvider === 'sip';
  return (
    <fieldset className="settings-group">
      <legend className="section-title">Telephony</legend>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-provider`}>
          Telephony provider
        </label>
        <select
          id={`${id}-provider`}
          className="input"
          value={draft.telephonyProvider}
          {...fieldErrorProps(`${id}-provider-error`, fieldErrors.telephonyProvider)}
          onChange={(event) => onChange({ telephonyProvider: event.target.value })}
        >
          {providers.map((provider) => (
            <option key={provider} value={provider}>
              {providerLabel(provider)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-provider-error`} error={fieldErrors.telephonyProvider} />
      </div>
      {isSip && (
        <>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-sip-url`}>
              SIP WebSocket URL
            </label>
            <input
              id={`${id}-sip-url`}
              className="input"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              maxLength={300}
              placeholder="wss://pbx.example.com:8089/ws"
              value={draft.sipWebSocketUrl}
              {...fieldErrorProps(`${id}-sip-url-error`, fieldErrors.sipWebSocketUrl, `${id}-sip-url-hint`)}
              onChange={(event) => onChange({ sipWebSocketUrl: event.target.value })}
            />
            <FieldError id={`${id}-sip-url-error`} error={fieldErrors.sipWebSocketUrl} />
            <p className="field-hint muted" id={`${id}-sip-url-hint`}>
              Where browsers reach your PBX: wss:// (ws:// only on localhost). Empty: the server’s default.
            </p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-sip-domain`}>
              SIP domain
            </label>
            <input
              id={`${id}-sip-domain`}
              className="input"
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={253}
              placeholder="pbx.example.com"
              value={draft.sipDomain}
              {...fieldErrorProps(`${id}-sip-domain-error`, fieldErrors.sipDomain, `${id}-sip-domain-hint`)}
              onChange={(event) => onChange({ sipDomain: event.target.value })}
            />
            <FieldError id={`${id}-sip-domain-error`} error={fieldErrors.sipDomain} />
            <p className="field-hint muted" id={`${id}-sip-domain-hint`}>
              A host name, as in the agents’ addresses sip:user@domain; also the digest realm. Empty: the server’s default.
            </p>
          </div>
        </>
      )}
    </fieldset>
  );
}
