import type { EpochMillis } from '@/domain/call';
import type { Clock } from '@/application/ports/clock.port';
import type { Timers } from '@/application/ports/timers.port';

interface PendingTimer {
  readonly id: number;
  readonly dueAt: EpochMillis;
  readonly callback: () => void;
}

/**
 * A clock and timers that move only when a test says so. `advance` runs the timers that fall due,
 * in time order, with `now()` set to each one's due time, and lets the promise chains they start
 * settle before the next one runs.
 */
export class FakeClock implements Clock, Timers {
  private current: EpochMillis;
  private nextId = 1;
  private pending: PendingTimer[] = [];

  constructor(start: EpochMillis) {
    this.current = start;
  }

  now(): EpochMillis {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const timer = { id: this.nextId++, dueAt: this.current + Math.max(0, delayMs), callback };
    this.pending.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  /** Timers not run yet. */
  get pendingCount(): number {
    return this.pending.length;
  }

  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    for (;;) {
      const next = this.takeNextDue(until);
      if (next === undefined) break;
      this.current = Math.max(this.current, next.dueAt);
      next.callback();
      await settle();
    }
    this.current = until;
    await settle();
  }

  private takeNextDue(until: EpochMillis): PendingTimer | undefined {
    const due = this.pending
      .filter((timer) => timer.dueAt <= until)
      .sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)[0];
    if (due !== undefined) this.pending = this.pending.filter((timer) => timer !== due);
    return due;
  }
}

/** Lets every promise chain started so far run to completion (in-memory ports never do real I/O). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
