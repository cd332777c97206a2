import { describe, expect, it } from 'vitest';
import { FakeClock } from '@/application/ports/testing';
import { startPeriodicSweep } from './periodic-sweep';

const PERIOD_MS = 30_000;
const SOON_MS = 200;

/** A sweep on a fake clock whose passes finish when the test says so. */
function sweepOnFakeClock(options: { failFirst?: boolean } = {}) {
  const clock = new FakeClock(0);
  const finishers: Array<() => void> = [];
  let passes = 0;
  const errors: unknown[] = [];
  const sweep = startPeriodicSweep<number>({
    run: () => {
      passes += 1;
      if (options.failFirst === true && passes === 1) return Promise.reject(new Error('database down'));
      return new Promise<number>((resolve) => finishers.push(() => resolve(passes)));
    },
    delayAfter: (result) => (result === undefined ? 1_000 : PERIOD_MS),
    onError: (error) => errors.push(error),
    soonDelayMs: SOON_MS,
    timers: clock,
    now: () => clock.now(),
  });
  const finishPass = async () => {
    finishers.shift()?.();
    await flush();
  };
  return { clock, sweep, finishPass, passes: () => passes, errors };
}

/** Lets the promise chain after a pass settle. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

describe('startPeriodicSweep', () => {
  it('runs at once, then once per period, one pass at a time', async () => {
    const { clock, finishPass, passes, sweep } = sweepOnFakeClock();
    expect(passes()).toBe(1);
    await clock.advance(PERIOD_MS * 2);
    expect(passes()).toBe(1);
    await finishPass();
    await clock.advance(PERIOD_MS - 1);
    expect(passes()).toBe(1);
    await clock.advance(1);
    expect(passes()).toBe(2);
    sweep.stop();
  });

  it('runSoon brings the next pass forward to within the short delay', async () => {
    const { clock, finishPass, passes, sweep } = sweepOnFakeClock();
    await finishPass();
    await clock.advance(1_000);
    sweep.runSoon();
    sweep.runSoon();
    await clock.advance(SOON_MS - 1);
    expect(passes()).toBe(1);
    await clock.advance(1);
    expect(passes()).toBe(2);
    await finishPass();
    // Back to the period afterwards: one early pass, not a new rhythm.
    await clock.advance(PERIOD_MS - 1);
    expect(passes()).toBe(2);
    await clock.advance(1);
    expect(passes()).toBe(3);
    sweep.stop();
  });

  it('runSoon during a pass runs another one right after it (the pass may have read before the change)', async () => {
    const { clock, finishPass, passes, sweep } = sweepOnFakeClock();
    sweep.runSoon();
    expect(passes()).toBe(1);
    await finishPass();
    await clock.advance(SOON_MS);
    expect(passes()).toBe(2);
    sweep.stop();
  });

  it('never postpones a pass that is already due sooner', async () => {
    const { clock, finishPass, passes, sweep } = sweepOnFakeClock({ failFirst: true });
    await flush();
    // The failed pass asked for a retry in 1 s; the period is not involved.
    await clock.advance(900);
    sweep.runSoon();
    await clock.advance(100);
    expect(passes()).toBe(2);
    await finishPass();
    sweep.stop();
  });

  it('reports a failed pass and keeps sweeping', async () => {
    const { clock, errors, passes, sweep } = sweepOnFakeClock({ failFirst: true });
    await flush();
    expect(errors).toEqual([new Error('database down')]);
    await clock.advance(1_000);
    expect(passes()).toBe(2);
    sweep.stop();
  });

  it('treats a pass that throws at once like one that rejects', async () => {
    const clock = new FakeClock(0);
    const errors: unknown[] = [];
    let passes = 0;
    const sweep = startPeriodicSweep<number>({
      run: () => {
        passes += 1;
        throw new Error('not even started');
      },
      delayAfter: () => 1_000,
      onError: (error) => errors.push(error),
      soonDelayMs: SOON_MS,
      timers: clock,
      now: () => clock.now(),
    });
    await flush();
    expect(errors).toEqual([new Error('not even started')]);
    await clock.advance(1_000);
    expect(passes).toBe(2);
    sweep.stop();
  });

  it('does nothing more once stopped', async () => {
    const { clock, finishPass, passes, sweep } = sweepOnFakeClock();
    sweep.stop();
    await finishPass();
    sweep.runSoon();
    await clock.advance(PERIOD_MS * 3);
    expect(passes()).toBe(1);
  });
});
