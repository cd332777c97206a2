/**
 * Mirrors the call session onto Pipedrive: pops the window when a call rings, and when a live call
 * is found while the window is hidden (Pipedrive loads the iframe hidden, so a reload or a crash of
 * the window mid-call would leave the call out of sight); hides its close button (focus mode) while
 * a call is live; keeps the app-dock badge at the unseen missed count, plus one while a live call's
 * window is hidden (the badge is all a real Pipedrive dock shows of an app). Each command is sent
 * once per change, never on every render.
 */
import type { PipedriveSdk } from '@/ui/sdk/pipedrive-sdk';
import type { CallSessionState } from './call-session-state';

export type CallSdk = Pick<PipedriveSdk, 'showWindow' | 'setFocusMode' | 'setNotification'>;

export interface CallSdkSync {
  /** `isVisible`: the last VISIBILITY event said the window is open (none yet: hidden, as Pipedrive loads it). */
  update(state: CallSessionState, isVisible?: boolean): void;
  /** Pipedrive resets focus mode whenever the window opens: apply it again. */
  windowShown(): void;
}

/** A call the agent is on, as far as the close button is concerned: placing, dialling out or talking. */
export function wantsFocusMode(state: CallSessionState): boolean {
  const call = state.call;
  if (!call) return state.placing !== null;
  return call.state === 'connected' || (call.state === 'ringing' && call.direction === 'outbound');
}

export function ringingCallId(state: CallSessionState): string | null {
  const call = state.call;
  return call && call.direction === 'inbound' && call.state === 'ringing' ? call.id : null;
}

/** The call the agent is on (talking, or dialling out once it has an id). */
export function liveCallId(state: CallSessionState): string | null {
  const call = state.call;
  return call !== null && wantsFocusMode(state) ? call.id : null;
}

/** The dock badge: unseen missed calls, plus the live call while its window is hidden; null: not known yet. */
export function dockBadgeCount(state: CallSessionState, isVisible: boolean): number | null {
  const liveAndHidden = liveCallId(state) !== null && !isVisible;
  if (state.missedCount === null && !liveAndHidden) return null;
  return (state.missedCount ?? 0) + (liveAndHidden ? 1 : 0);
}

export function createCallSdkSync(sdk: CallSdk, onError: (error: unknown) => void = () => {}): CallSdkSync {
  let shownFor: string | null = null;
  let liveSeen: string | null = null;
  let focus = false;
  let badge: number | null = null;
  const run = (command: Promise<void>) => void command.catch(onError);

  return {
    update(state, isVisible = false) {
      const ringing = ringingCallId(state);
      if (ringing !== null && ringing !== shownFor) run(sdk.showWindow());
      shownFor = ringing;
      // Once per call: an agent who hides the window again is not fought; the badge still says it.
      const live = liveCallId(state);
      if (live !== null && live !== liveSeen && !isVisible) run(sdk.showWindow());
      liveSeen = live;
      const wantsFocus = wantsFocusMode(state);
      if (wantsFocus !== focus) run(sdk.setFocusMode(wantsFocus));
      focus = wantsFocus;
      const count = dockBadgeCount(state, isVisible);
      if (count !== null && count !== badge) run(sdk.setNotification(count));
      badge = count;
    },
    windowShown() {
      if (focus) run(sdk.setFocusMode(true));
    },
  };
}
