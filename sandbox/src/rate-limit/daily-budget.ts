const DAY_MS = 86_400_000;

export interface BudgetDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
}

/**
 * Company-wide daily token budget. Resets at midnight of the server's time zone, which for the
 * sandbox is UTC. Once exhausted, every request is refused until the reset, as Pipedrive documents.
 */
export class DailyBudget {
  private day = -1;
  private used = 0;

  spend(cost: number, limit: number, now: number): BudgetDecision {
    const day = Math.floor(now / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
    const allowed = this.used + cost <= limit && this.used < limit;
    if (allowed) this.used += cost;
    return { allowed, limit, remaining: Math.max(0, limit - this.used) };
  }

  clear(): void {
    this.day = -1;
    this.used = 0;
  }
}
