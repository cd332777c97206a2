/**
 * Polls a connected call's WebRTC stats every 2 s and keeps its quality verdict (`call-quality.ts`).
 * It follows the session by itself: polling starts when the call is up (a ringing call has no
 * media to measure) and stops when it ends; the engine pauses it while the agent holds the call.
 */
import type { CallQuality } from '@/contract/call-quality';
import { NO_WARNING, nextVerdict, qualitySample, readSnapshot, type QualityVerdict, type QualityWarning, type StatsSnapshot } from './call-quality';
import type { SipSession } from './sip-user-agent';
import type { CallEventReport } from './softphone-types';

export const QUALITY_POLL_MS = 2_000;

export interface CallQualityWatch {
  /**
   * On hold no audio flows (sendonly / inactive): loss and jitter say nothing about the network
   * then, and a stale warning would blame it. Polling stops, the warning clears, and on resume
   * measuring starts afresh (the first poll after it has no earlier snapshot to compare with).
   */
  setPaused(paused: boolean): void;
  stop(): void;
  /** The latest sample, for the `alive` report; null before the first one and while paused. */
  latest(): CallQuality | null;
}

export function watchCallQuality(session: SipSession, onWarning: (warning: QualityWarning | null) => void): CallQualityWatch {
  let timer: ReturnType<typeof setInterval> | null = null;
  let previous: StatsSnapshot | null = null;
  let sample: CallQuality | null = null;
  let verdict: QualityVerdict = NO_WARNING;
  let live = false;
  let paused = false;
  let stopped = false;
  /** Each (re)start of polling; an answer from before it is dropped. */
  let round = 0;
  let polling = false;

  function setVerdict(next: QualityVerdict) {
    const changed = next.warning !== verdict.warning;
    verdict = next;
    if (changed) onWarning(next.warning);
  }

  async function poll(pollRound: number) {
    if (polling) return;
    polling = true;
    try {
      const report = await session.getStats();
      if (report === null || pollRound !== round || timer === null) return;
      const snapshot = readSnapshot(report.values() as Iterable<Record<string, unknown>>);
      sample = qualitySample(previous, snapshot);
      previous = snapshot;
      setVerdict(nextVerdict(verdict, sample));
    } catch {
      // A peer connection closing under us: the next poll (or the end of the call) settles it.
    } finally {
      polling = false;
    }
  }

  function sync() {
    const wanted = live && !paused && !stopped;
    if (wanted && timer === null) {
      round += 1;
      const pollRound = round;
      timer = setInterval(() => void poll(pollRound), QUALITY_POLL_MS);
    } else if (!wanted && timer !== null) {
      clearInterval(timer);
      timer = null;
      previous = null;
      sample = null;
      setVerdict(NO_WARNING);
    }
  }

  session.onEvent((event) => {
    if (event.type === 'accepted') live = true;
    else if (event.type === 'ended' || event.type === 'failed') stopped = true;
    sync();
  });

  return {
    setPaused(value) {
      paused = value;
      sync();
    },
    stop() {
      stopped = true;
      sync();
    },
    latest: () => sample,
  };
}

/** `alive`, carrying the latest quality sample when there is one. */
export function aliveReport(watch: CallQualityWatch): CallEventReport {
  const quality = watch.latest();
  return quality === null ? { type: 'alive' } : { type: 'alive', quality };
}
