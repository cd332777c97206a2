import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '@/application/outbox/outbox-worker';
import type { CallRecordings } from '@/application/ports/call-recordings.port';
import { createCallRecordingStore } from './call-recording-store';
import { DrizzleCallerPreferences } from './caller-preferences-store';
import { DrizzleCallStore } from './call-store';
import type { Database } from './database';
import { DrizzleOutboxStore } from './outbox-store';
import { DrizzleUnitOfWork } from './unit-of-work';

export interface CallPersistence {
  readonly callStore: DrizzleCallStore;
  readonly outboxStore: DrizzleOutboxStore;
  readonly unitOfWork: DrizzleUnitOfWork;
  readonly callerPreferences: DrizzleCallerPreferences;
  readonly recordings: CallRecordings;
  /** The delivery worker over this database's outbox (and its recordings). */
  createOutboxWorker(options: Omit<OutboxWorkerOptions, 'deliveries' | 'recordings'>): OutboxWorker;
}

/** The call ports backed by the app database (after `database.migrate()`). */
export function createCallPersistence(database: Database): CallPersistence {
  const outboxStore = new DrizzleOutboxStore(database);
  const recordings = createCallRecordingStore(database);
  return {
    callStore: new DrizzleCallStore(database),
    outboxStore,
    unitOfWork: new DrizzleUnitOfWork(database),
    callerPreferences: new DrizzleCallerPreferences(database),
    recordings,
    createOutboxWorker: (options) => createOutboxWorker({ ...options, deliveries: outboxStore, recordings }),
  };
}
