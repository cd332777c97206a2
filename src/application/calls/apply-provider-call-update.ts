import { applyCallEvent, type Call } from '@/domain/call';
import type { Result } from '@/domain/errors';
import type { StopRingingTarget } from '@/domain/routing';
import type { StoredCall } from '@/application/ports/call-store.port';
import type { CallView } from '@/application/ports/call-view';
import type { ProviderCallUpdate } from '@/application/ports/telephony-provider.port';
import type { CallDeps } from './call-deps';
import type { CallNotFoundError } from './call-errors';
import { toCallView } from './call-view';
import { announceCallChange, endUnansweredCall } from './end-unanswered-call';
import { mutateCall, type CallMutation } from './mutate-call';
import { callEventsForProviderStatus } from './provider-call-events';

export type ApplyProviderCallUpdateInput = ProviderCallUpdate;

export type ApplyProviderCallUpdateResult = Result<
  {
    /** `ignored`: a repeated, late or informative status; nothing changed. */
    readonly kind: 'applied' | 'ignored';
    readonly call: CallView;
  },
  CallNotFoundError
>;

type Deps = Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'presence' | 'notifier' | 'ringTimeouts' | 'clock' | 'settings' | 'logger'>;

interface Decision {
  readonly isStateChanged: boolean;
  readonly stopRingingFor: readonly StopRingingTarget[];
}

/**
 * A provider reports progress of a call: the callee rings or answers (outbound), the far end
 * hangs up, the line is busy. Late and repeated reports are normal and ignored. An inbound caller
 * hanging up while it rings ends the call as missed for the agents it was ringing.
 */
export async function applyProviderCallUpdate(
  deps: Deps,
  update: ApplyProviderCallUpdateInput,
): Promise<ApplyProviderCallUpdateResult> {
  const now = update.at ?? deps.clock.now();
  const load = async () =>
    (update.call === undefined ? undefined : await deps.calls.get(update.call.companyId, update.call.id)) ??
    (await deps.calls.findByProviderCallId(update.providerCallId));

  const outcome = await mutateCall(deps, load, (stored): CallMutation<Decision> => {
    // The update can beat the save of the provider id (placeCall has not returned yet).
    const call: Call = stored.call.providerCallId === undefined ? { ...stored.call, providerCallId: update.providerCallId } : stored.call;
    const isIdLearned = call !== stored.call;
    const events = callEventsForProviderStatus(update.status, call, update.reason);
    const unchanged: CallMutation<Decision> = isIdLearned
      ? { kind: 'save', record: { ...stored, call }, result: { isStateChanged: false, stopRingingFor: [] } }
      : { kind: 'keep', result: { isStateChanged: false, stopRingingFor: [] } };
    const [first] = events;
    if (first === undefined) return unchanged;

    // Inbound calls only ever get a single ending event from the provider (agents answer in the app).
    if (call.direction === 'inbound' && call.state !== 'connected') {
      const ended = endUnansweredCall({ ...stored, call }, first, now);
      if (ended === undefined) return unchanged;
      return { kind: 'save', record: ended.record, result: { isStateChanged: true, stopRingingFor: ended.stopRingingFor } };
    }
    let next = call;
    for (const event of events) {
      const applied = applyCallEvent(next, event, now);
      if (!applied.ok) break;
      next = applied.call;
    }
    if (next.state === call.state) return unchanged;
    return { kind: 'save', record: { ...stored, call: next }, result: { isStateChanged: true, stopRingingFor: [] } };
  });
  if (!outcome.found) return { ok: false, error: { code: 'CALL_NOT_FOUND', callId: update.call?.id ?? update.providerCallId } };

  const { stored, result } = outcome;
  if (result.isStateChanged) {
    await announceCallChange(deps, stored, result.stopRingingFor);
    logChange(deps, stored, update);
  }
  const settings = await deps.settings.get(stored.call.companyId);
  const view = toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs, now });
  return { ok: true, kind: result.isStateChanged ? 'applied' : 'ignored', call: view };
}

function logChange(deps: Pick<CallDeps, 'logger'>, stored: StoredCall, update: ProviderCallUpdate): void {
  deps.logger.info(
    { callId: stored.call.id, companyId: stored.call.companyId, status: update.status, state: stored.call.state },
    'provider call update applied',
  );
}
