import type { CallRecord, CallStoreAgentBusy, CallStoreVersionConflict, StoredCall } from '@/application/ports/call-store.port';
import type { EnqueueResult, OutboxEntryInput } from '@/application/ports/outbox-store.port';
import type { CallDeps } from './call-deps';
import { publishCallCommit, type CallCommitDeps } from './call-commits';

/** What a use case decided to do with the call it read. */
export type CallMutation<R> =
  | { readonly kind: 'keep'; readonly result: R }
  | {
      readonly kind: 'save';
      readonly record: CallRecord;
      /** Outbox entries committed in the same unit of work as the record. */
      readonly enqueue?: readonly OutboxEntryInput[];
      readonly result: R;
      /**
       * The result when the store refuses the record because its agent holds another call (a
       * dial and an answer raced). Only changes that give a call to an agent can meet this; for
       * the others it would be a bug, and it throws.
       */
      readonly ifAgentBusy?: (activeCallId: string) => R;
    };

export type MutateCallOutcome<R> =
  | { readonly found: false }
  | {
      readonly found: true;
      readonly result: R;
      /** The call as stored after the mutation (or as read, when kept). */
      readonly stored: StoredCall;
      readonly isSaved: boolean;
      readonly enqueued?: EnqueueResult;
    };

/**
 * Enough for any realistic race (a few answers, a webhook and a timeout at once); running out
 * means something keeps rewriting the call, which is a bug, not an expected outcome.
 */
const MAX_ATTEMPTS = 10;

/**
 * Read, decide, compare-and-set; on a version conflict read again and decide again. This is how
 * every change to a call is serialised across instances: two agents answering at once both read
 * version n, one commits n+1, the other conflicts, re-reads, and `claimCall` tells it the call was
 * taken. What a committed change did is published after the commit (`publishCallCommit`).
 */
export async function mutateCall<R>(
  deps: Pick<CallDeps, 'calls' | 'unitOfWork'> & CallCommitDeps,
  load: () => Promise<StoredCall | undefined>,
  decide: (stored: StoredCall) => CallMutation<R> | Promise<CallMutation<R>>,
): Promise<MutateCallOutcome<R>> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const stored = await load();
    if (stored === undefined) return { found: false };
    const mutation = await decide(stored);
    if (mutation.kind === 'keep') return { found: true, result: mutation.result, stored, isSaved: false };
    const enqueue = mutation.enqueue ?? [];
    if (enqueue.length > 0) {
      const committed = await deps.unitOfWork.commitCallChanges({
        record: mutation.record,
        expectedVersion: stored.version,
        enqueue,
      });
      if (committed.ok) {
        publishCallCommit(deps, stored.call, committed.stored, committed.enqueued.inserted.length);
        return { found: true, result: mutation.result, stored: committed.stored, isSaved: true, enqueued: committed.enqueued };
      }
      const busy = agentBusyOutcome(mutation, committed.error, stored);
      if (busy !== undefined) return busy;
      continue;
    }
    const updated = await deps.calls.update(mutation.record, stored.version);
    if (updated.ok) {
      publishCallCommit(deps, stored.call, updated.stored);
      return { found: true, result: mutation.result, stored: updated.stored, isSaved: true };
    }
    const busy = agentBusyOutcome(mutation, updated.error, stored);
    if (busy !== undefined) return busy;
  }
  throw new Error(`call store contention: gave up after ${MAX_ATTEMPTS} version conflicts`);
}

/**
 * The store's refusal as the use case's result, kept unsaved. Undefined means "read and decide
 * again": a version conflict, or a holder that was already gone when the store looked it up.
 */
function agentBusyOutcome<R>(
  mutation: Extract<CallMutation<R>, { kind: 'save' }>,
  error: CallStoreVersionConflict | CallStoreAgentBusy,
  stored: StoredCall,
): MutateCallOutcome<R> | undefined {
  if (error.code !== 'CALL_STORE_AGENT_BUSY' || error.activeCallId === null) return undefined;
  if (mutation.ifAgentBusy === undefined) throw new Error(`call ${error.callId} would hold an agent who holds call ${error.activeCallId}`);
  return { found: true, result: mutation.ifAgentBusy(error.activeCallId), stored, isSaved: false };
}

/** Loads a call of a company by id. */
export function callLoader(deps: Pick<CallDeps, 'calls'>, companyId: number, callId: string) {
  return () => deps.calls.get(companyId, callId);
}
