import { useId, useMemo, type FormEvent } from 'react';
import { FieldError, fieldErrorProps } from './field-error';
import { InputField } from './input-field';
import { regionOptions } from './region-options';
import type { SaveStatus, SettingsDraft, SettingsFormState } from './settings-form-state';
import { TelephonyFields } from './telephony-fields';
import { providerLabel } from './telephony-settings';

export interface SettingsFormProps {
  state: Extract<SettingsFormState, { status: 'ready' }>;
  onChange: (changes: Partial<SettingsDraft>) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Names regions in this language (default: the browser's). */
  locale?: string;
}

/** The call settings form; read-only, with the reason, for users who are not admins. */
export function SettingsForm({ state, onChange, onSubmit, locale }: SettingsFormProps) {
  const id = useId();
  const { view, draft, save } = state;
  const regions = useMemo(() => regionOptions(view.regions, locale), [view.regions, locale]);
  const { min, max } = view.ringTimeoutRange;
  const isSaving = save.status === 'saving';
  const fieldErrors = (save.status === 'failed' && save.fieldErrors) || {};

  return (
    <form className="settings-panel" aria-label="Call settings" onSubmit={onSubmit} noValidate>
      {!view.canEdit && (
        <p className="notice" id={`${id}-read-only`}>
          Only Pipedrive admins of your company can change these settings.
        </p>
      )}
      <fieldset className="settings-fields" disabled={!view.canEdit || isSaving} aria-describedby={view.canEdit ? undefined : `${id}-read-only`}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-region`}>
            Default country
          </label>
          <select id={`${id}-region`} className="input" value={draft.defaultRegion} {...fieldErrorProps(`${id}-region-error`, fieldErrors.defaultRegion)} onChange={(event) => onChange({ defaultRegion: event.target.value })}>
            <option value="">None: numbers need a country code</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-region-error`} error={fieldErrors.defaultRegion} />
        </div>
        <label className="settings-checkbox">
          <input
            type="checkbox"
            checked={draft.createCallbackForMissedCalls}
            onChange={(event) => onChange({ createCallbackForMissedCalls: event.target.checked })}
          />
          Create a call-back activity for missed calls
        </label>
        <InputField
          id={`${id}-phone`}
          label="Company phone number"
          input={{ type: 'tel', autoComplete: 'tel', maxLength: 40 }}
          value={draft.companyPhoneNumber}
          error={fieldErrors.companyPhoneNumber}
          onChange={(companyPhoneNumber) => onChange({ companyPhoneNumber })}
        />
        <InputField
          id={`${id}-ring`}
          label="Ring timeout (seconds)"
          input={{ type: 'number', inputMode: 'numeric', min, max, step: 1 }}
          value={draft.ringTimeoutSeconds}
          error={fieldErrors.ringTimeoutSeconds}
          onChange={(ringTimeoutSeconds) => onChange({ ringTimeoutSeconds })}
        />
        <TelephonyFields id={id} draft={draft} providers={view.telephonyProviders} fieldErrors={fieldErrors} onChange={onChange} />
        {view.canEdit && (
          <button type="submit" className="button primary">
            Save
          </button>
        )}
      </fieldset>
      <SaveMessage save={save} provider={view.settings.telephonyProvider} />
    </form>
  );
}

function SaveMessage({ save, provider }: { save: SaveStatus; provider: string }) {
  if (save.status === 'failed') {
    return (
      <p className="panel-message error" role="alert">
        Could not save the settings. {save.error}
      </p>
    );
  }
  return (
    <p className="panel-message" role="status">
      {save.status !== 'saved'
        ? ''
        : save.providerChanged
          ? // Other agents' windows asked for the provider when they opened; only this one follows now.
            `Settings saved. This window now uses ${providerLabel(provider)}; agents’ other open windows switch when reopened.`
          : 'Settings saved.'}
    </p>
  );
}
