export interface WindowDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window frees a slot (Pipedrive's `x-ratelimit-reset`). */
  resetSeconds: number;
}

/**
 * Rolling window: a request is allowed when fewer than `limit` allowed requests happened in the last
 * `windowMs`. Rejected requests are not counted, so a client that backs off recovers after one window.
 */
export class BurstWindow {
  private readonly hits = new Map<string, number[]>();

  check(key: string, limit: number, windowMs: number, now: number): WindowDecision {
    const since = now - windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    const allowed = list.length < limit;
    if (allowed) list.push(now);
    this.hits.set(key, list);
    const oldest = list[0];
    const resetMs = oldest === undefined ? windowMs : oldest + windowMs - now;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - list.length),
      resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
    };
  }

  clear(): void {
    this.hits.clear();
  }
}
