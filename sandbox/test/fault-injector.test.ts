import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../src/faults/fault-injector';

describe('fault injector', () => {
  it('matches method and wildcard path, counts down and then stops', () => {
    const faults = new FaultInjector();
    faults.add({ kind: 'error', method: 'post', path: '/api/v1/callLogs*', remaining: 2, status: 502 });
    expect(faults.take('GET', '/api/v1/callLogs')).toBeUndefined();
    expect(faults.take('POST', '/api/v1/callLogs')).toMatchObject({ kind: 'error', status: 502, remaining: 1 });
    expect(faults.take('POST', '/api/v1/callLogs/abc')).toMatchObject({ remaining: 0 });
    expect(faults.take('POST', '/api/v1/callLogs')).toBeUndefined();
    expect(faults.list()).toEqual([]);
  });

  it('treats regex characters in paths literally', () => {
    const faults = new FaultInjector();
    faults.add({ kind: 'latency', method: '*', path: '/api/v2/persons/search', remaining: 1, latencyMs: 5 });
    expect(faults.take('GET', '/api/v2/persons/searchX')).toBeUndefined();
    expect(faults.take('GET', '/api/v2/persons/search')).toMatchObject({ latencyMs: 5 });
  });
});
