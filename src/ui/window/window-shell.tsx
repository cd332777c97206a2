import { Suspense, useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { createApiClient, type ApiClient, type AccountState } from '@/ui/api-client';
import type { Contact } from '@/ui/api-types';
import { CallNotice } from '@/ui/calls/call-notice';
import { CallScreens } from '@/ui/calls/call-screens';
import { targetFromCall, targetFromContact, targetFromNumber } from '@/ui/calls/call-targets';
import type { CallView } from '@/ui/calls/call-types';
import { createCallsApi } from '@/ui/calls/calls-api';
import { useCallSession } from '@/ui/calls/use-call-session';
import { isOnCall } from '@/ui/calls/call-session-state';
import type { WindowProps } from '@/ui/page-props';
import type { SettingsValues } from '@/ui/settings/settings-types';
import { useRealtime } from '@/ui/realtime/use-realtime';
import { useAvailability } from '@/ui/realtime/use-availability';
import { useSdk } from '@/ui/sdk/sdk-context';
import { useVisibility } from '@/ui/sdk/use-visibility';
import { LazyInCallControls, LazySipAccountSection, LazySoftphoneLayer } from '@/ui/softphone/lazy-parts';
import type { Softphone, SoftphoneState } from '@/ui/softphone/softphone-types';
import { useTelephonyProvider } from '@/ui/softphone/use-telephony-provider';
import { useTheme } from '@/ui/theme/use-theme';
import type { ReadyNumber } from '@/ui/dial-pad/dial-pad';
import { PhoneFormatContext, usePhoneFormatter } from '@/ui/phone-format/phone-format-context';
import { LazyPhoneClickSetting } from '@/ui/phone-clicks/lazy-phone-click-setting';
import { usePhoneClickMode } from '@/ui/phone-clicks/use-phone-click-mode';
import type { PlacingTarget } from '@/ui/calls/call-session-state';
import { AvailabilityStatus } from './availability-status';
import { HomePanels } from './home-panels';
import { HomeTabs, type HomeTab } from './home-tabs';
import { LazyMissedDuringCallNotice } from './lazy-missed-during-call-notice';
import { ReconnectNotice, SdkUnavailableNotice } from './window-notices';
import { windowScreenOf } from './window-screen';

function useAccountState(api: ApiClient): AccountState {
  return useSyncExternalStore(api.onAccountStateChange, api.getAccountState, () => 'connected');
}

const NO_SOFTPHONE = { phone: null, phoneState: null };

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
  const availability = useAvailability(realtime);
  // A phone-number click in Pipedrive arrives as a visibility context with a number: it dials.
  const visibility = useVisibility();
  // Provider `sip`: this window is the phone (its chunk, JsSIP included, loads only then).
  const { provider, defaultRegion, refresh: refreshProvider } = useTelephonyProvider(api);
  const formatPhone = usePhoneFormatter(defaultRegion);
  const [{ phone, phoneState }, setSoftphone] = useState<{ phone: Softphone | null; phoneState: SoftphoneState | null }>(NO_SOFTPHONE);
  const onSoftphone = useCallback((phone: Softphone | null, phoneState: SoftphoneState | null) => setSoftphone({ phone, phoneState }), []);
  // An admin saved other telephony settings here: ask /api/me again, so that the softphone starts
  // or stops with the provider; a phone staying on SIP registers again with the new SIP server.
  const onTelephonySaved = useCallback(
    (settings: SettingsValues) => {
      refreshProvider();
      if (settings.telephonyProvider === 'sip') phone?.register();
    },
    [refreshProvider, phone],
  );
  const [tab, setTab] = useState<HomeTab>('contacts');
  // "Ask first" (default): a phone-number click in Pipedrive waits in the dial pad for "Call".
  const phoneClicks = usePhoneClickMode(company.id, user.id);
  const [readyNumber, setReadyNumber] = useState<ReadyNumber | null>(null);
  const confirmPhoneClick = useCallback((target: PlacingTarget) => {
    setTab('contacts');
    setReadyNumber((previous) => ({ number: target.number, clickId: (previous?.clickId ?? 0) + 1 }));
  }, []);
  const { state: session, intents, serverNotes } = useCallSession({
    calls,
    socket: realtime.socket,
    sdk,
    visibility,
    phone,
    onPhoneClickToConfirm: phoneClicks.mode === 'ask' ? confirmPhoneClick : null,
  });
  const screen = windowScreenOf(session);

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
    <PhoneFormatContext value={formatPhone}>
      <div className="window" data-theme={theme}>
        <header className="window-header">
          <div>
            <h1>Hello, {user.name}</h1>
            <p className="muted">{company.name}</p>
          </div>
          <AvailabilityStatus status={realtime.status} availability={availability} />
        </header>
        {provider === 'sip' && (
          <Suspense fallback={null}>
            <LazySoftphoneLayer api={api} doNotDisturb={availability.available === false} onChange={onSoftphone} />
          </Suspense>
        )}
        {sdkState.status === 'unavailable' && <SdkUnavailableNotice reason={sdkState.reason} />}
        {accountState === 'reconnect-required' && <ReconnectNotice />}
        <CallNotice notice={session.notice} onDismiss={intents.clearNotice} />
        {isOnCall(session) && (
          <Suspense fallback={null}>
            <LazyMissedDuringCallNotice unseenCount={session.missedCount} />
          </Suspense>
        )}
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
                readyNumber={readyNumber}
                phoneClickSetting={<LazyPhoneClickSetting mode={phoneClicks.mode} onChange={phoneClicks.setMode} />}
                onCallBack={callBack}
                onMissedSeen={intents.markMissedSeen}
                onTelephonySaved={onTelephonySaved}
                sipAccount={
                  provider === 'sip' && (
                    <Suspense fallback={null}>
                      <LazySipAccountSection api={api} registration={phoneState?.registration ?? null} onSaved={() => phone?.register()} />
                    </Suspense>
                  )
                }
              />
            )}
          />
        </div>
        <CallScreens
          screen={screen}
          state={session}
          intents={intents}
          inCallControls={inCallControls(phone, phoneState, intents.hangUp)}
          serverNotes={serverNotes}
          saveNotesDraft={calls.saveNotesDraft}
        />
      </div>
    </PhoneFormatContext>
  );
}

/** Mute / Hold / Keypad / Transfer while the softphone's call is up. */
function inCallControls(phone: Softphone | null, phoneState: SoftphoneState | null, hangUp: () => Promise<void>) {
  const call = phoneState?.call;
  if (!phone || !call || call.phase !== 'live') return null;
  return (
    <Suspense fallback={null}>
      <LazyInCallControls
        call={call}
        onMute={phone.setMuted}
        onHold={phone.setHeld}
        onKey={phone.sendDtmf}
        onTransfer={phone.transfer}
        onTransferred={() => void hangUp()}
      />
    </Suspense>
  );
}
