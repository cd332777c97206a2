import { applyCallEvent, createCall, type Call } from '@/domain/call';
import type { Result } from '@/domain/errors';
import type { CallRecord } from '@/application/ports/call-store.port';
import type { CallerInfo } from '@/application/ports/caller-info';
import type { CallView } from '@/application/ports/call-view';
import type { CallSettings } from '@/application/ports/company-settings.port';
import { lastDigits } from '@/application/ports/logger.port';
import { TelephonyError } from '@/application/ports/telephony-error';
import { findHeldCall } from './agent-calls';
import type { CallDeps } from './call-deps';
import { insertCall } from './call-commits';
import type { CallAgentBusyError, CallNumberInvalidError, CallTelephonyFailedError } from './call-errors';
import { toCallView } from './call-view';
import { toDialNumber, type DialNumber } from './dial-number';
import { announceCallChange } from './end-unanswered-call';
import { defaultCallLink, lookUpCalledPerson, lookUpCaller } from './look-up-caller';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';
import { tellProvider } from './tell-provider';

export interface PlaceOutboundCallInput {
  readonly companyId: number;
  readonly agentUserId: number;
  /** The window placing the call: it holds the call. */
  readonly tabId: string;
  /** As typed or as stored in Pipedrive; normalized with the company's region. */
  readonly number: string;
  /** Set when calling from a contact row, a person or a deal page. */
  readonly personId?: number | undefined;
  readonly dealId?: number | undefined;
  /** Where the call was started (logs only). */
  readonly source: 'contact' | 'dial_pad' | 'phone_click';
}

export type PlaceOutboundCallError = CallNumberInvalidError | CallAgentBusyError | CallTelephonyFailedError;

export type PlaceOutboundCallResult = Result<{ readonly call: CallView }, PlaceOutboundCallError>;

type Deps = Pick<
  CallDeps,
  | 'calls'
  | 'unitOfWork'
  | 'events'
  | 'crm'
  | 'preferences'
  | 'presence'
  | 'notifier'
  | 'telephony'
  | 'providers'
  | 'ringTimeouts'
  | 'clock'
  | 'ids'
  | 'settings'
  | 'logger'
>;

/**
 * The agent calls a number (contact row, dial pad, a phone link in Pipedrive). The number is
 * normalized (or kept as typed for providers that dial as typed: SIP extensions), the person and
 * open deals looked up (or the given person fetched), the call stored and handed to the company's
 * provider. Progress (ringing, answered, busy) arrives later as provider
 * updates; the mock rings at once and connects after about two seconds.
 */
export async function placeOutboundCall(deps: Deps, input: PlaceOutboundCallInput): Promise<PlaceOutboundCallResult> {
  const { companyId, agentUserId } = input;
  const [settings, provider] = await Promise.all([deps.settings.get(companyId), deps.providers.forCompany(companyId)]);
  const number = toDialNumber(input.number, { dialsAsTyped: provider.dialsAsTyped === true, defaultRegion: settings.defaultRegion });
  if (!number.ok) return number;
  const held = await findHeldCall(deps, companyId, agentUserId);
  if (held !== undefined) return { ok: false, error: { code: 'CALL_AGENT_BUSY', activeCallId: held.call.id } };

  const caller = await lookUpOutbound(deps, input, number.lookup, settings);
  const call = newOutboundCall(deps, input, number, settings, caller);
  const inserted = await insertHeldCall(deps, { call, ringing: null, agentTabId: input.tabId, caller, missedBy: null, isCallLogged: false });
  if (!inserted.ok) return inserted;
  deps.logger.info({ callId: call.id, companyId, agentUserId, to: lastDigits(call.remoteNumber), source: input.source }, 'placing outbound call');

  try {
    const { providerCallId, callerId } = await provider.placeCall({
      callId: call.id,
      companyId,
      agentUserId,
      to: call.remoteNumber,
      ...(settings.companyPhoneNumber === undefined ? {} : { from: settings.companyPhoneNumber }),
    });
    const saved = await rememberProviderCallId(deps, call, providerCallId, callerId);
    const view = toCallView(saved, { gracePeriodMs: settings.wrapUpGracePeriodMs });
    await deps.notifier.callUpdated(companyId, [agentUserId], view);
    return { ok: true, call: view };
  } catch (error) {
    // Whatever went wrong, the stored call must not stay idle: it would keep the agent busy.
    return failPlacedCall(deps, call, error);
  }
}

/** Tries the held-call insert again when the call that held the agent ended meanwhile. */
const INSERT_ATTEMPTS = 3;

/**
 * Stores the new call. The busy check before it is only advisory: two dials (or a dial and an
 * answer) on different instances both pass it, and the store's agent-busy index lets one win.
 */
async function insertHeldCall(deps: Deps, record: CallRecord): Promise<Result<object, CallAgentBusyError>> {
  for (let attempt = 1; attempt <= INSERT_ATTEMPTS; attempt += 1) {
    const inserted = await insertCall(deps, record);
    if (inserted.ok) return { ok: true };
    if (inserted.error.code === 'CALL_STORE_DUPLICATE') throw new Error('a freshly generated call id already exists');
    if (inserted.error.activeCallId !== null) return { ok: false, error: { code: 'CALL_AGENT_BUSY', activeCallId: inserted.error.activeCallId } };
  }
  throw new Error(`call store contention: the agent's calls kept changing during ${INSERT_ATTEMPTS} inserts`);
}

async function lookUpOutbound(deps: Deps, input: PlaceOutboundCallInput, e164: string, settings: CallSettings): Promise<CallerInfo> {
  const lookup = {
    account: { companyId: input.companyId, userId: input.agentUserId },
    number: e164,
    defaultRegion: settings.defaultRegion,
  };
  return input.personId === undefined
    ? lookUpCaller(deps, lookup)
    : lookUpCalledPerson(deps, { ...lookup, personId: input.personId });
}

function newOutboundCall(deps: Deps, input: PlaceOutboundCallInput, number: DialNumber, settings: CallSettings, caller: CallerInfo): Call {
  // What the agent clicked on wins over what the lookup suggests.
  const link = input.personId === undefined ? defaultCallLink(caller) : { personId: input.personId, dealId: input.dealId };
  return createCall(
    {
      id: deps.ids.newCallId(),
      direction: 'outbound',
      companyId: input.companyId,
      agentUserId: input.agentUserId,
      remoteNumber: number.dial,
      ...(settings.companyPhoneNumber === undefined ? {} : { localNumber: settings.companyPhoneNumber }),
      ...(link.personId === undefined ? {} : { personId: link.personId }),
      ...(link.dealId === undefined ? {} : { dealId: link.dealId }),
      ...(settings.defaultRegion === undefined ? {} : { defaultRegion: settings.defaultRegion }),
    },
    deps.clock.now(),
  );
}

/**
 * Saves the provider's id unless an update already did (it may beat placeCall's answer), and the
 * caller ID the provider presents (the call log's `from`) when it knows one.
 */
async function rememberProviderCallId(deps: Deps, call: Call, providerCallId: string, callerId: string | undefined) {
  const outcome = await mutateCall(deps, callLoader(deps, call.companyId, call.id), (stored): CallMutation<undefined> => {
    const isIdNew = stored.call.providerCallId === undefined;
    const isCallerIdNew = callerId !== undefined && stored.call.localNumber !== callerId;
    if (!isIdNew && !isCallerIdNew) return { kind: 'keep', result: undefined };
    const next = { ...stored.call, ...(isIdNew ? { providerCallId } : {}), ...(isCallerIdNew ? { localNumber: callerId } : {}) };
    return { kind: 'save', record: { ...stored, call: next }, result: undefined };
  });
  if (!outcome.found) throw new Error('an outbound call vanished from the call store');
  return outcome.stored;
}

/**
 * The provider refused (`TelephonyError`) or something unexpected failed after the call was
 * stored: the call ends as failed, which frees the agent, and the window hears both ways (the
 * error answer and `call:updated`). A provider leg that was already started is hung up.
 */
async function failPlacedCall(deps: Deps, call: Call, error: unknown): Promise<PlaceOutboundCallResult> {
  const now = deps.clock.now();
  const isRefusal = error instanceof TelephonyError;
  const reason = isRefusal ? error.kind : 'unexpected_error';
  const outcome = await mutateCall(deps, callLoader(deps, call.companyId, call.id), (stored): CallMutation<undefined> => {
    const failed = applyCallEvent(stored.call, { type: 'fail', reason }, now);
    return failed.ok
      ? { kind: 'save', record: { ...stored, call: failed.call }, result: undefined }
      : { kind: 'keep', result: undefined };
  });
  if (outcome.found) await announceCallChange(deps, outcome.stored);
  const providerCallId = outcome.found ? outcome.stored.call.providerCallId : undefined;
  if (providerCallId !== undefined) await tellProvider(deps, { callId: call.id, action: 'hang_up' }, () => deps.telephony.hangUp(providerCallId));
  if (isRefusal) deps.logger.warn({ callId: call.id, companyId: call.companyId, kind: error.kind }, 'provider refused to place a call');
  else deps.logger.error({ callId: call.id, companyId: call.companyId, err: error }, 'placing a call failed unexpectedly; the call is ended as failed');
  return { ok: false, error: { code: 'CALL_TELEPHONY_FAILED', callId: call.id, retryable: isRefusal ? error.retryable : false } };
}
