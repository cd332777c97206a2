/**
 * Mirrors the call session onto Pipedrive: pops the window when a call rings, hides its close
 * button (focus mode) while a call is live, and keeps the app-dock badge at the unseen missed
 * count. Each command is sent once per change, never on every render.
 */
import type { PipedriveSdk } from '@/ui/sdk/pipedrive-sdk';
import type { CallSessionState } from './call-session-state';

export type CallSdk = Pick<PipedriveSdk, 'showWindow' | 'setFocusMode' | 'setNotification'>;

export interface CallSdkSync {
  update(state: CallSessionState): void;
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

export function createCallSdkSync(sdk: CallSdk, onError: (error: unknown) => void = () => {}): CallSdkSync {
  let shownFor: string | null = null;
  let focus = false;
  let badge: number | null = null;
  const run = (command: Promise<void>) => void command.catch(onError);

  return {
    update(state) {
      const ringing = ringingCallId(state);
      if (ringing !== null && ringing !== shownFor) run(sdk.showWindow());
      shownFor = ringing;
      const wantsFocus = wantsFocusMode(state);
      if (wantsFocus !== focus) run(sdk.setFocusMode(wantsFocus));
      focus = wantsFocus;
      if (state.missedCount !== null && state.missedCount !== badge) run(sdk.setNotification(state.missedCount));
      badge = state.missedCount;
    },
    windowShown() {
      if (focus) run(sdk.setFocusMode(true));
    },
  };
}
