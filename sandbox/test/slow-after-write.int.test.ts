import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestKit } from './sandbox-test-kit';

describe('fault injection: slow_after_write', () => {
  let kit: TestKit;
  let token: string;
  beforeAll(async () => {
    kit = await TestKit.start();
    token = (await kit.install(20002)).access_token;
  });
  afterAll(() => kit.close());

  it('writes first, then holds the answer back for latencyMs', async () => {
    expect((await kit.control('/faults', { kind: 'slow_after_write', method: 'POST', path: '/api/v1/callLogs' })).status).toBe(400);
    await kit.control('/faults', { kind: 'slow_after_write', method: 'POST', path: '/api/v1/callLogs', latencyMs: 30_000 });
    const before = kit.clock.sleeps.length;
    const response = await kit.post('/api/v1/callLogs', token, {
      outcome: 'connected', to_phone_number: '+442079460958', start_time: '2025-06-02 10:00:00', end_time: '2025-06-02 10:01:00',
    });
    expect(response.status).toBe(200);
    expect(kit.clock.sleeps.slice(before)).toEqual([30_000]);
    const state = await kit.control('/state', undefined, 'GET');
    expect(state.body.data.callLogs).toHaveLength(1);
  });
});
