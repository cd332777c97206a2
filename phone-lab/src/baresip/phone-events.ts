import type { BaresipEvent } from './control-connection';

/** What a lab phone reports, translated from baresip's event names. */
export type PhoneEvent =
  | { type: 'registered' }
  | { type: 'registration_failed'; reason: string }
  | { type: 'incoming'; callId: string; peerUri: string }
  /** 180/183 received for a call this phone placed. */
  | { type: 'ringing'; callId: string; peerUri: string }
  | { type: 'established'; callId: string; peerUri: string }
  /** statusCode: the SIP final response when the call failed (486, 480…), null for a hang-up. */
  | { type: 'closed'; callId: string; peerUri: string; reason: string; statusCode: number | null }
  | { type: 'dtmf'; callId: string; digit: string };

export type PhoneEventType = PhoneEvent['type'];
export type PhoneEventOf<T extends PhoneEventType> = Extract<PhoneEvent, { type: T }>;

export function translateBaresipEvent(event: BaresipEvent): PhoneEvent | null {
  const callId = event.id ?? '';
  const peerUri = event.peeruri ?? '';
  const param = event.param ?? '';
  switch (event.type) {
    case 'REGISTER_OK':
      return { type: 'registered' };
    case 'REGISTER_FAIL':
      return { type: 'registration_failed', reason: param };
    case 'CALL_INCOMING':
      return { type: 'incoming', callId, peerUri };
    case 'CALL_RINGING':
    case 'CALL_PROGRESS':
      return { type: 'ringing', callId, peerUri };
    case 'CALL_ESTABLISHED':
      return { type: 'established', callId, peerUri };
    case 'CALL_CLOSED':
      return { type: 'closed', callId, peerUri, reason: param, statusCode: statusCodeOf(param) };
    case 'CALL_DTMF_START':
      return param ? { type: 'dtmf', callId, digit: param } : null;
    default:
      return null;
  }
}

/** baresip closes a failed call with the response line as reason, e.g. "486 Busy Here". */
export function statusCodeOf(reason: string): number | null {
  const match = /^([1-6]\d\d)\b/.exec(reason.trim());
  return match ? Number(match[1]) : null;
}
