/** When a failed write is tried again, and when the outbox gives up on it. */
export interface RetryPolicy {
  /** Attempts in all, the first included; the entry is failed after the last one. */
  readonly maxAttempts: number;
  /** Wait after the first failed attempt; doubles with every further attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Up to this fraction of the wait is added at random, so instances do not retry in lockstep. */
  readonly jitterRatio: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  jitterRatio: 0.2,
};

/**
 * The wait before the next attempt after `attempts` failed ones. Pipedrive's `Retry-After` (rate
 * limit) is honoured as the minimum; otherwise exponential back-off. `random` is in [0, 1).
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, retryAfterMs: number | undefined, random: number): number {
  const base =
    retryAfterMs !== undefined
      ? Math.max(0, retryAfterMs)
      : Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + policy.jitterRatio * random));
}
