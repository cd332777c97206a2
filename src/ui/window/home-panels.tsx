import { lazy, Suspense, type ReactNode } from 'react';
import type { ApiClient } from '@/ui/api-client';
import type { Contact } from '@/ui/api-types';
import type { CallView } from '@/ui/calls/call-types';
import type { CallsApi } from '@/ui/calls/calls-api';
import type { SettingsValues } from '@/ui/settings/settings-types';
import { ContactsPanel } from '@/ui/contacts/contacts-panel';
import { DialPad, type ReadyNumber } from '@/ui/dial-pad/dial-pad';
import type { HomeTab } from './home-tabs';

// Only Contacts shows when the window opens: the other tabs load on first opening, which keeps
// the first load of `/` within its budget now that the softphone's hooks are part of it.
const MissedCallsView = lazy(() => import('@/ui/calls/missed-calls-view').then((module) => ({ default: module.MissedCallsView })));
const CallHistoryView = lazy(() => import('@/ui/calls/call-history-view').then((module) => ({ default: module.CallHistoryView })));
const SettingsPanel = lazy(() => import('@/ui/settings/settings-panel').then((module) => ({ default: module.SettingsPanel })));
const DisconnectAccount = lazy(() => import('@/ui/account/disconnect-account').then((module) => ({ default: module.DisconnectAccount })));

const loading = <p className="muted" role="status">Loading…</p>;

export interface HomePanelsProps {
  panel: HomeTab;
  /** Shown right now (its tab selected and no call on screen). */
  isActive: boolean;
  api: ApiClient;
  calls: CallsApi;
  missedCount: number | null;
  onCallContact: (contact: Contact) => void;
  onDialNumber: (number: string) => void;
  /** A number clicked in Pipedrive, waiting in the dial pad for "Call" ("ask first"). */
  readyNumber: ReadyNumber | null;
  onCallBack: (call: CallView) => void;
  onMissedSeen: () => void;
  /** An admin saved another provider or SIP server in the Settings tab. */
  onTelephonySaved?: (settings: SettingsValues) => void;
  /** The agent's "SIP account" section (provider `sip` only). */
  sipAccount?: ReactNode;
  /** The agent's choice for phone-number clicks in Pipedrive. */
  phoneClickSetting?: ReactNode;
}

/** The content of one home tab. */
export function HomePanels(props: HomePanelsProps) {
  return props.panel === 'contacts' ? panelContent(props) : <Suspense fallback={loading}>{panelContent(props)}</Suspense>;
}

function panelContent(props: HomePanelsProps) {
  switch (props.panel) {
    case 'contacts':
      return (
        <>
          <ContactsPanel api={props.api} onCall={props.onCallContact} />
          <DialPad onDial={props.onDialNumber} ready={props.readyNumber} />
        </>
      );
    case 'missed':
      return (
        <MissedCallsView
          calls={props.calls}
          isActive={props.isActive}
          missedCount={props.missedCount}
          onCallBack={props.onCallBack}
          onSeen={props.onMissedSeen}
        />
      );
    case 'history':
      return <CallHistoryView calls={props.calls} isActive={props.isActive} onCallBack={props.onCallBack} />;
    case 'settings':
      // One scroll for the whole tab (SIP account, settings with Telephony, account) instead of
      // a squeezed scroll box each: the form alone is taller than a small window.
      return (
        <div className="settings-scroll">
          {props.phoneClickSetting}
          {props.sipAccount}
          <SettingsPanel api={props.api} onTelephonySaved={props.onTelephonySaved} />
          <DisconnectAccount api={props.api} />
        </div>
      );
  }
}
