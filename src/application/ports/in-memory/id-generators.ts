import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '@/application/ports/id-generator.port';

/** Production ids: random UUIDs, unique across instances. */
export const randomIdGenerator: IdGenerator = { newCallId: () => randomUUID() };

/** Test ids: call-1, call-2, ... */
export class SequentialIdGenerator implements IdGenerator {
  private next = 1;

  newCallId(): string {
    return `call-${this.next++}`;
  }
}
