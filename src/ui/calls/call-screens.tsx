import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import type { CallSessionState } from './call-session-state';
import { DialerPanel } from './dialer-panel';
import { IncomingScreen } from './incoming-screen';
import type { CallIntents, ServerNotes } from './use-call-session';
import type { WindowScreen } from '@/ui/window/window-screen';

// The follow-up (what was saved, with links) shows only after a call: its own chunk keeps the
// window's first load within budget. The Dialer starts fetching it, so hanging up never waits.
const loadFollowUp = () => import('./follow-up-panel');
const FollowUpPanel = lazy(() => loadFollowUp().then((module) => ({ default: module.FollowUpPanel })));

export interface CallScreensProps {
  screen: WindowScreen;
  state: CallSessionState;
  intents: CallIntents;
  /** The softphone's in-call controls, when this window has one and the call is live. */
  inCallControls?: ReactNode;
  serverNotes?: ServerNotes;
  saveNotesDraft?: (callId: string, text: string) => Promise<void>;
}

/** The call's screen (nothing at home): incoming, Dialer or follow-up. */
export function CallScreens({ screen, state, intents, inCallControls, serverNotes, saveNotesDraft }: CallScreensProps) {
  const { call, choice, pending } = state;
  const isBusy = pending !== null;
  useEffect(() => {
    if (screen === 'dialer') void loadFollowUp();
  }, [screen]);
  if (screen === 'incoming' && call) {
    return (
      <IncomingScreen
        call={call}
        choice={choice}
        isBusy={isBusy}
        onChoosePerson={intents.choosePerson}
        onAnswer={intents.answer}
        onReject={intents.reject}
      />
    );
  }
  if (screen === 'dialer') {
    return (
      <DialerPanel
        call={call}
        placing={state.placing ?? state.dialled}
        choice={choice}
        isBusy={isBusy}
        onChoosePerson={intents.choosePerson}
        onChooseDeal={intents.chooseDeal}
        onEnd={intents.end}
        controls={inCallControls}
        serverNotes={serverNotes}
        saveNotesDraft={saveNotesDraft}
      />
    );
  }
  if (screen === 'follow-up' && call) {
    return (
      <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
        <FollowUpPanel
          call={call}
          sent={state.sentWrapUp}
          choice={choice}
          isRetrying={pending === 'retrying'}
          onRetry={intents.retryWrapUp}
          onBack={intents.dismiss}
        />
      </Suspense>
    );
  }
  return null;
}
