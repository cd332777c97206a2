import { applyCallEvent, createCall, recordBusyInboundCall, type Call, type NewCall } from '@/domain/call';
import { routeInboundCall, startRinging, type MissedCallReason, type RingingCall } from '@/domain/routing';
import type { CallerInfo } from '@/application/ports/caller-info';
import type { CallRecord, MissedBy } from '@/application/ports/call-store.port';
import type { CallView } from '@/application/ports/call-view';
import type { CallSettings } from '@/application/ports/company-settings.port';
import { lastDigits } from '@/application/ports/logger.port';
import { findBusyUserIds } from './agent-calls';
import type { CallDeps } from './call-deps';
import { insertCall } from './call-commits';
import { toCallView } from './call-view';
import { defaultCallLink, lookUpCaller } from './look-up-caller';
import { pushMissedCallCounts } from './missed-call-counts';

export interface ReceiveInboundCallInput {
  readonly companyId: number;
  /** The caller's number as the provider or the Control Center gave it. */
  readonly from: string;
  /** The number dialled (ours), when known. */
  readonly to?: string | undefined;
  /** A user id, email or name of the company; blank rings every available agent. */
  readonly agent?: string | undefined;
  /** The provider's id for the call: a repeated webhook with the same id is a duplicate. */
  readonly providerCallId?: string | undefined;
  readonly source: 'control_center' | 'webhook' | 'twilio' | 'sip';
}

/** Why nobody's window rang. `agent_not_found`: the agent asked for is not online in the company. */
export type InboundMissedReason = MissedCallReason | 'agent_not_found';

export type ReceiveInboundCallResult =
  | { readonly kind: 'ringing'; readonly call: CallView; readonly ringingUserIds: readonly number[] }
  | { readonly kind: 'missed'; readonly call: CallView; readonly reason: InboundMissedReason }
  /**
   * The provider call id was seen before (webhook retry): nothing happened again.
   * `ringingUserIds`: who it still rings for, so a provider can be answered the same way again.
   */
  | { readonly kind: 'duplicate'; readonly call: CallView; readonly ringingUserIds: readonly number[] };

type Deps = Pick<
  CallDeps,
  'calls' | 'events' | 'crm' | 'preferences' | 'presence' | 'notifier' | 'ringTimeouts' | 'clock' | 'ids' | 'settings' | 'logger'
>;

/**
 * An inbound call arrives (Control Center, generic webhook, Twilio). It is routed (only agents
 * of the company; a named agent alone; never an agent already in a call), the caller is looked up,
 * and every tab of the chosen agents rings until someone answers or the ring timeout. With nobody
 * to ring, it is stored straight away as a missed call and the badge counts go up.
 *
 * The lookup runs before ringing so the window pops up with the caller's name; the CRM adapter
 * bounds its latency, and a failed lookup rings as an unknown caller.
 */
export async function receiveInboundCall(deps: Deps, input: ReceiveInboundCallInput): Promise<ReceiveInboundCallResult> {
  const { companyId } = input;
  // Settings are cached per company; the early lookup needs the company's region.
  const settings = await deps.settings.get(companyId);
  const early = startEarlyLookup(deps, input, settings);
  if (early !== undefined) await yieldToEventLoop();
  // Independent reads at once (the caller waits on the line): a duplicate only wastes the others.
  const [duplicate, sessions, busy] = await Promise.all([
    findDuplicate(deps, input),
    deps.presence.listAvailableSessions(companyId),
    findBusyUserIds(deps, companyId),
  ]);
  if (duplicate !== undefined) return duplicate;

  const routed = routeInboundCall({ companyId, agent: input.agent }, sessions, busy);

  const lookupUserId = !routed.ok
    ? undefined
    : routed.decision.kind === 'ring'
      ? routed.decision.agents[0]?.userId
      : routed.decision.missedByUserIds[0];
  const caller =
    early !== undefined && early.userId === lookupUserId
      ? await early.caller
      : await lookUpCaller(deps, {
          account: { companyId, ...(lookupUserId === undefined ? {} : { userId: lookupUserId }) },
          number: input.from,
          defaultRegion: settings.defaultRegion,
        });
  const newCall = toNewCall(deps, input, settings, caller);
  const now = deps.clock.now();

  if (routed.ok && routed.decision.kind === 'ring') {
    const ringing = startRinging(newCall.id, companyId, routed.decision.agents);
    return ring(deps, settings, ringCall(newCall, now), ringing, caller);
  }
  if (routed.ok && routed.decision.kind === 'missed' && routed.decision.callEvent === 'busy') {
    const missedBy: MissedBy = { scope: 'agents', userIds: routed.decision.missedByUserIds };
    return recordMissed(deps, settings, mustApply(recordBusyInboundCall(newCall, now)), caller, missedBy, routed.decision.reason);
  }
  const reason: InboundMissedReason = routed.ok && routed.decision.kind === 'missed' ? routed.decision.reason : 'agent_not_found';
  const unanswered = applyCallEvent(createCall(newCall, now), { type: 'no_answer' }, now);
  return recordMissed(deps, settings, mustApply(unanswered), caller, { scope: 'company' }, reason);
}

/**
 * The caller lookup (a Pipedrive round trip) is the longest step of a screen-pop. When the webhook
 * names the agent by user id, that agent is who the routing will pick (or report as missed by) and
 * whose account the lookup uses, so the lookup starts before the database reads instead of after
 * them. If the routing picks someone else after all (the agent is offline), this result is not
 * used and the lookup runs again for the right account; it only warmed the cache.
 */
function startEarlyLookup(
  deps: Deps,
  input: ReceiveInboundCallInput,
  settings: CallSettings,
): { readonly userId: number; readonly caller: Promise<CallerInfo> } | undefined {
  const agent = input.agent?.trim() ?? '';
  if (!/^[1-9][0-9]{0,15}$/.test(agent)) return undefined;
  const userId = Number(agent);
  const caller = lookUpCaller(deps, { account: { companyId: input.companyId, userId }, number: input.from, defaultRegion: settings.defaultRegion });
  // Never left unobserved when it goes unused (lookUpCaller reports failures as a status anyway).
  caller.catch(() => undefined);
  return { userId, caller };
}

/**
 * Lets the early lookup put its request on the wire before the database reads: with SQLite those
 * run synchronously and would otherwise all go first. One turn of the event loop.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function findDuplicate(
  deps: Pick<CallDeps, 'calls' | 'settings'>,
  input: ReceiveInboundCallInput,
): Promise<ReceiveInboundCallResult | undefined> {
  if (input.providerCallId === undefined) return undefined;
  const existing = await deps.calls.findByProviderCallId(input.providerCallId);
  if (existing === undefined) return undefined;
  const settings = await deps.settings.get(existing.call.companyId);
  const { ringing, call } = existing;
  const ringingUserIds =
    call.state === 'ringing' && ringing !== null && ringing.claimedBy === null
      ? ringing.ringingUserIds.filter((userId) => !ringing.declinedUserIds.includes(userId))
      : [];
  return { kind: 'duplicate', call: toCallView(existing, { gracePeriodMs: settings.wrapUpGracePeriodMs }), ringingUserIds };
}

function toNewCall(deps: Pick<CallDeps, 'ids'>, input: ReceiveInboundCallInput, settings: CallSettings, caller: CallerInfo): NewCall {
  const link = defaultCallLink(caller);
  return {
    id: deps.ids.newCallId(),
    direction: 'inbound',
    companyId: input.companyId,
    remoteNumber: input.from,
    ...(input.to === undefined ? {} : { localNumber: input.to }),
    ...(input.providerCallId === undefined ? {} : { providerCallId: input.providerCallId }),
    ...(settings.defaultRegion === undefined ? {} : { defaultRegion: settings.defaultRegion }),
    ...link,
  };
}

function ringCall(newCall: NewCall, now: number): Call {
  return mustApply(applyCallEvent(createCall(newCall, now), { type: 'ring' }, now));
}

/** Transitions of a brand-new call cannot be refused; a refusal is a bug. */
function mustApply(result: ReturnType<typeof applyCallEvent>): Call {
  if (!result.ok) throw new Error(`new inbound call refused ${result.error.event} from ${result.error.from}`);
  return result.call;
}

async function ring(
  deps: Deps,
  settings: CallSettings,
  call: Call,
  ringing: RingingCall,
  caller: CallerInfo,
): Promise<ReceiveInboundCallResult> {
  const record: CallRecord = { call, ringing, agentTabId: null, caller, missedBy: null, isCallLogged: false };
  const inserted = await insertCall(deps, record);
  if (!inserted.ok) return duplicateOf(deps, call);
  const dueAt = (call.timestamps.ringingAt ?? call.timestamps.createdAt) + settings.ringTimeoutMs;
  await deps.ringTimeouts.schedule({ companyId: call.companyId, callId: call.id, dueAt });
  const view = toCallView(inserted.stored, { gracePeriodMs: settings.wrapUpGracePeriodMs });
  await deps.notifier.ringAgents(call.companyId, ringing.ringingUserIds, view);
  deps.logger.info(
    { callId: call.id, companyId: call.companyId, from: lastDigits(call.remoteNumber), agents: ringing.ringingUserIds },
    'inbound call ringing',
  );
  return { kind: 'ringing', call: view, ringingUserIds: ringing.ringingUserIds };
}

async function recordMissed(
  deps: Deps,
  settings: CallSettings,
  call: Call,
  caller: CallerInfo,
  missedBy: MissedBy,
  reason: InboundMissedReason,
): Promise<ReceiveInboundCallResult> {
  const record: CallRecord = { call, ringing: null, agentTabId: null, caller, missedBy, isCallLogged: false };
  const inserted = await insertCall(deps, record);
  if (!inserted.ok) return duplicateOf(deps, call);
  await pushMissedCallCounts(deps, call.companyId, missedBy);
  deps.logger.info(
    { callId: call.id, companyId: call.companyId, from: lastDigits(call.remoteNumber), reason },
    'inbound call missed without ringing',
  );
  return { kind: 'missed', call: toCallView(inserted.stored, { gracePeriodMs: settings.wrapUpGracePeriodMs }), reason };
}

/** Another instance stored the same provider call first (concurrent webhook retries). */
async function duplicateOf(deps: Pick<CallDeps, 'calls' | 'settings'>, call: Call): Promise<ReceiveInboundCallResult> {
  const input = { companyId: call.companyId, from: call.remoteNumber, providerCallId: call.providerCallId, source: 'webhook' } as const;
  const duplicate = await findDuplicate(deps, input);
  if (duplicate === undefined) throw new Error('call store reported a duplicate it cannot find');
  return duplicate;
}
