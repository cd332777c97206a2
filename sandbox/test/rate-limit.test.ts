import { describe, expect, it } from 'vitest';
import { BurstWindow } from '../src/rate-limit/burst-window';
import { DailyBudget } from '../src/rate-limit/daily-budget';
import { RateLimiter } from '../src/rate-limit/rate-limiter';
import { DEFAULT_RATE_LIMITS } from '../src/settings';

describe('rolling burst window', () => {
  it('allows `limit` requests per window and frees slots as old ones age out', () => {
    const window = new BurstWindow();
    expect(window.check('u', 3, 2000, 0)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 2 });
    expect(window.check('u', 3, 2000, 500).allowed).toBe(true);
    expect(window.check('u', 3, 2000, 1000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(window.check('u', 3, 2000, 1500)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 1 });
    expect(window.check('u', 3, 2000, 2000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(window.check('other', 3, 2000, 2000).allowed).toBe(true);
  });

  it('does not count rejected requests', () => {
    const window = new BurstWindow();
    window.check('u', 1, 2000, 0);
    for (let t = 100; t < 2000; t += 100) expect(window.check('u', 1, 2000, t).allowed).toBe(false);
    expect(window.check('u', 1, 2000, 2000).allowed).toBe(true);
  });
});

describe('daily token budget', () => {
  it('spends token costs and refuses what does not fit until the next UTC day', () => {
    const budget = new DailyBudget();
    const day = Date.UTC(2025, 0, 1, 10);
    expect(budget.spend(20, 30, day)).toEqual({ allowed: true, limit: 30, remaining: 10 });
    expect(budget.spend(20, 30, day)).toEqual({ allowed: false, limit: 30, remaining: 10 });
    expect(budget.spend(10, 30, day).allowed).toBe(true);
    expect(budget.spend(1, 30, day).allowed).toBe(false);
    expect(budget.spend(1, 30, Date.UTC(2025, 0, 2, 0, 0, 0)).allowed).toBe(true);
  });
});

describe('rate limiter', () => {
  it('derives the daily budget from seats and keeps search on its own window', () => {
    const limiter = new RateLimiter(() => ({ ...DEFAULT_RATE_LIMITS, burstLimit: 2 }), () => 4);
    expect(limiter.dailyLimit()).toBe(120_000);
    const check = (isSearch: boolean) => limiter.check({ userKey: 'u', isSearch, cost: 1, now: 0 });
    expect(check(false).allowed).toBe(true);
    expect(check(false).allowed).toBe(true);
    const refused = check(false);
    expect(refused).toMatchObject({ allowed: false, reason: 'burst' });
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(check(true).headers['x-ratelimit-limit']).toBe('10');
  });
});
