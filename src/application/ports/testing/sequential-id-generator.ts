import type { IdGenerator } from '@/application/ports/id-generator.port';

/** Test ids: call-1, call-2, ... */
export class SequentialIdGenerator implements IdGenerator {
  private next = 1;

  newCallId(): string {
    return `call-${this.next++}`;
  }
}
