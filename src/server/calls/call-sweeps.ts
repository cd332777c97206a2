import {
  endSilentCalls,
  expireDueRinging,
  expireOverdueRinging,
  logAbandonedCalls,
  type CallDeps,
  type LogAbandonedCallsResult,
} from '@/application/calls';
import type { Timers } from '@/application/ports';
import type { Logger } from '@/server/logger';
import { startPeriodicSweep, type PeriodicSweep } from '@/server/periodic-sweep';

const OVERDUE_RINGING_SWEEP_MS = 60_000;
/** Cross-instance ring timeouts: a call of an instance that died mid-ring ends at most this late. */
const DUE_RINGING_SWEEP_MS = 5_000;
const ABANDONED_CALLS_SWEEP_MS = 30_000;
/** Windows report live SIP calls every 10 s; a silent one is ended within SIP_SILENT_CALL_MS + this. */
const SILENT_CALLS_SWEEP_MS = 5_000;
/** A call that just ended is logged this soon (calls ending together share one pass). */
const SWEEP_SOON_MS = 200;
/** Sweep timers never keep the process alive on their own. */
const unrefTimers: Timers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CallSweeps {
  /** The automatic-log sweep: an ended call asks it to run soon. */
  readonly automaticLog: PeriodicSweep;
  stop(): void;
}

/**
 * The periodic passes every instance runs over the shared database: ring timeouts of any
 * instance, automatic logs of abandoned wrap-ups, and calls whose window went silent.
 */
export function startCallSweeps(deps: CallDeps, log: Logger, silentCallMs: number): CallSweeps {
  const sweep = <R>(name: string, delayAfter: (result: R | undefined) => number, run: () => Promise<R>) =>
    startPeriodicSweep({
      run,
      delayAfter,
      onError: (error) => log.error({ err: error, sweep: name }, 'call sweep failed'),
      soonDelayMs: SWEEP_SOON_MS,
      timers: unrefTimers,
      now: Date.now,
    });
  const automaticLog = sweep(
    'log abandoned calls',
    (result: LogAbandonedCallsResult | undefined) => {
      const dueAt = result?.nextDueAt;
      return dueAt === undefined ? ABANDONED_CALLS_SWEEP_MS : Math.min(ABANDONED_CALLS_SWEEP_MS, Math.max(1_000, dueAt - Date.now()));
    },
    () => logAbandonedCalls(deps),
  );
  const sweeps = [
    sweep('expire overdue ringing', () => OVERDUE_RINGING_SWEEP_MS, () => expireOverdueRinging(deps)),
    // One indexed query (calls.state, ringing_at) per period on every instance; timers stay the fast path.
    sweep('expire due ringing', () => DUE_RINGING_SWEEP_MS, () => expireDueRinging(deps)),
    sweep('end silent calls', () => SILENT_CALLS_SWEEP_MS, () => endSilentCalls(deps, silentCallMs)),
    automaticLog,
  ];
  return {
    automaticLog,
    stop: () => {
      for (const running of sweeps) running.stop();
    },
  };
}
