import type { ReactNode } from 'react';
import { DisconnectAccount } from '@/ui/account/disconnect-account';
import type { ApiClient } from '@/ui/api-client';
import type { Contact } from '@/ui/api-types';
import { CallHistoryView } from '@/ui/calls/call-history-view';
import type { CallView } from '@/ui/calls/call-types';
import type { CallsApi } from '@/ui/calls/calls-api';
import { MissedCallsView } from '@/ui/calls/missed-calls-view';
import { ContactsPanel } from '@/ui/contacts/contacts-panel';
import { DialPad } from '@/ui/dial-pad/dial-pad';
import { SettingsPanel } from '@/ui/settings/settings-panel';
import type { HomeTab } from './home-tabs';

export interface HomePanelsProps {
  panel: HomeTab;
  /** Shown right now (its tab selected and no call on screen). */
  isActive: boolean;
  api: ApiClient;
  calls: CallsApi;
  missedCount: number | null;
  onCallContact: (contact: Contact) => void;
  onDialNumber: (number: string) => void;
  onCallBack: (call: CallView) => void;
  onMissedSeen: () => void;
  /** The agent's "SIP account" section (provider `sip` only). */
  sipAccount?: ReactNode;
}

/** The content of one home tab. */
export function HomePanels(props: HomePanelsProps) {
  switch (props.panel) {
    case 'contacts':
      return (
        <>
          <ContactsPanel api={props.api} onCall={props.onCallContact} />
          <DialPad onDial={props.onDialNumber} />
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
    case 'settings': {
      const sections = (
        <>
          <SettingsPanel api={props.api} />
          <DisconnectAccount api={props.api} />
        </>
      );
      // With the SIP account on top: one scroll for the tab instead of a squeezed scroll box each.
      return props.sipAccount ? (
        <div className="settings-scroll">
          {props.sipAccount}
          {sections}
        </div>
      ) : (
        sections
      );
    }
  }
}
