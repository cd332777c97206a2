import { isActiveCall } from '@/application/ports/call-record';
import type { HeartbeatCall } from '@/application/ports/call-heartbeats.port';
import { applyProviderCallUpdate } from './apply-provider-call-update';
import type { CallDeps } from './call-deps';

/** A window reports every 10 s while a call is live in it; three missed reports mean it is gone (default of SIP_SILENT_CALL_MS). */
export const SILENT_CALL_MS = 30_000;

const BATCH = 100;

export interface EndSilentCallsResult {
  readonly ended: number;
}

type Deps = Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'presence' | 'notifier' | 'ringTimeouts' | 'clock' | 'settings' | 'logger' | 'heartbeats'>;

/**
 * The vanished-window rule: a call whose media lives in a window (SIP) and that no window has
 * reported on for `silenceMs` (SIP_SILENT_CALL_MS, 30 s by default) is ended by the server (`failed`, ended by the system), then
 * logged like any ended call. Inbound calls still ringing are left to their ring timeout: ringing
 * windows need not report, and the timeout ends them anyway. Runs on every instance: the
 * heartbeats are shared and ending a call twice is refused by its state machine.
 */
export async function endSilentCalls(deps: Deps, silenceMs: number = SILENT_CALL_MS): Promise<EndSilentCallsResult> {
  const silentSince = deps.clock.now() - silenceMs;
  const silent = await deps.heartbeats.listSilentSince(silentSince, BATCH);
  let ended = 0;
  for (const entry of silent) {
    if (await endSilentCall(deps, entry, silentSince)) ended += 1;
  }
  return { ended };
}

async function endSilentCall(deps: Deps, entry: HeartbeatCall, silentSince: number): Promise<boolean> {
  const stored = await deps.calls.get(entry.companyId, entry.callId);
  if (stored === undefined || !isActiveCall(stored)) {
    await deps.heartbeats.forget(entry.callId);
    return false;
  }
  if (stored.call.direction === 'inbound' && stored.call.state === 'ringing') return false;
  // Answering (POST /api/calls/<id>/answer) is a sign of life too: the window's first report follows.
  if ((stored.call.timestamps.answeredAt ?? 0) >= silentSince) return false;
  const applied = await applyProviderCallUpdate(deps, {
    providerCallId: stored.call.providerCallId ?? stored.call.id,
    call: { companyId: entry.companyId, id: entry.callId },
    status: 'failed',
    reason: 'window_silent',
  });
  await deps.heartbeats.forget(entry.callId);
  const isEnded = applied.ok && applied.kind === 'applied';
  if (isEnded) deps.logger.warn({ callId: entry.callId, companyId: entry.companyId, silentSince }, 'call ended: no window reported on it');
  return isEnded;
}
