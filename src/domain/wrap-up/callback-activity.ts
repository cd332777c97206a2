import { isMissedCall } from '@/domain/call/call-outcome';
import type { Call } from '@/domain/call/call.types';
import { formatPipedriveDate } from './pipedrive-format';
import { writeIdempotencyKey } from './write-idempotency-key';
import type { PipedriveWrite, WrapUpSettings } from './wrap-up.types';

export interface CallbackPerson {
  readonly personId?: number;
  /** Key of the write creating the person, when the person does not exist yet. */
  readonly personIdFromWrite?: string;
  readonly personName?: string;
  readonly orgId?: number;
}

/**
 * A "Call back" activity for a missed call, due the day it was missed, when the company asked for
 * one. It is planned together with the call log (with its own key), so it is created once too.
 */
export function callbackActivityWrites(
  call: Call,
  who: CallbackPerson,
  settings: WrapUpSettings,
): PipedriveWrite[] {
  if (!settings.createCallbackForMissedCalls || !isMissedCall(call)) return [];
  const name = who.personName?.trim() || call.remoteNumber;
  return [
    {
      kind: 'create_activity',
      purpose: 'callback_activity',
      idempotencyKey: writeIdempotencyKey(call.id, 'callback_activity'),
      ...(who.personIdFromWrite === undefined ? {} : { personIdFromWrite: who.personIdFromWrite }),
      payload: {
        subject: `Call back ${name}`,
        type: 'call',
        due_date: formatPipedriveDate(call.timestamps.endedAt ?? call.timestamps.createdAt),
        done: false,
        ...(call.agentUserId === null ? {} : { user_id: call.agentUserId }),
        ...(who.personId === undefined ? {} : { person_id: who.personId }),
        ...(who.orgId === undefined ? {} : { org_id: who.orgId }),
        ...(call.dealId === undefined ? {} : { deal_id: call.dealId }),
      },
    },
  ];
}
