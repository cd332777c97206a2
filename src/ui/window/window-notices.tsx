import { ReloadButton } from '@/ui/reload-button';
import type { SdkUnavailableReason } from '@/ui/sdk/pipedrive-sdk';

export const RECONNECT_URL = '/api/auth/login';

/** The account was uninstalled or its tokens revoked: OAuth again, in a new tab (it can't be framed). */
export function ReconnectNotice() {
  return (
    <div className="notice warning" role="alert">
      <p>Your Pipedrive account is no longer connected to this app.</p>
      <div className="notice-actions">
        <a className="button primary" href={RECONNECT_URL} target="_blank" rel="noopener noreferrer">
          Reconnect Pipedrive
        </a>
        <ReloadButton>Reload</ReloadButton>
      </div>
    </div>
  );
}

const UNAVAILABLE_TEXT: Record<SdkUnavailableReason, string> = {
  'outside-pipedrive': 'This window was opened outside Pipedrive. Open it from Pipedrive to place calls.',
  'no-response': 'Pipedrive is not answering this window. Open it from Pipedrive to place calls.',
  failed: 'Pipedrive could not set up this window. Reopen it from Pipedrive.',
};

export function SdkUnavailableNotice({ reason }: { reason: SdkUnavailableReason }) {
  return (
    <div className="notice" role="status">
      <p>{UNAVAILABLE_TEXT[reason]}</p>
    </div>
  );
}
