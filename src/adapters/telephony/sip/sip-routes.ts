import type { ReceiveReportedInboundCallInput, ReceiveReportedInboundCallResult, ReportCallEventInput, ReportCallEventResult, ReportedCallEvent } from '@/application/calls';
import type { CallView } from '@/application/ports/call-view';
import type { SipAccountStore } from '@/adapters/db/sip-account-store';
import type { CallEventSubscriber } from '@/application/ports/call-events.port';
import type { Logger } from '@/application/ports/logger.port';
import type { TelephonyProviderName } from '../provider-names';
import { ok, parseRouteInput, TelephonyRouteError, type TelephonyAgent, type TelephonyHttpRequest, type TelephonyRoute } from '../plugin';
import { createCallQualityLog, type CallQualityLog } from './sip-call-quality-log';
import { sipRegistration } from './sip-registration';
import { sipAccountBodySchema, sipCallEventBodySchema, sipCallIdParamsSchema, sipIncomingBodySchema, type SipCallEventBody } from './sip-route.schema';
import { sipFinalResponseStatus } from './sip-status';
import { sipProviderCallId } from './sip-telephony-provider';

/** A company's telephony settings as the SIP routes need them. */
export interface CompanyTelephony {
  readonly provider: TelephonyProviderName;
  readonly sipWebSocketUrl: string | null;
  readonly sipDomain: string | null;
  readonly companyPhoneNumber: string | null;
  /** The company's "Record calls" setting: the window records its calls. */
  readonly recordCalls: boolean;
}

export interface SipRouteDeps {
  readonly accounts: SipAccountStore;
  readonly companyTelephony: (companyId: number) => Promise<CompanyTelephony>;
  readonly receiveReportedInboundCall: (input: ReceiveReportedInboundCallInput) => Promise<ReceiveReportedInboundCallResult>;
  readonly reportCallEvent: (input: ReportCallEventInput) => Promise<ReportCallEventResult>;
  /** The window's view of a call (as the call routes answer it). */
  readonly present: (view: CallView) => Promise<unknown>;
  readonly now: () => number;
  /** Where poor call quality is logged (`warn`, once per poor episode). */
  readonly logger: Logger;
  /** A call that ended however it ended (the agent's hang-up too) closes its poor-quality episode. */
  readonly callEvents: CallEventSubscriber;
}

const JSON_LIMIT = 2 * 1024;

/** The window's SIP routes (docs/REAL-CALLS.md, "Wire contract between window and server"). */
export function createSipRoutes(deps: SipRouteDeps): Record<string, TelephonyRoute> {
  const quality = createCallQualityLog(deps.logger);
  deps.callEvents.subscribe('call.ended', (ended) => quality.forget(ended.callId));
  return {
    account: { caller: 'window', maxBodyBytes: JSON_LIMIT, methods: { GET: (request) => getAccount(deps, request), PUT: (request) => putAccount(deps, request) } },
    registration: { caller: 'window', maxBodyBytes: JSON_LIMIT, methods: { GET: (request) => getRegistration(deps, request) } },
    incoming: { caller: 'window', maxBodyBytes: JSON_LIMIT, methods: { POST: (request) => postIncoming(deps, request) } },
    'calls/:callId/events': { caller: 'window', maxBodyBytes: JSON_LIMIT, methods: { POST: (request) => postCallEvent(deps, quality, request) } },
  };
}

async function presentAccount(deps: SipRouteDeps, agent: TelephonyAgent) {
  const account = await deps.accounts.find(agent);
  return ok({ username: account?.username ?? null, passwordSet: account !== undefined, callerId: account?.callerId ?? null });
}

async function getAccount(deps: SipRouteDeps, request: TelephonyHttpRequest) {
  return presentAccount(deps, await request.agent());
}

async function putAccount(deps: SipRouteDeps, request: TelephonyHttpRequest) {
  const agent = await request.agent();
  const body = parseRouteInput(sipAccountBodySchema, request.body);
  const stored = body.callerId === undefined ? await deps.accounts.find(agent) : undefined;
  const callerId = body.callerId === undefined ? (stored?.callerId ?? null) : body.callerId;
  const isSaved = await deps.accounts.save(agent, { username: body.username, password: body.password, callerId }, deps.now());
  if (!isSaved) throw new TelephonyRouteError('INVALID_REQUEST', 'password: required, no SIP password is stored yet');
  return presentAccount(deps, agent);
}

/** The company's SIP server, or the refusal the window shows. */
async function sipServerOf(deps: SipRouteDeps, companyId: number): Promise<{ webSocketUrl: string; domain: string; recordCalls: boolean }> {
  const telephony = await deps.companyTelephony(companyId);
  if (telephony.provider !== 'sip') throw new TelephonyRouteError('SIP_PROVIDER_NOT_SELECTED', `The company uses the ${telephony.provider} provider, not SIP.`);
  if (telephony.sipWebSocketUrl === null || telephony.sipDomain === null) {
    throw new TelephonyRouteError('SIP_NOT_CONFIGURED');
  }
  return { webSocketUrl: telephony.sipWebSocketUrl, domain: telephony.sipDomain, recordCalls: telephony.recordCalls };
}

async function getRegistration(deps: SipRouteDeps, request: TelephonyHttpRequest) {
  const agent = await request.agent();
  const server = await sipServerOf(deps, agent.companyId);
  const account = await deps.accounts.find(agent);
  if (account === undefined) throw new TelephonyRouteError('SIP_ACCOUNT_MISSING');
  // Whether to record rides along: the window reads it on every (re)registration.
  return ok({ ...sipRegistration(server, account, agent.name), recordCalls: server.recordCalls });
}

async function postIncoming(deps: SipRouteDeps, request: TelephonyHttpRequest) {
  const agent = await request.agent();
  const body = parseRouteInput(sipIncomingBodySchema, request.body);
  const telephony = await deps.companyTelephony(agent.companyId);
  if (telephony.provider !== 'sip') throw new TelephonyRouteError('SIP_PROVIDER_NOT_SELECTED', `The company uses the ${telephony.provider} provider, not SIP.`);
  // Our side of the call for the log: the number called, else the company number, else the agent's SIP username.
  const to = body.to !== '' ? body.to : (telephony.companyPhoneNumber ?? (await deps.accounts.find(agent))?.username ?? '');
  const received = await deps.receiveReportedInboundCall({
    companyId: agent.companyId,
    userId: agent.userId,
    providerCallId: sipProviderCallId(body.sipCallId),
    from: body.from,
    to,
  });
  if (!received.ok) throw new TelephonyRouteError('NOT_YOUR_CALL', 'This call belongs to another company.');
  return ok({ callId: received.callId }, 201);
}

async function postCallEvent(deps: SipRouteDeps, quality: CallQualityLog, request: TelephonyHttpRequest) {
  const agent = await request.agent();
  const { callId } = parseRouteInput(sipCallIdParamsSchema, request.params);
  const body = parseRouteInput(sipCallEventBodySchema, request.body);
  const reported = await deps.reportCallEvent({ companyId: agent.companyId, userId: agent.userId, callId, event: toReportedEvent(body) });
  if (!reported.ok && reported.error.code === 'CALL_NOT_FOUND') throw new TelephonyRouteError('CALL_NOT_FOUND');
  if (!reported.ok) throw new TelephonyRouteError('NOT_YOUR_CALL');
  if (body.type === 'alive') quality.observe(callId, body.quality);
  else if (body.type !== 'ringing' && body.type !== 'answered') quality.forget(callId);
  return ok({ call: await deps.present(reported.call) });
}

/** The window's SIP words → the provider-neutral report the application applies. */
export function toReportedEvent(body: SipCallEventBody): ReportedCallEvent {
  switch (body.type) {
    case 'alive':
      return { kind: 'alive' };
    case 'ringing':
      return { kind: 'status', status: 'ringing' };
    case 'answered':
      return { kind: 'status', status: 'answered', providerCallId: sipProviderCallId(body.sipCallId) };
    case 'remote_ended':
      return { kind: 'status', status: 'remote_ended' };
    case 'failed':
      // The window's reason text is not logged: only the SIP code, which says what happened.
      return { kind: 'status', status: sipFinalResponseStatus(body.sipStatus), reason: `sip ${body.sipStatus}` };
  }
}
