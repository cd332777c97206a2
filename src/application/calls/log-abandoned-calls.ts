import type { EpochMillis } from '@/domain/call';
import type { Call } from '@/domain/call';
import { decideAutomaticLog, planAutomaticCallLog, planWrapUpWrites, writeIdempotencyKey, type WrapUpContext, type WrapUpSettings } from '@/domain/wrap-up';
import type { StoredCall } from '@/application/ports/call-store.port';
import type { CallSettings } from '@/application/ports/company-settings.port';
import type { CallDeps } from './call-deps';
import { organizationOf, personNameOf } from './look-up-caller';
import { callLoader, mutateCall, type CallMutation } from './mutate-call';
import { includesCallLog, toOutboxEntries } from './outbox-entries';
import { wrapUpSettings } from './submit-wrap-up';

export interface LogAbandonedCallsResult {
  /** Calls whose automatic log was queued by this sweep. */
  readonly logged: readonly string[];
  /** The earliest time a call seen by this sweep falls due: when to sweep next at the latest. */
  readonly nextDueAt: EpochMillis | undefined;
}

type Deps = Pick<CallDeps, 'calls' | 'unitOfWork' | 'events' | 'outbox' | 'clock' | 'settings' | 'logger' | 'notesDrafts'>;

type Decision = { readonly kind: 'logged' } | { readonly kind: 'wait'; readonly until: EpochMillis } | { readonly kind: 'skip' };

/**
 * The grace-period sweep: every ended call nobody wrapped up in time is logged by the server with
 * what it knows (missed calls at once, handled calls after the grace period). The log and the
 * call's "logged" flag are committed together; a wrap-up racing with the sweep is caught by the
 * version check and becomes a late note. Run periodically (every ~30 s) by one or all instances:
 * idempotency keys make double runs harmless.
 */
export async function logAbandonedCalls(deps: Deps, options: { readonly limit?: number } = {}): Promise<LogAbandonedCallsResult> {
  const candidates = await deps.calls.listCallsAwaitingLog(options.limit ?? 50);
  const settingsOf = memoizedSettings(deps);
  const logged: string[] = [];
  let nextDueAt: EpochMillis | undefined;
  for (const candidate of candidates) {
    const settings = await settingsOf(candidate.call.companyId);
    const decision = await logIfDue(deps, candidate, settings);
    if (decision.kind === 'logged') logged.push(candidate.call.id);
    if (decision.kind === 'wait') nextDueAt = Math.min(nextDueAt ?? decision.until, decision.until);
  }
  if (logged.length > 0) deps.logger.info({ count: logged.length }, 'queued automatic call logs');
  return { logged, nextDueAt };
}

async function logIfDue(deps: Deps, candidate: StoredCall, settings: CallSettings): Promise<Decision> {
  const { companyId, id } = candidate.call;
  const now = deps.clock.now();
  const outcome = await mutateCall(deps, callLoader(deps, companyId, id), async (stored): Promise<CallMutation<Decision>> => {
    const isCallLogged = stored.isCallLogged || (await deps.outbox.has(writeIdempotencyKey(id, 'call_log')));
    const decision = decideAutomaticLog({ call: stored.call, isCallLogged, gracePeriodMs: settings.wrapUpGracePeriodMs, now });
    if (decision.kind === 'wait') return { kind: 'keep', result: decision };
    if (decision.kind === 'already_logged' && !stored.isCallLogged) {
      // The log is queued but the flag was never set (should not happen): repair the flag only.
      return { kind: 'save', record: { ...stored, isCallLogged: true }, result: { kind: 'skip' } };
    }
    if (decision.kind !== 'log_now') return { kind: 'keep', result: { kind: 'skip' } };
    const personName = personNameOf(stored.caller, stored.call.personId);
    const orgId = organizationOf(stored.caller, stored.call);
    const context = { ...(personName === undefined ? {} : { personName }), ...(orgId === undefined ? {} : { orgId }) };
    const draft = await deps.notesDrafts.find(companyId, id);
    const plan = planServerLog(stored.call, draft?.text ?? '', wrapUpSettings(settings), context);
    if (!plan.ok) return { kind: 'keep', result: { kind: 'skip' } };
    return {
      kind: 'save',
      record: { ...stored, isCallLogged: includesCallLog(plan.writes) },
      enqueue: toOutboxEntries(stored.call, plan.writes, now),
      result: { kind: 'logged' },
    };
  });
  return outcome.found ? outcome.result : { kind: 'skip' };
}

/**
 * What the server knows: the notes the agent's window saved as a draft before it went away (a
 * closed or crashed window) go into the log as a plain "hang up" wrap-up would carry them; without
 * a draft, the automatic log.
 */
function planServerLog(call: Call, notes: string, settings: WrapUpSettings, context: WrapUpContext) {
  if (notes.trim() !== '' && call.state === 'ended') {
    const planned = planWrapUpWrites({ call, wrapUp: { callId: call.id, notes, action: { kind: 'hang_up' } }, context, settings, isCallLogged: false });
    if (planned.ok) return planned;
  }
  return planAutomaticCallLog({ call, settings, context });
}

function memoizedSettings(deps: Pick<CallDeps, 'settings'>): (companyId: number) => Promise<CallSettings> {
  const cache = new Map<number, Promise<CallSettings>>();
  return (companyId) => {
    const cached = cache.get(companyId) ?? deps.settings.get(companyId);
    cache.set(companyId, cached);
    return cached;
  };
}
