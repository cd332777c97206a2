import { callDurationSeconds } from '@/domain/call/call-duration';
import { isMissedCall, toPipedriveCallOutcome, type PipedriveCallOutcome } from '@/domain/call/call-outcome';
import type { Call, EpochMillis } from '@/domain/call/call.types';
import { formatPipedriveDateTime } from './pipedrive-format';
import type { CallLogPayload, WrapUpSettings } from './wrap-up.types';

export interface CallLogLinks {
  readonly personId?: number;
  readonly dealId?: number;
  readonly orgId?: number;
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
    ...(links.orgId === undefined ? {} : { org_id: links.orgId }),
    ...(links.dealId === undefined ? {} : { deal_id: links.dealId }),
    ...(links.noteHtml ? { note: links.noteHtml } : {}),
  };
}

/**
 * "Inbound call from Ada Lovelace", "Outbound call to +442079460958", "Missed call from ...",
 * "Rejected call from ...": a call the agent declined is called rejected everywhere (the window,
 * History and Pipedrive), not missed.
 */
export function callSubject(call: Call, personName: string | undefined): string {
  const who = personName?.trim() || call.remoteNumber;
  if (isMissedCall(call)) return call.outcome === 'rejected' ? `Rejected call from ${who}` : `Missed call from ${who}`;
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

/**
 * Only numbers the call really had, never a placeholder. Ours is the number the provider says the
 * call came to or went out from (for SIP the route already fell back to the company number, then
 * the agent's SIP username, as CONTRACT "Real calls over SIP" says), else the company's number.
 * An unknown `from` is left out (Pipedrive does not require it). `to` is required: an inbound call
 * with no number of ours known at all (a webhook without `to`, the Control Center, no company
 * number in Settings) names the caller's number, the one real number the call had, rather than
 * inventing one; Pipedrive records no direction, and the subject says "Inbound call from".
 */
function callLogNumbers(call: Call, settings: WrapUpSettings): { from: string | undefined; to: string } {
  const ours = call.localNumber ?? settings.companyPhoneNumber;
  return call.direction === 'inbound'
    ? { from: call.remoteNumber, to: ours ?? call.remoteNumber }
    : { from: ours, to: call.remoteNumber };
}
