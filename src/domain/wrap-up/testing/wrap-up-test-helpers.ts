import { applyAll, newCall } from '@/domain/call/testing/call-test-helpers';
import type { Call, CallEvent } from '@/domain/call/call.types';
import type { NewCall } from '@/domain/call/create-call';
import type { WrapUpSettings } from '@/domain/wrap-up/wrap-up.types';

export const SETTINGS: WrapUpSettings = { createCallbackForMissedCalls: false };

/** Created at T0, ringing at +1 s, answered at +2 s, ended at +3 s unless the path says otherwise. */
export function endedCall(
  direction: 'inbound' | 'outbound',
  path: CallEvent[] = [{ type: 'ring' }, { type: 'answer', agentUserId: 7 }, { type: 'remote_hang_up' }],
  overrides: Partial<NewCall> = {},
): Call {
  return applyAll(newCall(direction, overrides), path);
}

export const MISSED_PATH: CallEvent[] = [{ type: 'ring' }, { type: 'no_answer' }];
