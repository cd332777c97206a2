import type { StoredCall } from '@/application/ports/call-store.port';
import type { CallView } from '@/application/ports/call-view';
import { findHeldCall } from './agent-calls';
import type { CallDeps } from './call-deps';
import { toCallView } from './call-view';

export type ResumeActiveCallResult =
  /** The agent holds a call (connected, or outbound dialling): show the dialer on it. */
  | { readonly kind: 'in_call'; readonly call: CallView }
  /** Inbound calls ringing for the agent right now: ring again in this window. */
  | { readonly kind: 'ringing'; readonly calls: readonly CallView[] }
  /** The agent's last call ended and still waits for its wrap-up (within the grace period). */
  | { readonly kind: 'wrap_up'; readonly call: CallView }
  | { readonly kind: 'idle' };

/** How many recent calls to look through for one awaiting a wrap-up. */
const RECENT_CALLS = 10;

/**
 * A window (re)connects (reload, new tab, network back, server restarted): it gets the call it
 * should show, read from the call store, so nothing depends on the memory of an instance.
 */
export async function resumeActiveCall(
  deps: Pick<CallDeps, 'calls' | 'settings' | 'clock'>,
  input: { readonly companyId: number; readonly userId: number },
): Promise<ResumeActiveCallResult> {
  const { companyId, userId } = input;
  const settings = await deps.settings.get(companyId);
  const view = (stored: StoredCall) => toCallView(stored, { gracePeriodMs: settings.wrapUpGracePeriodMs, now: deps.clock.now() });

  const held = await findHeldCall(deps, companyId, userId);
  if (held !== undefined) return { kind: 'in_call', call: view(held) };

  const active = await deps.calls.listActiveCalls(companyId);
  const ringing = active.filter((stored) => isRingingFor(stored, userId));
  if (ringing.length > 0) return { kind: 'ringing', calls: ringing.map(view) };

  const recent = await deps.calls.listHistory({ companyId, userId, limit: RECENT_CALLS });
  const awaiting = recent.find(
    (stored) => stored.call.state === 'ended' && stored.call.agentUserId === userId && !stored.isCallLogged,
  );
  return awaiting === undefined ? { kind: 'idle' } : { kind: 'wrap_up', call: view(awaiting) };
}

function isRingingFor(stored: StoredCall, userId: number): boolean {
  const { ringing, call } = stored;
  if (call.state !== 'ringing' || ringing === null || ringing.claimedBy !== null) return false;
  return ringing.ringingUserIds.includes(userId) && !ringing.declinedUserIds.includes(userId);
}
