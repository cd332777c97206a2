/**
 * Logs a SIP call whose window reports poor quality (`alive.quality`, docs/REAL-CALLS.md): one
 * `warn` line per poor episode, with the call id and the figures, never a phone number. An
 * episode starts with a poor report and ends with a good one or the end of the call; the window
 * reports every 10 s, so it already smooths its samples (`src/ui/softphone/call-quality.ts`).
 * In memory, per process: after a restart an ongoing episode is logged once more, at worst.
 */
import { describeProblem, qualityProblems, type CallQuality } from '@/contract/call-quality';
import type { Logger } from '@/application/ports/logger.port';

/** More calls than this in a poor episode at once: the oldest are forgotten (a call can end without a report). */
const MAX_TRACKED_CALLS = 10_000;

export interface CallQualityLog {
  /** A window's report on a call; `quality` undefined when it had nothing measured. */
  observe(callId: string, quality: CallQuality | undefined): void;
  /** The call ended: its episode, if any, is over. */
  forget(callId: string): void;
}

export function createCallQualityLog(logger: Logger): CallQualityLog {
  const poorCalls = new Set<string>();
  return {
    observe(callId, quality) {
      if (quality === undefined) return;
      const problems = qualityProblems(quality);
      if (problems.length === 0) return void poorCalls.delete(callId);
      if (poorCalls.has(callId)) return;
      if (poorCalls.size >= MAX_TRACKED_CALLS) poorCalls.delete(poorCalls.values().next().value as string);
      poorCalls.add(callId);
      logger.warn({ callId, ...quality, problems: problems.map(describeProblem) }, 'poor call quality');
    },
    forget: (callId) => void poorCalls.delete(callId),
  };
}
