import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import type { CallSessionState } from './call-session-state';
import type { CallIntents, ServerNotes } from './use-call-session';
import type { WindowScreen } from '@/ui/window/window-screen';

// The call screens are chunks of their own, which keeps the window's first load within budget:
// the incoming screen and the Dialer are fetched as soon as the window is up (before any call can
// need them), the follow-up (what was saved, with links) by the Dialer, so hanging up never waits.
const loadIncoming = () => import('./incoming-screen');
const loadDialer = () => import('./dialer-panel');
const loadFollowUp = () => import('./follow-up-panel');
const IncomingScreen = lazy(() => loadIncoming().then((module) => ({ default: module.IncomingScreen })));
const DialerPanel = lazy(() => loadDialer().then((module) => ({ default: module.DialerPanel })));
const FollowUpPanel = lazy(() => loadFollowUp().then((module) => ({ default: module.FollowUpPanel })));
const loading = <p className="muted" role="status">Loading…</p>;

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
    void loadIncoming();
    void loadDialer();
  }, []);
  useEffect(() => {
    if (screen === 'dialer') void loadFollowUp();
  }, [screen]);
  if (screen === 'incoming' && call) {
    return (
      <Suspense fallback={loading}>
        <IncomingScreen
          call={call}
          choice={choice}
          isBusy={isBusy}
          onChoosePerson={intents.choosePerson}
          onAnswer={intents.answer}
          onReject={intents.reject}
        />
      </Suspense>
    );
  }
  if (screen === 'dialer') {
    return (
      <Suspense fallback={loading}>
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
      </Suspense>
    );
  }
  if (screen === 'follow-up' && call) {
    return (
      <Suspense fallback={loading}>
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
