import type { CallEventPublisher, PublishedCallEvent } from '@/application/ports/call-events.port';

/** For tests: keeps every published event, in order; nothing follows up. */
export class RecordingCallEvents implements CallEventPublisher {
  readonly published: PublishedCallEvent[] = [];

  publish(events: readonly PublishedCallEvent[]): void {
    this.published.push(...events);
  }

  /** The published events' types for one call, in order. */
  typesFor(callId: string): string[] {
    return this.published.filter((event) => event.callId === callId).map((event) => event.type);
  }
}
