import { callDurationSeconds } from '@/domain/call/call-duration';
import { isMissedCall, toPipedriveCallOutcome, type PipedriveCallOutcome } from '@/domain/call/call-outcome';
import type { Call, EpochMillis } from '@/domain/call/call.types';
import { formatPipedriveDateTime } from './pipedrive-format';
import type { CallLogPayload, WrapUpSettings } from './wrap-up.types';

/** Pipedrive requires `to_phone_number`; this stands in for our side of an inbound call when nobody knows it. */
const UNKNOWN_NUMBER = 'unknown';

export interface CallLogLinks {
  readonly personId?: number;
  readonly dealId?: number;
  readonly personName?: string;
  readonly noteHtml?: string;
  readonly reportedOutcome?: PipedriveCallOutcome;
}

/** The Pipedrive call log of an ended call. */
export function buildCallLog(call: Call, links: CallLogLinks, settings: WrapUpSettings): CallLogPayload {
  const { start, end } = callLogPeriod(call);
  const { from, to } = callLogNumbers(call, settings);
  return {
    outcome: links.reportedOutcome ?? toPipedriveCallOutcome(call) ?? 'no_answer',
    ...(from === undefined ? {} : { from_phone_number: from }),
    to_phone_number: to,
    start_time: formatPipedriveDateTime(start),
    end_time: formatPipedriveDateTime(end),
    duration: String(callDurationSeconds(call)),
    subject: callSubject(call, links.personName),
    ...(call.agentUserId === null ? {} : { user_id: call.agentUserId }),
    ...(links.personId === undefined ? {} : { person_id: links.personId }),
    ...(links.dealId === undefined ? {} : { deal_id: links.dealId }),
    ...(links.noteHtml ? { note: links.noteHtml } : {}),
  };
}

/** "Inbound call from Ada Lovelace", "Outbound call to +442079460958", "Missed call from ...". */
export function callSubject(call: Call, personName: string | undefined): string {
  const who = personName?.trim() || call.remoteNumber;
  if (isMissedCall(call)) return `Missed call from ${who}`;
  return call.direction === 'inbound' ? `Inbound call from ${who}` : `Outbound call to ${who}`;
}

/**
 * An answered call is logged from answer to hang-up, so end - start equals the duration Pipedrive
 * shows: the end is derived from the rounded duration, because the times are written in whole
 * seconds and truncating both ends separately can disagree with it by a second. An unanswered call
 * spans the ringing (duration 0), so the log still shows when it rang.
 */
function callLogPeriod(call: Call): { start: EpochMillis; end: EpochMillis } {
  const { createdAt, ringingAt, answeredAt, endedAt } = call.timestamps;
  if (answeredAt !== undefined) return { start: answeredAt, end: answeredAt + callDurationSeconds(call) * 1000 };
  const start = ringingAt ?? createdAt;
  return { start, end: endedAt ?? start };
}

/** An unknown number of ours is left out where Pipedrive allows it (the caller of an outbound call). */
function callLogNumbers(call: Call, settings: WrapUpSettings): { from: string | undefined; to: string } {
  const ours = call.localNumber ?? settings.companyPhoneNumber;
  return call.direction === 'inbound'
    ? { from: call.remoteNumber, to: ours ?? UNKNOWN_NUMBER }
    : { from: ours, to: call.remoteNumber };
}
