/**
 * Deferred work, injectable so that the mock telephony provider and the in-process ring timeout
 * scheduler run on a fake clock in tests (no wall-clock waits). `globalThis` satisfies it.
 */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real timers; `clearTimeout` accepts what `setTimeout` returned. */
export const systemTimers: Timers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
