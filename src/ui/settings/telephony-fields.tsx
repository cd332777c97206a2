import type { SettingsDraft } from './settings-form-state';
import { FieldError, fieldErrorProps } from './field-error';
import { InputField } from './input-field';
import { RecordCallsField } from './record-calls-field';
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
          <InputField
            id={`${id}-sip-url`}
            label="SIP WebSocket URL"
            input={{ type: 'url', inputMode: 'url', autoComplete: 'off', spellCheck: false, maxLength: 300, placeholder: 'wss://pbx.example.com:8089/ws' }}
            value={draft.sipWebSocketUrl}
            error={fieldErrors.sipWebSocketUrl}
            hint="Where browsers reach your PBX: wss:// (ws:// only on localhost). Empty: the server’s default."
            onChange={(sipWebSocketUrl) => onChange({ sipWebSocketUrl })}
          />
          <InputField
            id={`${id}-sip-domain`}
            label="SIP domain"
            input={{ type: 'text', autoComplete: 'off', autoCapitalize: 'none', spellCheck: false, maxLength: 253, placeholder: 'pbx.example.com' }}
            value={draft.sipDomain}
            error={fieldErrors.sipDomain}
            hint="A host name, as in the agents’ addresses sip:user@domain; also the digest realm. Empty: the server’s default."
            onChange={(sipDomain) => onChange({ sipDomain })}
          />
          <RecordCallsField id={`${id}-record`} checked={draft.recordCalls} onChange={(recordCalls) => onChange({ recordCalls })} />
        </>
      )}
    </fieldset>
  );
}
