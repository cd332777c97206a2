import { useReducer } from 'react';
import type { ApiClient } from '@/ui/api-client';
import { describeError } from '@/ui/describe-error';
import { RECONNECT_URL } from '@/ui/window/window-notices';
import { disconnectReducer, INITIAL_DISCONNECT_STATE, parseDisconnectAnswer, type DisconnectState } from './disconnect-state';

export interface DisconnectAccountViewProps {
  state: DisconnectState;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The account section of the Settings tab: "Disconnect Pipedrive", with a confirmation step. */
export function DisconnectAccountView({ state, onAsk, onCancel, onConfirm }: DisconnectAccountViewProps) {
  return (
    <section className="account-section" aria-labelledby="account-section-title">
      <h2 id="account-section-title">Pipedrive connection</h2>
      {state.status === 'done' ? (
        <div className={state.revokedAtPipedrive ? 'notice' : 'notice warning'} role="status">
          <p>{state.message}</p>
          <a className="button primary" href={RECONNECT_URL} target="_blank" rel="noopener noreferrer">
            Reconnect Pipedrive
          </a>
        </div>
      ) : state.status === 'confirming' || state.status === 'disconnecting' ? (
        <div className="notice warning" role="alertdialog" aria-labelledby="disconnect-question">
          <p id="disconnect-question">
            Disconnect this app from Pipedrive? Its access is revoked and its tokens are deleted; you will need to reconnect to place calls.
          </p>
          <div className="notice-actions">
            <button type="button" className="button danger" disabled={state.status === 'disconnecting'} onClick={onConfirm}>
              {state.status === 'disconnecting' ? 'Disconnecting…' : 'Yes, disconnect'}
            </button>
            <button type="button" className="button secondary" disabled={state.status === 'disconnecting'} onClick={onCancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          {state.status === 'failed' && (
            <p className="panel-message error" role="alert">
              Could not disconnect. {state.error}
            </p>
          )}
          <button type="button" className="button secondary" onClick={onAsk}>
            Disconnect Pipedrive
          </button>
        </>
      )}
    </section>
  );
}

export function DisconnectAccount({ api }: { api: ApiClient }) {
  const [state, dispatch] = useReducer(disconnectReducer, INITIAL_DISCONNECT_STATE);
  const confirm = () => {
    dispatch({ type: 'confirmed' });
    api.post('/api/auth/disconnect', {}, parseDisconnectAnswer).then(
      (answer) => dispatch({ type: 'answered', ...answer }),
      (error: unknown) => dispatch({ type: 'failed', error: describeError(error) }),
    );
  };
  return (
    <DisconnectAccountView
      state={state}
      onAsk={() => dispatch({ type: 'asked' })}
      onCancel={() => dispatch({ type: 'cancelled' })}
      onConfirm={confirm}
    />
  );
}
