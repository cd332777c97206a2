import type { StopRingingReason, WindowCallView } from '@/adapters/realtime/socket-events';
import { toWindowCallView } from '@/adapters/realtime/window-call-view';
import type { CallView } from '@/application/ports';
import type { CallPorts } from './call-ports';

/** The window's view of a call (docs/CALLS-API.md), with its wrap-up delivery status. */
export function createCallPresenter(ports: Pick<CallPorts, 'wrapUpStatusForCall'>) {
  return async (view: CallView): Promise<WindowCallView> => {
    // Writes exist once the call was wrapped up, or logged by the grace-period sweep (an ended call
    // with no automatic log due any more).
    const hasWrites = view.state === 'wrapped_up' || (view.state === 'ended' && view.automaticLogDueAt === null);
    const status = hasWrites ? await ports.wrapUpStatusForCall(view.id) : null;
    return toWindowCallView(view, status === null ? null : { status: status.status, savedItems: [...status.savedItems], error: status.error });
  };
}

/** Why a window stops ringing, in the words `call:stop_ringing` carries. */
export function createStopReason(ports: Pick<CallPorts, 'calls'>) {
  return async (companyId: number, callId: string): Promise<StopRingingReason> => {
    const stored = await ports.calls.get(companyId, callId);
    if (stored?.call.timestamps.answeredAt !== undefined) return 'answered_elsewhere';
    if (stored?.call.outcome === 'rejected') return 'rejected';
    return stored?.call.outcome === 'cancelled' ? 'caller_hung_up' : 'missed';
  };
}
