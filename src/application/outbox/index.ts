export { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions, type OutboxStatusChange, type OutboxStatusListener, type ReconcileWrite, type RunningOutboxWorker } from './outbox-worker';
export type { DeliveryOutcome, DeliveryStatus, OutboxDeliveries, OutboxDelivery, WriteResult } from './outbox-deliveries.port';
export { brandWriteFailure, isPipedriveWriteFailure, PipedriveWriteFailure, type PipedriveAccountRef, type PipedriveWriteFailureFields, type PipedriveWriter } from './pipedrive-writer.port';
export { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy';
export { wrapUpDeliveryStatusOf, type WrapUpDeliveryStatus } from './wrap-up-delivery-status';
