import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '@/application/ports/id-generator.port';

/** Production ids: random UUIDs, unique across instances. */
export const randomIdGenerator: IdGenerator = { newCallId: () => randomUUID() };
