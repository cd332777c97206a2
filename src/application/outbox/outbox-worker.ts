import type { CallRecordings } from '@/application/ports/call-recordings.port';
import type { Clock } from '@/application/ports/clock.port';
import type { Logger } from '@/application/ports/logger.port';
import { systemTimers, type Timers } from '@/application/ports/timers.port';
import type { DeliveryOutcome, OutboxDeliveries, OutboxDelivery, WriteResult } from './outbox-deliveries.port';
import { isPipedriveWriteFailure, type PipedriveAccountRef, type PipedriveWriter } from './pipedrive-writer.port';
import { linkWrite, sendWrite } from './write-links';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy';
import { wrapUpDeliveryStatusOf, type WrapUpDeliveryStatus } from './wrap-up-delivery-status';

/** Something happened to a call's writes; the realtime layer re-sends the call to its agent. */
export interface OutboxStatusChange {
  readonly callId: string;
  readonly companyId: number;
  readonly actingUserId: number | null;
  /** delivered / retry scheduled / failed for one write, or `requeued` by `retry(callId)`. */
  readonly change: 'delivered' | 'retry' | 'failed' | 'requeued';
  readonly idempotencyKey: string | null;
  /** delivered: what Pipedrive answered with (e.g. the id of the person a write created). */
  readonly resultId?: number | string;
}

export type OutboxStatusListener = (change: OutboxStatusChange) => void;

/**
 * "Exactly once despite lost responses" (docs/WRAP-UP-DELIVERY.md). Called before re-sending a
 * write whose earlier attempt may have reached Pipedrive unanswered (`outcomeUnknown`), with the
 * write as it would be sent (person link filled in): the result if the write is found in
 * Pipedrive (it is then recorded as delivered, not sent again), undefined to send it again. A
 * rejection is a failed lookup: retried later like a failed write, never a reason to re-send.
 */
export type ReconcileWrite = (delivery: OutboxDelivery) => Promise<WriteResult | undefined>;

export interface OutboxWorkerOptions {
  readonly deliveries: OutboxDeliveries;
  readonly writer: PipedriveWriter;
  readonly clock: Clock;
  readonly timers?: Timers;
  readonly logger?: Logger;
  /** This worker's name on its leases; unique per app instance. */
  readonly owner?: string;
  /** How long a claim is exclusive; well above the gateway timeout (15 s). */
  readonly leaseMs?: number;
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** [0, 1), for jitter. */
  readonly random?: () => number;
  readonly reconcile?: ReconcileWrite;
  /**
   * The least wait after an attempt that got no answer: Pipedrive may still be processing it, and
   * a lookup before it lands would find nothing and send the write twice. 0 = just the back-off.
   */
  readonly unknownOutcomeSettleMs?: number;
  /** How often a write that no connected account can perform checks for a reconnect. */
  readonly reconnectCheckMs?: number;
  /** How long after its call such a write keeps waiting before it is failed (retry still works). */
  readonly reconnectGiveUpMs?: number;
  /** Where recordings' bytes are read from, and dropped once attached. */
  readonly recordings?: Pick<CallRecordings, 'load' | 'discardBytes'>;
}

export interface RunningOutboxWorker {
  /** Stops the loop; resolves once the delivery in flight (if any) is recorded. */
  stop(): Promise<void>;
}

export interface OutboxWorker {
  /** Delivers due entries one after another until none is due (or `max` were delivered). */
  drain(max?: number): Promise<number>;
  /** Polls every `intervalMs` (draining each time) until stopped. */
  start(options: { readonly intervalMs: number }): RunningOutboxWorker;
  /** Drains soon, e.g. right after an enqueue, instead of waiting for the next poll. */
  wake(): void;
  wrapUpStatusForCall(callId: string): Promise<WrapUpDeliveryStatus>;
  /** Re-queues the call's failed writes; returns how many. */
  retry(callId: string): Promise<number>;
  /** Returns an unsubscribe function. Listeners must not throw (errors are logged and ignored). */
  onStatusChange(listener: OutboxStatusListener): () => void;
}

const DEFAULT_LEASE_MS = 60_000;
const MAX_ERROR_LENGTH = 500;
const DEFAULT_RECONNECT_CHECK_MS = 60_000;
const DEFAULT_RECONNECT_GIVE_UP_MS = 7 * 24 * 60 * 60_000;
/** Shown in the window while a write waits for the account to be connected again. */
export const RECONNECT_REASON = 'Pipedrive access was revoked or the app was uninstalled: reconnect the app in Pipedrive and this will be saved';

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { deliveries, writer, clock, logger } = options;
  const timers = options.timers ?? systemTimers;
  const owner = options.owner ?? `outbox-${globalThis.crypto.randomUUID()}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy };
  const random = options.random ?? Math.random;
  const listeners = new Set<OutboxStatusListener>();
  let stopping = false;
  let draining: Promise<number> | null = null;
  let drainAgain = false;

  function notify(change: OutboxStatusChange): void {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        logger?.error({ err: error, callId: change.callId }, 'outbox status listener failed');
      }
    }
  }

  async function deliverNext(): Promise<boolean> {
    const entry = await deliveries.claimNext({ owner, now: clock.now(), leaseMs });
    if (!entry) return false;
    const outcome = await attempt(entry);
    const recorded = await deliveries.complete(entry.sequence, owner, outcome);
    if (!recorded) {
      logger?.warn({ callId: entry.callId, key: entry.idempotencyKey }, 'outbox lease lost before the outcome was recorded');
      return true;
    }
    if (outcome.kind !== 'delivered') {
      const fields = { callId: entry.callId, key: entry.idempotencyKey, attempts: entry.attempts, error: outcome.error };
      if (outcome.kind === 'failed') logger?.error(fields, 'outbox write failed');
      else logger?.warn(fields, 'outbox write will be retried');
    }
    if (outcome.kind === 'delivered' && entry.write.kind === 'attach_recording') await discardRecording(entry.callId);
    const resultId = outcome.kind === 'delivered' ? { resultId: outcome.result.id } : {};
    notify({ callId: entry.callId, companyId: entry.companyId, actingUserId: entry.actingUserId, change: outcome.kind, idempotencyKey: entry.idempotencyKey, ...resultId });
    return true;
  }

  async function attempt(entry: OutboxDelivery): Promise<DeliveryOutcome> {
    try {
      const resolved = await linkWrite(entry, { deliveries, now: clock.now(), waitMs: policy.baseDelayMs });
      if (!resolved.ok) return resolved.outcome;
      if (entry.outcomeUnknown && options.reconcile) {
        const found = await options.reconcile({ ...entry, write: resolved.write });
        if (found) return { kind: 'delivered', result: { id: found.id }, at: clock.now() };
      }
      const account: PipedriveAccountRef = { companyId: entry.companyId, userId: entry.actingUserId };
      const result = await sendWrite(writer, account, resolved.write, options.recordings);
      return { kind: 'delivered', result: { id: result.id }, at: clock.now() };
    } catch (error) {
      return failureOutcome(entry, error);
    }
  }

  /** Pipedrive has the recording: the app keeps no copy (a failure to drop it is only logged). */
  async function discardRecording(callId: string): Promise<void> {
    try {
      await options.recordings?.discardBytes(callId);
    } catch (error) {
      logger?.warn({ err: error, callId }, 'could not drop a delivered recording');
    }
  }

  function failureOutcome(entry: OutboxDelivery, error: unknown): DeliveryOutcome {
    const failure = describeFailure(error);
    const now = clock.now();
    if (failure.accountUnavailable) return waitForReconnect(entry, now);
    // Given up or not, a write that may have landed stays "unknown": a Retry looks it up first.
    const outcomeUnknown = entry.outcomeUnknown || failure.outcomeUnknown;
    if (!failure.retryable) return { kind: 'failed', error: failure.message, at: now, outcomeUnknown };
    if (entry.attempts >= policy.maxAttempts) {
      return { kind: 'failed', error: `gave up after ${entry.attempts} attempts: ${failure.message}`, at: now, outcomeUnknown };
    }
    const backOff = retryDelayMs(policy, entry.attempts, failure.retryAfterMs, random());
    // A write that may have landed may also still be running inside Pipedrive (a gateway's 504):
    // looking it up at once could miss it.
    const delay = failure.outcomeUnknown ? Math.max(backOff, options.unknownOutcomeSettleMs ?? 0) : backOff;
    return { kind: 'retry', nextAttemptAt: now + delay, error: failure.message, outcomeUnknown };
  }

  /**
   * No connected account can write (token revoked, app uninstalled): nothing is wrong with the
   * write, so it waits, checking now and then, without using up its attempts; a re-install
   * delivers it. Only after `reconnectGiveUpMs` it is failed (the window's retry still works).
   */
  function waitForReconnect(entry: OutboxDelivery, now: number): DeliveryOutcome {
    if (now - entry.enqueuedAt >= (options.reconnectGiveUpMs ?? DEFAULT_RECONNECT_GIVE_UP_MS)) {
      return { kind: 'failed', error: RECONNECT_REASON, at: now, outcomeUnknown: entry.outcomeUnknown };
    }
    const nextAttemptAt = now + (options.reconnectCheckMs ?? DEFAULT_RECONNECT_CHECK_MS);
    return { kind: 'retry', nextAttemptAt, error: RECONNECT_REASON, outcomeUnknown: entry.outcomeUnknown, refundAttempt: true };
  }

  function drain(max = 1_000): Promise<number> {
    if (draining) {
      drainAgain = true;
      return draining;
    }
    const run = async () => {
      let delivered = 0;
      try {
        do {
          drainAgain = false;
          while (!stopping && delivered < max && (await deliverNext())) delivered += 1;
        } while (drainAgain && !stopping && delivered < max);
      } catch (error) {
        logger?.error({ err: error }, 'outbox delivery round failed');
      }
      return delivered;
    };
    draining = run().finally(() => {
      draining = null;
    });
    return draining;
  }

  return {
    drain,

    start({ intervalMs }) {
      stopping = false;
      let timer: unknown;
      let stopped = false;
      const tick = () => {
        timer = undefined;
        void drain().finally(() => {
          if (!stopped) timer = timers.setTimeout(tick, intervalMs);
        });
      };
      timer = timers.setTimeout(tick, 0);
      return {
        async stop() {
          stopped = true;
          stopping = true;
          if (timer !== undefined) timers.clearTimeout(timer);
          await draining;
        },
      };
    },

    wake() {
      if (!stopping) void drain();
    },

    async wrapUpStatusForCall(callId) {
      return wrapUpDeliveryStatusOf(await deliveries.listDeliveries(callId));
    },

    async retry(callId) {
      const requeued = await deliveries.requeueFailed(callId, clock.now());
      if (requeued > 0) {
        const [first] = await deliveries.listDeliveries(callId);
        if (first) notify({ callId, companyId: first.companyId, actingUserId: first.actingUserId, change: 'requeued', idempotencyKey: null });
        if (!stopping) void drain();
      }
      return requeued;
    },

    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

interface FailureInfo {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  /** The answer does not prove the write failed (no answer, 5xx, a gateway page): it may have been applied. */
  readonly outcomeUnknown: boolean;
  /** No connected Pipedrive account can perform it (`accountUnavailable: true` on the rejection). */
  readonly accountUnavailable: boolean;
  readonly message: string;
}

/** A `PipedriveWriteFailure` says what to do; any other rejection is a failure not worth retrying. */
function describeFailure(error: unknown): FailureInfo {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
  if (!isPipedriveWriteFailure(error)) return { retryable: false, retryAfterMs: undefined, outcomeUnknown: false, accountUnavailable: false, message };
  return {
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    outcomeUnknown: error.outcomeUnknown ?? error.status === 0,
    accountUnavailable: error.accountUnavailable === true,
    message,
  };
}
