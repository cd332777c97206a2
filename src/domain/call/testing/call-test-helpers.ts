import { applyCallEvent } from '@/domain/call/apply-call-event';
import { createCall, type NewCall } from '@/domain/call/create-call';
import type { Call, CallDirection, CallEvent, CallState } from '@/domain/call/call.types';

export const T0 = Date.UTC(2026, 2, 14, 9, 30, 0);

export function newCall(direction: CallDirection, overrides: Partial<NewCall> = {}): Call {
  return createCall(
    {
      id: 'call-1',
      direction,
      companyId: 100,
      remoteNumber: '+44 20 7946 0958',
      localNumber: '+14155550134',
      ...overrides,
    },
    T0,
  );
}

/** Applies events one second apart; fails the test if any of them is refused. */
export function applyAll(call: Call, events: CallEvent[], startAt = T0 + 1000): Call {
  return events.reduce((current, event, index) => {
    const result = applyCallEvent(current, event, startAt + index * 1000);
    if (!result.ok) throw new Error(`setup: ${event.type} refused from ${current.state}`);
    return result.call;
  }, call);
}

const PATH_TO: Record<CallState, CallEvent[]> = {
  idle: [],
  ringing: [{ type: 'ring' }],
  connected: [{ type: 'ring' }, { type: 'answer', agentUserId: 7 }],
  ended: [{ type: 'ring' }, { type: 'answer', agentUserId: 7 }, { type: 'local_hang_up' }],
  wrapped_up: [
    { type: 'ring' },
    { type: 'answer', agentUserId: 7 },
    { type: 'local_hang_up' },
    { type: 'wrap_up' },
  ],
};

export function callIn(state: CallState, direction: CallDirection): Call {
  return applyAll(newCall(direction), PATH_TO[state]);
}
