import type { EpochMillis } from '@/domain/call';

export interface RingTimeout {
  readonly companyId: number;
  readonly callId: string;
  readonly dueAt: EpochMillis;
}

/**
 * Runs `expireRinging` for a call when it has rung too long. In-process timers today
 * (`createInProcessRingTimeoutScheduler`); a Redis or PostgreSQL job queue later, for several
 * instances. Timeouts may fire late, twice, or after the call was answered: `expireRinging` is
 * idempotent and does nothing for a call no longer ringing. Timers lost in a restart are caught up
 * by `expireOverdueRinging`.
 */
export interface RingTimeoutScheduler {
  /** Replaces any timeout already scheduled for the call. */
  schedule(timeout: RingTimeout): Promise<void>;
  /** Resolves also when nothing was scheduled. */
  cancel(callId: string): Promise<void>;
}
