import type { EpochMillis } from '@/domain/call';

/** The current time. Use cases never read `Date.now()` themselves, so tests control time. */
export interface Clock {
  now(): EpochMillis;
}
