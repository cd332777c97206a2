import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { APP, startFakeApp, TestKit } from './sandbox-test-kit';

describe('sandbox test controls and faults', () => {
  let kit: TestKit;
  let token: string;
  beforeAll(async () => {
    kit = await TestKit.start();
    token = (await kit.install(20002)).access_token;
  });
  beforeEach(() => kit.sandbox.reset());
  afterAll(() => kit.close());

  const noteBody = { content: 'x', person_id: 1 };

  it('injects a 5xx for the next N matching requests only', async () => {
    const added = await kit.control('/faults', { kind: 'error', method: 'POST', path: '/api/v1/notes', status: 503, count: 2 });
    expect(added.body.data).toMatchObject({ kind: 'error', remaining: 2 });
    expect((await kit.get('/api/v1/notes', token)).status).toBe(200); // method does not match
    for (let i = 0; i < 2; i++) {
      const failed = await kit.post('/api/v1/notes', token, noteBody);
      expect(failed.status).toBe(503);
      expect(failed.body).toMatchObject({ success: false, data: null, additional_data: null });
    }
    expect((await kit.post('/api/v1/notes', token, noteBody)).status).toBe(200);
    const state = await kit.control('/state', undefined, 'GET');
    expect(state.body.data.notes).toHaveLength(1);
  });

  it('injects a 429 with rate-limit headers', async () => {
    await kit.control('/faults', { kind: 'rate_limit', path: '/api/v2/persons/*' });
    const limited = await kit.get('/api/v2/persons/1', token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2');
    expect((await kit.get('/api/v2/persons/1', token)).status).toBe(200);
  });

  it('adds latency to matching requests through the clock', async () => {
    const before = kit.clock.sleeps.length;
    await kit.control('/faults', { kind: 'latency', path: '/api/v1/users/me', latencyMs: 1500 });
    expect((await kit.get('/api/v1/users/me', token)).status).toBe(200);
    expect(kit.clock.sleeps.slice(before)).toEqual([1500]);
  });

  it('adds configured latency to every API response', async () => {
    await kit.control('/config', { latencyMs: 250 });
    const before = kit.clock.sleeps.length;
    await kit.get('/api/v1/users/me', token);
    await kit.get('/api/v2/persons/1', token);
    expect(kit.clock.sleeps.slice(before)).toEqual([250, 250]);
  });

  it('drops the response after the write: the call log exists, the client sees a broken connection', async () => {
    await kit.control('/faults', { kind: 'drop_after_write', method: 'POST', path: '/api/v1/callLogs' });
    const attempt = kit.post('/api/v1/callLogs', token, {
      outcome: 'connected', to_phone_number: '+442079460958', start_time: '2025-06-02 10:00:00', end_time: '2025-06-02 10:01:00',
    });
    await expect(attempt).rejects.toThrow();
    const state = await kit.control('/state', undefined, 'GET');
    expect(state.body.data.callLogs).toHaveLength(1);
  });

  it('can drop a token response too (refresh written, answer lost)', async () => {
    const tokens = await kit.install(20003);
    await kit.control('/faults', { kind: 'drop_after_write', method: 'POST', path: '/oauth/token' });
    await expect(kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).rejects.toThrow();
    expect((await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(200);
  });

  it('lists and clears faults', async () => {
    await kit.control('/faults', { kind: 'error', path: '/api/*', count: 5 });
    expect((await kit.control('/faults', undefined, 'GET')).body.data).toHaveLength(1);
    await kit.control('/faults', undefined, 'DELETE');
    expect((await kit.get('/api/v1/users/me', token)).status).toBe(200);
  });

  it('validates control bodies', async () => {
    expect((await kit.control('/faults', { kind: 'explode', path: '/api/*' })).status).toBe(400);
    expect((await kit.control('/faults', { kind: 'latency', path: '/api/*' })).status).toBe(400);
    expect((await kit.control('/config', { latencyMs: -1 })).status).toBe(400);
  });

  it('revokes a user’s tokens, optionally with the uninstall notice', async () => {
    const app = await startFakeApp();
    const sandbox = await TestKit.start({ app: { ...APP, redirectUri: `${app.url}/cb` } });
    try {
      const a = await sandbox.install(20002, `${app.url}/cb`);
      await sandbox.control('/revoke', { userId: 20002 });
      expect((await sandbox.get('/api/v1/users/me', a.access_token)).status).toBe(401);
      expect(app.received).toHaveLength(0);
      await sandbox.install(20003, `${app.url}/cb`);
      await sandbox.control('/revoke', { userId: 20003, notify: true });
      expect(app.received.map((r) => r.method)).toEqual(['DELETE']);
      expect((await sandbox.control('/state?include=installs', undefined, 'GET')).body.data.installs).toEqual([]);
    } finally {
      await sandbox.close();
      await app.close();
    }
  });

  it('expires access tokens on demand, keeping refresh tokens', async () => {
    const tokens = await kit.install(20004);
    await kit.control('/expire-tokens', { userId: 20004 });
    expect((await kit.get('/api/v1/users/me', tokens.access_token)).status).toBe(401);
    expect((await kit.get('/api/v1/users/me', token)).status).toBe(200);
    expect((await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(200);
  });

  it('moves the clock forward for out-of-process tests', async () => {
    const tokens = await kit.install(20004);
    await kit.control('/clock', { advanceMs: 3600_000 });
    expect((await kit.get('/api/v1/users/me', tokens.access_token)).status).toBe(401);
  });

  it('changes token lifetime and rotation through /config', async () => {
    await kit.control('/config', { accessTokenTtlSeconds: 10, rotateRefreshTokens: true });
    const tokens = await kit.install(20004);
    expect(tokens.expires_in).toBe(10);
    const refreshed = await kit.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(kit.sandbox.context.options.accessTokenTtlSeconds).toBe(10);
  });

  it('reset reseeds identically, removes written data and keeps installs', async () => {
    const { access_token: token } = await kit.install(20001);
    const before = (await kit.control('/state?include=persons,activities', undefined, 'GET')).body.data;
    await kit.post('/api/v2/persons', token, { name: 'Temp' });
    await kit.post('/api/v1/notes', token, noteBody);
    expect((await kit.control('/reset')).status).toBe(200);
    const after = (await kit.control('/state?include=persons,activities,notes', undefined, 'GET')).body.data;
    expect(after.persons).toEqual(before.persons);
    expect(after.activities).toEqual(before.activities);
    expect(after.notes).toEqual([]);
    expect((await kit.get('/api/v1/users/me', token)).status).toBe(200);
  });

  it('answers 404 on control routes unless testControls is on', async () => {
    const plain = await startSandbox({ port: 0, app: APP });
    try {
      const response = await fetch(`${plain.url}/__sandbox/reset`, { method: 'POST' });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ success: false, data: null });
    } finally {
      await plain.close();
    }
  });

  it('answers 404 in Pipedrive’s shape for paths nobody handles', async () => {
    const response = await kit.call('GET', '/no/such/page');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ success: false, data: null, additional_data: null });
  });

  it('stays quick with 10 000 persons (indexed phone lookups)', async () => {
    const big = await TestKit.start({ personCount: 10_000 });
    try {
      const t = (await big.install()).access_token;
      const response = await big.get(`/api/v2/persons/search?term=${encodeURIComponent('020 7946 0958')}&fields=phone&exact_match=true`, t);
      expect(response.body.data.items.map((i: { item: { id: number } }) => i.item.id)).toEqual([1]);
      const last = await big.get('/api/v2/persons/10000', t);
      expect(last.status).toBe(200);
    } finally {
      await big.close();
    }
  });
});
