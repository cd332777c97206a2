/**
 * The Settings tab's "SIP account" section (provider `sip` only, loaded on demand). After a save
 * the softphone registers again with the new account.
 */
import { useMemo, useReducer, type FormEvent } from 'react';
import type { ApiClient } from '@/ui/api-client';
import { describeError } from '@/ui/describe-error';
import { phoneStatusText } from '@/ui/softphone/phone-status';
import type { RegistrationState } from '@/ui/softphone/softphone-types';
import { LoadFailedPanel } from './load-failed-panel';
import { checkSipAccount, INITIAL_SIP_ACCOUNT_FORM, sipAccountFormReducer } from './sip-account-form-state';
import { SipAccountForm } from './sip-account-form';
import { parseSipAccount, type SipAccountInput, type SipAccountView } from './sip-account-types';
import { useFormLoad } from './use-form-load';

const ACCOUNT_PATH = '/api/telephony/sip/account';

export interface SipAccountSectionProps {
  api: ApiClient;
  /** The softphone's registration, shown next to the account it uses. */
  registration: RegistrationState | null;
  onSaved: () => void;
}

function accountApi(api: ApiClient) {
  return {
    load: (signal?: AbortSignal): Promise<SipAccountView> => api.get(ACCOUNT_PATH, parseSipAccount, signal),
    save: (input: SipAccountInput): Promise<SipAccountView> => api.put(ACCOUNT_PATH, input, parseSipAccount),
  };
}

export default function SipAccountSection({ api, registration, onSaved }: SipAccountSectionProps) {
  const account = useMemo(() => accountApi(api), [api]);
  const [state, dispatch] = useReducer(sipAccountFormReducer, INITIAL_SIP_ACCOUNT_FORM);

  const load = useFormLoad(account.load, dispatch);

  if (state.status === 'loading') return <p className="panel-message" role="status">Loading your SIP account…</p>;
  if (state.status === 'load-failed') {
    return <LoadFailedPanel what="your SIP account" error={state.error} onRetry={() => load()} />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkSipAccount(state.draft, state.view);
    if (!checked.ok) return dispatch({ type: 'save-failed', message: checked.error });
    dispatch({ type: 'save-started' });
    account.save(checked.input).then(
      (view) => {
        dispatch({ type: 'saved', view });
        onSaved();
      },
      (error: unknown) => dispatch({ type: 'save-failed', message: describeError(error) }),
    );
  };

  return <SipAccountForm state={state} registrationText={registration ? phoneStatusText(registration) : null} onChange={(changes) => dispatch({ type: 'edited', changes })} onSubmit={onSubmit} />;
}
