import { useMemo, useReducer, type FormEvent } from 'react';
import { ServerRequestError, type ApiClient } from '@/ui/api-client';
import { describeError } from '@/ui/describe-error';
import { LoadFailedPanel } from './load-failed-panel';
import { createSettingsApi, type SettingsApi } from './settings-api';
import { SettingsForm } from './settings-form';
import { checkDraft, INITIAL_SETTINGS_FORM, settingsFormReducer, telephonyChanged, type SettingsFormAction } from './settings-form-state';
import type { SettingsValues } from './settings-types';
import { fieldErrorsOf } from './telephony-settings';
import { useFormLoad } from './use-form-load';

export interface SettingsPanelProps {
  api: ApiClient;
  /** A save changed the provider or its SIP server: the window's phone follows without a reload. */
  onTelephonySaved?: (settings: SettingsValues) => void;
}

/** A refused save: the server's 400 names fields ("sipDomain: …"), shown next to each. */
export function saveFailure(error: unknown): Extract<SettingsFormAction, { type: 'save-failed' }> {
  if (error instanceof ServerRequestError && error.status === 400) {
    const { fieldErrors, rest } = fieldErrorsOf(error.message);
    if (Object.keys(fieldErrors).length > 0) return { type: 'save-failed', message: rest.length > 0 ? rest.join('; ') : 'Check the fields marked below.', fieldErrors };
  }
  return { type: 'save-failed', message: describeError(error) };
}

/** The Settings tab: the company's call settings, editable by its Pipedrive admins. */
export function SettingsPanel({ api, onTelephonySaved }: SettingsPanelProps) {
  const settingsApi = useMemo<SettingsApi>(() => createSettingsApi(api), [api]);
  const [state, dispatch] = useReducer(settingsFormReducer, INITIAL_SETTINGS_FORM);

  const load = useFormLoad(settingsApi.load, dispatch);

  if (state.status === 'loading') {
    return (
      <div className="panel-message" role="status">
        Loading settings…
      </div>
    );
  }
  if (state.status === 'load-failed') {
    return <LoadFailedPanel what="the settings" error={state.error} onRetry={() => load()} />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkDraft(state.draft, state.view.ringTimeoutRange);
    if (!checked.ok) {
      dispatch({ type: 'save-failed', message: checked.error, fieldErrors: checked.fieldErrors });
      return;
    }
    const before = state.view.settings;
    dispatch({ type: 'save-started' });
    settingsApi.save(checked.values).then(
      (view) => {
        dispatch({ type: 'saved', view });
        if (telephonyChanged(before, view.settings)) onTelephonySaved?.(view.settings);
      },
      (error: unknown) => dispatch(saveFailure(error)),
    );
  };

  return <SettingsForm state={state} onChange={(changes) => dispatch({ type: 'edited', changes })} onSubmit={onSubmit} />;
}
