/**
 * Call quality as the softphone measures it and reports it with `alive` (docs/REAL-CALLS.md), and
 * the thresholds both ends judge it by: the window to warn the agent, the server to log a poor
 * call. No zod (the route's schema is `sip-route.schema.ts`), no imports: the window may import it.
 */

/** One sample, measured over the last poll interval (2 s) of a connected call. */
export interface CallQuality {
  /** Estimated mean opinion score, 1 (bad) to 4.5 (best narrowband-equivalent a call gets). */
  readonly mos: number;
  /** Audio packets lost, in percent: the worse of what we received and what the far end reports. */
  readonly lossPercent: number;
  /** Interarrival jitter of what we receive, in milliseconds. */
  readonly jitterMs: number;
  /** Round-trip time to the media peer, in milliseconds; absent until the first measurement. */
  readonly rttMs?: number;
}

/**
 * Where a call turns poor: the thresholds business softphones warn at (Twilio Voice's call-quality
 * warnings use these values). A sample beyond any of them is a poor sample.
 */
export const POOR_QUALITY = { lossPercent: 3, jitterMs: 30, rttMs: 400, mos: 3.5 } as const;

export type QualityProblem =
  | { readonly kind: 'loss'; readonly value: number }
  | { readonly kind: 'jitter'; readonly value: number }
  | { readonly kind: 'latency'; readonly value: number }
  | { readonly kind: 'mos'; readonly value: number };

/** What is wrong with a sample, worst-heard first; empty when it is good. */
export function qualityProblems(quality: CallQuality): QualityProblem[] {
  const problems: QualityProblem[] = [];
  if (quality.lossPercent > POOR_QUALITY.lossPercent) problems.push({ kind: 'loss', value: quality.lossPercent });
  if (quality.jitterMs > POOR_QUALITY.jitterMs) problems.push({ kind: 'jitter', value: quality.jitterMs });
  if (quality.rttMs !== undefined && quality.rttMs > POOR_QUALITY.rttMs) problems.push({ kind: 'latency', value: quality.rttMs });
  // The score alone only when nothing above explains it (several values near their limits).
  if (problems.length === 0 && quality.mos < POOR_QUALITY.mos) problems.push({ kind: 'mos', value: quality.mos });
  return problems;
}

/** "high packet loss (8 %)", "high jitter (45 ms)", "high latency (520 ms)", "poor audio (score 3.2 of 4.5)". */
export function describeProblem(problem: QualityProblem): string {
  switch (problem.kind) {
    case 'loss':
      return `high packet loss (${Math.round(problem.value)} %)`;
    case 'jitter':
      return `high jitter (${Math.round(problem.value)} ms)`;
    case 'latency':
      return `high latency (${Math.round(problem.value)} ms)`;
    case 'mos':
      return `poor audio (score ${problem.value.toFixed(1)} of 4.5)`;
  }
}
