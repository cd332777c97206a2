import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { createApiClient, type ApiClient, type AccountState } from '@/ui/api-client';
import type { Contact } from '@/ui/api-types';
import { CallNotice } from '@/ui/calls/call-notice';
import { CallScreens } from '@/ui/calls/call-screens';
import { targetFromCall, targetFromContact, targetFromNumber } from '@/ui/calls/call-targets';
import type { CallView } from '@/ui/calls/call-types';
import { createCallsApi } from '@/ui/calls/calls-api';
import { useCallSession } from '@/ui/calls/use-call-session';
import type { WindowProps } from '@/ui/page-props';
import { useRealtime } from '@/ui/realtime/use-realtime';
import type { RealtimeStatus } from '@/ui/realtime/realtime-connection';
import { useSdk } from '@/ui/sdk/sdk-context';
import { useVisibility } from '@/ui/sdk/use-visibility';
import { useTheme } from '@/ui/theme/use-theme';
import { HomePanels } from './home-panels';
import { HomeTabs, type HomeTab } from './home-tabs';
import { ReconnectNotice, SdkUnavailableNotice } from './window-notices';
import { windowScreenOf } from './window-screen';

function useAccountState(api: ApiClient): AccountState {
  return useSyncExternalStore(api.onAccountStateChange, api.getAccountState, () => 'connected');
}

const PRESENCE_TEXT: Record<RealtimeStatus, string> = {
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
};

export function WindowShell({ user, company, theme: pageTheme, socketTransports }: Omit<WindowProps, 'view'>) {
  const theme = useTheme(pageTheme);
  const { state: sdkState, sdk, whenReady } = useSdk();
  // One client per window (it holds the auth mode); whenReady reaches the page-wide SDK connection.
  const [api] = useState(() =>
    createApiClient({ getSignedToken: () => whenReady().then((ready) => ready.getSignedToken()) }),
  );
  const calls = useMemo(() => createCallsApi(api), [api]);
  const accountState = useAccountState(api);
  const realtime = useRealtime(api.signedToken, socketTransports);
  // A phone-number click in Pipedrive arrives as a visibility context with a number: it dials.
  const visibility = useVisibility();
  const { state: session, intents } = useCallSession({ calls, socket: realtime.socket, sdk, visibility });
  const screen = windowScreenOf(session);
  const [tab, setTab] = useState<HomeTab>('contacts');

  const { dial } = intents;
  const callContact = useCallback(
    (contact: Contact) => {
      const target = targetFromContact(contact);
      if (target) dial(target);
    },
    [dial],
  );
  const dialNumber = useCallback((number: string) => dial(targetFromNumber(number, 'dial_pad')), [dial]);
  const callBack = useCallback(
    (call: CallView) => {
      const target = targetFromCall(call);
      if (target) dial(target);
    },
    [dial],
  );

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
      <CallNotice notice={session.notice} onDismiss={intents.clearNotice} />
      {/* Home stays mounted (hidden) during a call so the list, search and scroll survive. */}
      <div className="window-body" hidden={screen !== 'home'}>
        <HomeTabs
          tab={tab}
          onSelect={setTab}
          missedCount={session.missedCount}
          renderPanel={(panel) => (
            <HomePanels
              panel={panel}
              isActive={panel === tab && screen === 'home'}
              api={api}
              calls={calls}
              missedCount={session.missedCount}
              onCallContact={callContact}
              onDialNumber={dialNumber}
              onCallBack={callBack}
              onMissedSeen={intents.markMissedSeen}
            />
          )}
        />
      </div>
      <CallScreens screen={screen} state={session} intents={intents} />
    </div>
  );
}
