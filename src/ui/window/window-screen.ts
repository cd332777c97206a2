/**
 * Which screen the window shows. The call session (`calls/call-session-state.ts`) decides: no
 * call means home (tabs: contacts, missed calls, history); otherwise the call's own screen.
 */
import { callScreenOf, type CallSessionState } from '@/ui/calls/call-session-state';

export type WindowScreen = 'home' | 'incoming' | 'dialer' | 'follow-up';

export function windowScreenOf(session: CallSessionState): WindowScreen {
  const screen = callScreenOf(session);
  return screen === 'none' ? 'home' : screen;
}
