import { useCallback, useState, useSyncExternalStore } from 'react';
import { createApiClient, type ApiClient, type AccountState } from '../api-client';
import { primaryPhone, type Contact } from '../api-types';
import { ContactsPanel } from '../contacts/contacts-panel';
import { DialPad } from '../dial-pad/dial-pad';
import type { WindowProps } from '../page-props';
import { useRealtime } from '../realtime/use-realtime';
import type { RealtimeStatus } from '../realtime/realtime-connection';
import { useSdk } from '../sdk/sdk-context';
import { useVisibility } from '../sdk/use-visibility';
import { useTheme } from '../theme/use-theme';
import { DialingScreen } from './dialing-screen';
import { useWindowScreen } from './use-window-screen';
import { ReconnectNotice, SdkUnavailableNotice } from './window-notices';

function useAccountState(api: ApiClient): AccountState {
  return useSyncExternalStore(api.onAccountStateChange, api.getAccountState, () => 'connected');
}

const PRESENCE_TEXT: Record<RealtimeStatus, string> = {
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
};

export function WindowShell({ user, company, theme: pageTheme }: Omit<WindowProps, 'view'>) {
  const theme = useTheme(pageTheme);
  const { state: sdkState, whenReady } = useSdk();
  // One client per window (it holds the auth mode); whenReady reaches the page-wide SDK connection.
  const [api] = useState(() =>
    createApiClient({ getSignedToken: () => whenReady().then((sdk) => sdk.getSignedToken()) }),
  );
  const accountState = useAccountState(api);
  const realtime = useRealtime(api.signedToken);
  // Kept for the Dialer: a phone-number click in Pipedrive arrives as a visibility context.
  useVisibility();
  const { screen, dial, backHome } = useWindowScreen();

  const callContact = useCallback(
    (contact: Contact) => {
      const phone = primaryPhone(contact);
      if (phone) dial({ number: phone.value, contact });
    },
    [dial],
  );
  const dialNumber = useCallback((number: string) => dial({ number }), [dial]);

  return (
    <div className="window" data-theme={theme}>
      <header className="window-header">
        <div>
          <h1>Hello, {user.name}</h1>
          <p className="muted">{company.name}</p>
        </div>
        <span className="presence" data-status={realtime.status}>
          {PRESENCE_TEXT[realtime.status]}
        </span>
      </header>
      {sdkState.status === 'unavailable' && <SdkUnavailableNotice reason={sdkState.reason} />}
      {accountState === 'reconnect-required' && <ReconnectNotice />}
      {/* Home stays mounted (hidden) during a call so the list, search and scroll survive. */}
      <div className="window-body" hidden={screen.name !== 'home'}>
        <ContactsPanel api={api} onCall={callContact} />
        <DialPad onDial={dialNumber} />
      </div>
      {screen.name === 'dialing' && <DialingScreen target={screen.target} onCancel={backHome} />}
    </div>
  );
}
