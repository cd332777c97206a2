import type { Timers } from '@/application/ports';

export interface PeriodicSweepOptions<R> {
  /** One pass of the sweep. */
  readonly run: () => Promise<R>;
  /** How long to wait after a pass; `undefined` result after a failed one. */
  readonly delayAfter: (result: R | undefined) => number;
  readonly onError: (error: unknown) => void;
  /** How soon `runSoon` runs it: a short delay lets a burst of requests share one pass. */
  readonly soonDelayMs: number;
  readonly timers: Timers;
  readonly now: () => number;
}

export interface PeriodicSweep {
  /** Runs the sweep within `soonDelayMs` instead of at its next period (after the pass in progress, if any). */
  runSoon(): void;
  stop(): void;
}

/**
 * A sweep that runs now, then again after `delayAfter(result)`, one pass at a time, and can be
 * brought forward when something it handles just happened.
 */
export function startPeriodicSweep<R>(options: PeriodicSweepOptions<R>): PeriodicSweep {
  const { timers, now } = options;
  let timer: unknown;
  let dueAt = Number.POSITIVE_INFINITY;
  let isRunning = false;
  let isWanted = false;
  let isStopped = false;

  const schedule = (delayMs: number) => {
    if (isStopped) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    dueAt = now() + delayMs;
    timer = timers.setTimeout(pass, delayMs);
  };

  function pass(): void {
    timer = undefined;
    dueAt = Number.POSITIVE_INFINITY;
    isRunning = true;
    isWanted = false;
    started(options.run)
      .then(
        (result) => options.delayAfter(result),
        (error: unknown) => {
          options.onError(error);
          return options.delayAfter(undefined);
        },
      )
      .then((delayMs) => {
        isRunning = false;
        schedule(isWanted ? Math.min(delayMs, options.soonDelayMs) : delayMs);
      });
  }

  pass();
  return {
    runSoon() {
      if (isRunning) {
        isWanted = true;
        return;
      }
      if (dueAt > now() + options.soonDelayMs) schedule(options.soonDelayMs);
    },
    stop() {
      isStopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** The pass as a promise: one that throws before returning one is reported like one that rejects. */
function started<R>(run: () => Promise<R>): Promise<R> {
  try {
    return run();
  } catch (error) {
    return Promise.reject(error);
  }
}
