/** The SIP routes of docs/REAL-CALLS.md, over the window's one fetch wrapper. */
import type { ApiClient } from '@/ui/api-client';
import { ResponseShapeError } from '@/ui/api-types';
import type { CallEventReport, SoftphoneServer } from './softphone-types';
import type { IncomingSipCall, SipRegistration } from './sip-user-agent';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const REQUIRED = ['webSocketUrl', 'domain', 'uri', 'authorizationUser', 'realm', 'ha1'] as const;

export function parseRegistration(body: unknown): SipRegistration {
  if (!isRecord(body)) throw new ResponseShapeError('SIP registration');
  const required = REQUIRED.map((key) => body[key]);
  if (!required.every((value): value is string => typeof value === 'string' && value !== '')) throw new ResponseShapeError('SIP registration');
  const [webSocketUrl, domain, uri, authorizationUser, realm, ha1] = required as [string, string, string, string, string, string];
  const optional = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return { webSocketUrl, domain, uri, authorizationUser, realm, ha1, displayName: optional(body.displayName), callerId: optional(body.callerId) };
}

export function parseIncomingCallId(body: unknown): string {
  if (!isRecord(body) || typeof body.callId !== 'string' || body.callId === '') throw new ResponseShapeError('incoming SIP call');
  return body.callId;
}

/** The server's limit on the display name (`sipIncomingBodySchema`). */
const DISPLAY_NAME_MAX = 100;

/**
 * `POST /api/telephony/sip/incoming`'s body. `displayName` is optional on the wire: an INVITE
 * without one must leave it out, because the route refuses `null` (400) and the call never rang.
 */
export function incomingCallBody(call: IncomingSipCall): { sipCallId: string; from: string; to: string; displayName?: string } {
  const { sipCallId, from, to } = call;
  const displayName = call.displayName?.trim().slice(0, DISPLAY_NAME_MAX);
  return displayName ? { sipCallId, from, to, displayName } : { sipCallId, from, to };
}

const ignoreBody = () => undefined;

export function createSoftphoneServer(api: ApiClient): SoftphoneServer {
  return {
    registration: () => api.get('/api/telephony/sip/registration', parseRegistration),
    report: (callId, event) => api.post(`/api/telephony/sip/calls/${encodeURIComponent(callId)}/events`, event, ignoreBody),
    incoming: (call) => api.post('/api/telephony/sip/incoming', incomingCallBody(call), parseIncomingCallId),
  };
}

/** What the server hears of a call that never came up: the far end's final answer, or the caller giving up (CANCEL). */
export function failureReport(direction: 'inbound' | 'outbound', event: { sipStatus: number | null; cause: string }): CallEventReport {
  if (direction === 'inbound') return { type: 'remote_ended' };
  // No final response at all (transport error, no ACK): a server-side failure for the record.
  return { type: 'failed', sipStatus: event.sipStatus ?? 500, reason: event.cause };
}
