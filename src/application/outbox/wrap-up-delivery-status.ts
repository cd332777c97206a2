import type { WritePurpose } from '@/domain/wrap-up';
import type { OutboxDelivery } from './outbox-deliveries.port';

/** What the agent's window says about the Pipedrive writes of a call. */
export interface WrapUpDeliveryStatus {
  /** pending: something is still on its way. failed: something gave up (see `retry`). */
  readonly status: 'pending' | 'saved' | 'failed';
  /** What landed in Pipedrive, in the order it was written, e.g. ['new contact', 'call log']. */
  readonly savedItems: readonly string[];
  /**
   * failed: why the first failed write failed. pending: why a write is still waiting after an
   * earlier try (e.g. "reconnect the app"), null while nothing went wrong yet. saved: null.
   */
  readonly error: string | null;
}

const ITEM_LABELS: Record<WritePurpose, string> = {
  person: 'new contact',
  call_log: 'call log',
  person_note: 'note on contact',
  deal_note: 'note on deal',
  callback_activity: 'call-back activity',
  recording: 'recording',
};

/** A call without writes is "saved": there is nothing left to do. */
export function wrapUpDeliveryStatusOf(deliveries: readonly OutboxDelivery[]): WrapUpDeliveryStatus {
  const savedItems = deliveries.filter((d) => d.status === 'delivered').map((d) => ITEM_LABELS[d.write.purpose]);
  const failed = deliveries.find((d) => d.status === 'failed');
  if (failed) return { status: 'failed', savedItems, error: failed.lastError ?? 'the write failed' };
  const open = deliveries.filter((d) => d.status === 'pending' || d.status === 'delivering');
  if (open.length === 0) return { status: 'saved', savedItems, error: null };
  return { status: 'pending', savedItems, error: open.find((d) => d.lastError !== null)?.lastError ?? null };
}
