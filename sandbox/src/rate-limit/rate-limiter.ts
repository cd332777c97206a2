import type { RateLimitSettings } from '../settings';
import { DAILY_TOKENS_PER_SEAT } from '../settings';
import { BurstWindow } from './burst-window';
import { DailyBudget } from './daily-budget';

export interface RateDecision {
  allowed: boolean;
  reason?: 'burst' | 'daily';
  /** Headers sent on every API response, allowed or not. */
  headers: Record<string, string>;
}

/**
 * Pipedrive's two limits: a per-user burst window (search endpoints have their own lower one) and a
 * per-company daily token budget where each endpoint has a token cost.
 */
export class RateLimiter {
  private readonly burst = new BurstWindow();
  private readonly search = new BurstWindow();
  private readonly budget = new DailyBudget();

  constructor(
    private readonly settings: () => RateLimitSettings,
    private readonly seats: () => number,
  ) {}

  dailyLimit(): number {
    return this.settings().dailyTokenBudget ?? DAILY_TOKENS_PER_SEAT * 1 * this.seats();
  }

  check(input: { userKey: string; isSearch: boolean; cost: number; now: number }): RateDecision {
    const s = this.settings();
    const window = input.isSearch
      ? this.search.check(input.userKey, s.searchBurstLimit, s.windowMs, input.now)
      : this.burst.check(input.userKey, s.burstLimit, s.windowMs, input.now);
    const burstHeaders = {
      'x-ratelimit-limit': String(window.limit),
      'x-ratelimit-remaining': String(window.remaining),
      'x-ratelimit-reset': String(window.resetSeconds),
    };
    const dailyLimit = this.dailyLimit();
    if (!window.allowed) {
      const peek = this.budget.spend(0, dailyLimit, input.now);
      return { allowed: false, reason: 'burst', headers: { ...burstHeaders, ...dailyHeaders(peek.limit, peek.remaining) } };
    }
    const daily = this.budget.spend(input.cost, dailyLimit, input.now);
    const headers = { ...burstHeaders, ...dailyHeaders(daily.limit, daily.remaining) };
    return daily.allowed ? { allowed: true, headers } : { allowed: false, reason: 'daily', headers };
  }

  clear(): void {
    this.burst.clear();
    this.search.clear();
    this.budget.clear();
  }
}

function dailyHeaders(limit: number, remaining: number): Record<string, string> {
  return { 'x-daily-ratelimit-token-limit': String(limit), 'x-daily-ratelimit-token-remaining': String(remaining) };
}
