import type { AccountRepository } from '@/adapters/db/account-repository';
import { createCallPersistence } from '@/adapters/db/call-persistence';
import type { Database } from '@/adapters/db/database';
import type { PipedriveGateway } from '@/adapters/pipedrive/pipedrive-gateway';
import { createPipedriveWriter } from '@/adapters/pipedrive/pipedrive-writer';
import { createWriteReconciler } from '@/adapters/pipedrive/write-reconciler';
import type { OutboxWorker, RunningOutboxWorker } from '@/application/outbox';
import type { WrapUpDeliveryStatus } from '@/application/outbox/wrap-up-delivery-status';
import type { CallerPreferences, CallRecordings, CallStore, OutboxStore, UnitOfWork } from '@/application/ports';
import type { SettledWrapUpWrite } from '@/application/ports/call-events.port';
import { systemClock } from '@/application/ports/system';
import type { AppConfig } from '@/server/config';
import type { Logger } from '@/server/logger';

/** The call use cases' persistence ports and the outbox delivery worker behind them. */
export interface CallPorts {
  calls: CallStore;
  outbox: OutboxStore;
  unitOfWork: UnitOfWork;
  preferences: CallerPreferences;
  recordings: CallRecordings;
  /** The wrap-up delivery status of a call as the window shows it. */
  wrapUpStatusForCall(callId: string): Promise<WrapUpDeliveryStatus>;
  /** Re-queues the call's failed writes; true when some were. */
  retryWrapUp(callId: string): Promise<boolean>;
  /** Something happened to a call's Pipedrive writes (delivered, failed...): its agent should hear. */
  onWrapUpChange(listener: (change: SettledWrapUpWrite) => void): void;
  /** Delivers queued writes now rather than at the next poll (`outbox.writes_queued` follows up with it). */
  wakeOutbox(): void;
  stop(): Promise<void>;
}

const OUTBOX_POLL_MS = 1_000;

/**
 * THE switch between in-memory and database call persistence. Database now: calls, outbox and
 * caller choices in the app database (`createCallPersistence`), the outbox delivered to Pipedrive
 * by the delivery worker. For an in-memory setup (tests, experiments) use `InMemoryCallStore`,
 * `InMemoryOutbox`, `InMemoryUnitOfWork` and `InMemoryCallerPreferences` from
 * application/ports/testing and a worker over `InMemoryOutbox` (application/outbox).
 */
export function createCallPorts(database: Database, pipedrive: PipedriveGateway, accounts: AccountRepository, logger: Logger, config: AppConfig): CallPorts {
  const persistence = createCallPersistence(database);
  const outboxLog = logger.child({ module: 'outbox' });
  const worker = persistence.createOutboxWorker({
    writer: createPipedriveWriter({ gateway: pipedrive, accounts }),
    // A write that got no answer is looked up before it is sent again (docs/WRAP-UP-DELIVERY.md).
    reconcile: createWriteReconciler({ gateway: pipedrive, accounts, logger: outboxLog }),
    unknownOutcomeSettleMs: 2 * config.pipedriveTimeoutMs,
    retryPolicy: { baseDelayMs: config.outboxRetryBaseMs },
    reconnectCheckMs: 30 * config.outboxRetryBaseMs,
    clock: systemClock,
    logger: outboxLog,
  });
  const running = worker.start({ intervalMs: OUTBOX_POLL_MS });
  return {
    calls: persistence.callStore,
    outbox: persistence.outboxStore,
    unitOfWork: persistence.unitOfWork,
    preferences: persistence.callerPreferences,
    recordings: persistence.recordings,
    wrapUpStatusForCall: (callId) => worker.wrapUpStatusForCall(callId),
    retryWrapUp: async (callId) => {
      const requeued = await worker.retry(callId);
      if (requeued > 0) worker.wake();
      return requeued > 0;
    },
    onWrapUpChange(listener) {
      worker.onStatusChange((change) =>
        listener({ companyId: change.companyId, callId: change.callId, idempotencyKey: change.idempotencyKey, resultId: change.resultId }),
      );
    },
    wakeOutbox: () => worker.wake(),
    stop: () => drainThenStop(worker, running, SHUTDOWN_DRAIN_MS, logger),
  };
}

/** How long shutdown keeps delivering due wrap-ups before it lets the other instances take over. */
const SHUTDOWN_DRAIN_MS = 20_000;

/**
 * Graceful shutdown of the outbox: deliver what is due now (the wrap-ups agents just saved) within
 * a deadline, then stop the loop, which waits for the delivery in flight to be recorded. Entries
 * left behind keep their lease or stay pending: another instance (or the next start) delivers them.
 */
async function drainThenStop(worker: OutboxWorker, running: RunningOutboxWorker, deadlineMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  const drained = await Promise.race([worker.drain(), deadline]);
  clearTimeout(timer);
  if (drained === 'deadline') logger.warn({ deadlineMs }, 'shutdown: outbox not drained before the deadline; other instances will deliver the rest');
  await running.stop();
}
