import type { RingTimeout, RingTimeoutScheduler } from '@/application/ports/ring-timeout-scheduler.port';
import type { Clock } from '@/application/ports/clock.port';
import type { Timers } from '@/application/ports/timers.port';

export type RingTimeoutHandler = (timeout: RingTimeout) => Promise<void>;

/**
 * Timeouts as timers of this process: right for a single instance. `start` receives the handler
 * (usually `(t) => expireRinging(deps, t)`), which is built after the scheduler because the use
 * case depends on it. Handler failures go to `onError`; the sweep `expireOverdueRinging` is the
 * safety net for timers lost in a crash or restart.
 */
export class InProcessRingTimeoutScheduler implements RingTimeoutScheduler {
  private readonly timers = new Map<string, unknown>();
  private handler: RingTimeoutHandler | undefined;

  constructor(
    private readonly deps: { clock: Clock; timers: Timers; onError: (error: unknown, timeout: RingTimeout) => void },
  ) {}

  start(handler: RingTimeoutHandler): void {
    this.handler = handler;
  }

  stop(): void {
    for (const handle of this.timers.values()) this.deps.timers.clearTimeout(handle);
    this.timers.clear();
    this.handler = undefined;
  }

  async schedule(timeout: RingTimeout): Promise<void> {
    await this.cancel(timeout.callId);
    const delay = Math.max(0, timeout.dueAt - this.deps.clock.now());
    const handle = this.deps.timers.setTimeout(() => this.fire(timeout), delay);
    this.timers.set(timeout.callId, handle);
  }

  async cancel(callId: string): Promise<void> {
    const handle = this.timers.get(callId);
    if (handle === undefined) return;
    this.deps.timers.clearTimeout(handle);
    this.timers.delete(callId);
  }

  /** Call ids with a timer pending. */
  scheduledCallIds(): string[] {
    return [...this.timers.keys()];
  }

  private fire(timeout: RingTimeout): void {
    this.timers.delete(timeout.callId);
    const handler = this.handler;
    if (handler === undefined) return;
    handler(timeout).catch((error: unknown) => this.deps.onError(error, timeout));
  }
}
