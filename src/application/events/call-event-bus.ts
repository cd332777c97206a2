import type {
  CallEventHandler,
  CallEventPublisher,
  CallEventSubscriber,
  PublishedCallEvent,
  PublishedCallEventType,
} from '@/application/ports/call-events.port';
import type { Logger } from '@/application/ports/logger.port';

export interface CallEventBus extends CallEventPublisher, CallEventSubscriber {
  /** Resolves once every event published so far has run its handlers (shutdown, tests). */
  settled(): Promise<void>;
}

type AnyHandler = (event: PublishedCallEvent) => void | Promise<void>;

/**
 * The in-process bus behind the call event ports. `publish` returns at once: the use case that
 * committed must not wait for, nor fail because of, a follow-up. Events run one after another in
 * the order they were published, and the handlers of one event in the order they subscribed, so a
 * follow-up may rely on an earlier one (a call linked to its new person before the agent hears).
 * A failing handler is logged and the others still run.
 */
export function createCallEventBus(logger: Logger): CallEventBus {
  const handlers = new Map<PublishedCallEventType, AnyHandler[]>();
  let queue: Promise<void> = Promise.resolve();

  async function dispatch(event: PublishedCallEvent): Promise<void> {
    for (const handler of handlers.get(event.type) ?? []) {
      try {
        await handler(event);
      } catch (error) {
        logger.error({ err: error, event: event.type, callId: event.callId }, 'a call event follow-up failed');
      }
    }
  }

  return {
    publish(events) {
      for (const event of events) queue = queue.then(() => dispatch(event));
    },
    subscribe<T extends PublishedCallEventType>(type: T, handler: CallEventHandler<T>) {
      // Sound: dispatch only hands a handler the events of the type it subscribed to.
      const general = handler as AnyHandler;
      handlers.set(type, [...(handlers.get(type) ?? []), general]);
      return () => handlers.set(type, (handlers.get(type) ?? []).filter((candidate) => candidate !== general));
    },
    async settled() {
      // Follow-ups may publish in turn: wait until the queue stops growing.
      let seen: Promise<void>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
  };
}
