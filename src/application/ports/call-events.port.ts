import type { CallDomainEvent } from '@/domain/call';

/**
 * What happened to calls, told once the change is committed: a change that was refused or rolled
 * back tells nothing. The follow-ups (automatic call logs, the outbox worker's wake-up, linking a
 * created person, telling the agent how the wrap-up went) subscribe instead of being wired around
 * the stores.
 *
 * Delivery is in-process: the instance that committed the change runs the follow-ups. That is
 * enough because each follow-up is either local (wake this instance's worker, run this instance's
 * sweep soon) or goes through a port that reaches every instance (the socket layer's Redis
 * adapter); the periodic sweeps of every instance catch anything an instance that died dropped.
 */
export type PublishedCallEvent =
  | (CallDomainEvent & { readonly companyId: number })
  | {
      /** A unit of work put new Pipedrive writes of the call in the outbox. */
      readonly type: 'outbox.writes_queued';
      readonly companyId: number;
      readonly callId: string;
      readonly count: number;
    }
  | ({ readonly type: 'wrap_up.write_settled' } & SettledWrapUpWrite);

/** A Pipedrive write of a call's wrap-up that was delivered, failed or was given up. */
export interface SettledWrapUpWrite {
  readonly companyId: number;
  readonly callId: string;
  /** The outbox key of the write. */
  readonly idempotencyKey: string | null;
  /** What Pipedrive answered with (the new person's id for the person write). */
  readonly resultId: number | string | undefined;
}

export type PublishedCallEventType = PublishedCallEvent['type'];
export type PublishedCallEventOf<T extends PublishedCallEventType> = Extract<PublishedCallEvent, { readonly type: T }>;

/** The use cases' side: tell what a committed change did. Never throws, never waits for the follow-ups. */
export interface CallEventPublisher {
  publish(events: readonly PublishedCallEvent[]): void;
}

export type CallEventHandler<T extends PublishedCallEventType> = (event: PublishedCallEventOf<T>) => void | Promise<void>;

/** The follow-ups' side. Returns the way to unsubscribe. */
export interface CallEventSubscriber {
  subscribe<T extends PublishedCallEventType>(type: T, handler: CallEventHandler<T>): () => void;
}
