import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestKit } from './sandbox-test-kit';

describe('sandbox rate limits', () => {
  let kit: TestKit;
  let token: string;
  let otherUserToken: string;
  beforeAll(async () => {
    // Tokens outlive the day jumps below.
    kit = await TestKit.start({ accessTokenTtlSeconds: 30 * 86_400 });
    token = (await kit.install(20002)).access_token;
    otherUserToken = (await kit.install(20003)).access_token;
  });
  beforeEach(() => kit.sandbox.reset());
  afterAll(() => kit.close());

  it('sends the burst and daily headers on every API response', async () => {
    const response = await kit.get('/api/v1/users/me', token);
    expect(response.headers.get('x-ratelimit-limit')).toBe('80');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('79');
    expect(response.headers.get('x-ratelimit-reset')).toBe('2');
    // 30 000 tokens × plan multiplier 1 × 4 seats; users/me costs 2.
    expect(response.headers.get('x-daily-ratelimit-token-limit')).toBe('120000');
    expect(response.headers.get('x-daily-ratelimit-token-remaining')).toBe('119998');
  });

  it('answers 429 after 80 requests in 2 seconds, per user, and recovers after the window', async () => {
    for (let i = 0; i < 80; i++) expect((await kit.get('/api/v1/users/me', token)).status).toBe(200);
    const limited = await kit.get('/api/v1/users/me', token);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, error: 'Request over limit', data: null, additional_data: null });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2');
    expect((await kit.get('/api/v1/users/me', otherUserToken)).status).toBe(200);
    kit.clock.advance(1999);
    expect((await kit.get('/api/v1/users/me', token)).status).toBe(429);
    kit.clock.advance(1);
    expect((await kit.get('/api/v1/users/me', token)).status).toBe(200);
  });

  it('limits search endpoints to 10 per 2 seconds on their own counter', async () => {
    for (let i = 0; i < 10; i++) expect((await kit.get('/api/v2/persons/search?term=Reed&fields=name', token)).status).toBe(200);
    const limited = await kit.get('/api/v2/persons/search?term=Reed&fields=name', token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await kit.get('/api/v2/persons/1', token)).status).toBe(200);
    kit.clock.advance(2000);
    expect((await kit.get('/api/v2/persons/search?term=Reed&fields=name', token)).status).toBe(200);
  });

  it('refuses every request once the daily token budget is spent, until midnight UTC', async () => {
    await kit.control('/config', { rateLimits: { dailyTokenBudget: 21 } });
    expect((await kit.get('/api/v2/persons', token)).status).toBe(200); // list: 10 tokens
    const over = await kit.get('/api/v2/persons/search?term=Reed&fields=name', token); // search: 20 tokens, does not fit
    expect(over.status).toBe(429);
    expect(over.headers.get('x-daily-ratelimit-token-remaining')).toBe('11');
    expect((await kit.get('/api/v2/persons', token)).status).toBe(200); // 20 spent
    expect((await kit.get('/api/v2/persons/1', token)).status).toBe(200); // get one: 1 token, 21 spent
    const spent = await kit.get('/api/v2/persons/1', otherUserToken);
    expect(spent.status).toBe(429);
    expect(spent.headers.get('x-daily-ratelimit-token-remaining')).toBe('0');
    expect(spent.body.success).toBe(false);
    kit.clock.advance(12 * 3_600_000); // the fake clock starts at 12:00 UTC
    expect((await kit.get('/api/v2/persons/1', token)).status).toBe(200);
  });

  it('uses limits changed through /__sandbox/config', async () => {
    await kit.control('/config', { rateLimits: { burstLimit: 2 } });
    expect((await kit.get('/api/v1/users/me', token)).status).toBe(200);
    expect((await kit.get('/api/v1/users/me', token)).status).toBe(200);
    expect((await kit.get('/api/v1/users/me', token)).status).toBe(429);
  });
});
