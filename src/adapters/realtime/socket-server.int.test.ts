import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect as connectTcp } from 'node:net';
import pino from 'pino';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, AccountRepository } from '@/adapters/db/account-repository';
import type { IframeTokenResult } from '@/adapters/session/iframe-token';
import { createSessionSealer } from '@/adapters/session/session-sealer';
import { InMemoryAgentAvailability } from '@/application/ports/testing';
import { companyRoom, userRoom } from './socket-events';
import { attachRealtime, type RealtimeServer } from './socket-server';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';
const sessions = createSessionSealer({ sessionSecret: 'realtime-test-session-secret-long-enough' });

function account(companyId: number, userId: number): Account {
  return {
    companyId,
    userId,
    name: `Agent ${userId}`,
    email: `agent${userId}@example.test`,
    companyName: `Company ${companyId}`,
    apiDomain: 'https://example.test',
    scopes: 'base',
    status: 'connected',
    accessTokenExpiresAt: Date.now() + 3_600_000,
    tokenVersion: 1,
    createdAt: 0,
    updatedAt: 0,
  };
}

/** Shared by every instance of a test, as the database is. */
let availability = new InMemoryAgentAvailability();
const installed = [account(1, 10), account(1, 11), account(2, 20)];
const accounts = {
  find: async (key: { companyId: number; userId: number }) => installed.find((a) => a.companyId === key.companyId && a.userId === key.userId) ?? null,
} as unknown as AccountRepository;

/** Tokens in these tests are `valid:<companyId>:<userId>`; the real verifier is unit-tested elsewhere. */
async function verifyIframeToken(token: string): Promise<IframeTokenResult> {
  const match = /^valid:(\d+):(\d+)$/.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  return { ok: true, identity: { companyId: Number(match[1]), userId: Number(match[2]), expiresAt: Date.now() + 300_000 } };
}

interface Instance {
  url: string;
  realtime: RealtimeServer;
  http: HttpServer;
}

const running: Instance[] = [];
const clients: Socket[] = [];

async function startInstance(redisUrl: string | null = null, redisPrefix?: string): Promise<Instance> {
  const http = createServer();
  const realtime = await attachRealtime({ httpServer: http, appOrigin: 'http://app.example.test', sessions, verifyIframeToken, accounts, availability, logger: pino({ level: 'silent' }), redisUrl, redisPrefix });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const instance = { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, realtime, http };
  running.push(instance);
  return instance;
}

function connectClient(instance: Instance, auth: { token?: string; cookie?: string }): Promise<Socket> {
  const socket = connectSocket(instance.url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    auth: auth.token ? { token: auth.token } : {},
    extraHeaders: auth.cookie ? { cookie: auth.cookie } : {},
  });
  clients.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function redisIsUp(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = connectTcp({ host: hostname, port: Number(port || 6379) });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(1500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Records every payload `socket` receives for `event`. */
function received(socket: Socket, event: string): unknown[] {
  const seen: unknown[] = [];
  socket.on(event, (payload: unknown) => seen.push(payload));
  return seen;
}

afterEach(async () => {
  availability = new InMemoryAgentAvailability();
  clients.splice(0).forEach((socket) => socket.disconnect());
  for (const instance of running.splice(0)) {
    await instance.realtime.close();
    await new Promise<void>((resolve) => instance.http.close(() => resolve()));
  }
});

describe('socket layer', () => {
  it('authenticates by session cookie and by token, and puts sockets in their company and user rooms', async () => {
    const instance = await startInstance();
    const cookie = (await sessions.createSessionCookie({ companyId: 1, userId: 10 }, Date.now() + 60_000)).split(';')[0] as string;
    const a10 = await connectClient(instance, { cookie });
    const a11 = await connectClient(instance, { token: 'valid:1:11' });
    const b20 = await connectClient(instance, { token: 'valid:2:20' });
    const heard = { a10: received(a10, 'session:expired'), a11: received(a11, 'session:expired'), b20: received(b20, 'session:expired') };

    instance.realtime.io.to(companyRoom(1)).emit('session:expired', { reason: 'expired' });
    instance.realtime.io.to(userRoom(1, 11)).emit('session:expired', { reason: 'disconnected' });
    // A round trip on every socket guarantees earlier emits were delivered.
    await Promise.all([a10, a11, b20].map((socket) => socket.emitWithAck('agent:set-availability', { available: true })));

    expect(heard.a10).toEqual([{ reason: 'expired' }]);
    expect(heard.a11).toEqual([{ reason: 'expired' }, { reason: 'disconnected' }]);
    expect(heard.b20).toEqual([]);
  });

  it('refuses unauthenticated sockets and users without an install', async () => {
    const instance = await startInstance();
    await expect(connectClient(instance, {})).rejects.toThrow('SESSION_REQUIRED');
    await expect(connectClient(instance, { token: 'forged' })).rejects.toThrow('TOKEN_INVALID');
    await expect(connectClient(instance, { token: 'valid:1:99' })).rejects.toThrow('ACCOUNT_NOT_INSTALLED');
  });

  it('tells the window when its session lapses and closes the socket', async () => {
    const instance = await startInstance();
    const cookie = (await sessions.createSessionCookie({ companyId: 1, userId: 10 }, Date.now() + 300)).split(';')[0] as string;
    const socket = await connectClient(instance, { cookie });
    const expired = new Promise((resolve) => socket.once('session:expired', resolve));
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    expect(await expired).toEqual({ reason: 'expired' });
    expect(await closed).toBe('io server disconnect');
  });

  it('validates client payloads', async () => {
    const instance = await startInstance();
    const socket = await connectClient(instance, { token: 'valid:1:10' });
    expect(await socket.emitWithAck('agent:set-availability', { available: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await socket.emitWithAck('agent:set-availability', { available: false })).toEqual({ ok: true });
    expect(await instance.realtime.listOnlineAgents(1)).toEqual([expect.objectContaining({ userId: 10, available: false })]);
  });

  it('stores "Do not disturb" per agent: every tab hears it, a new tab starts with it, a failed write says so', async () => {
    const instance = await startInstance();
    const first = await connectClient(instance, { token: 'valid:1:10' });
    const second = await connectClient(instance, { token: 'valid:1:10' });
    const colleague = await connectClient(instance, { token: 'valid:1:11' });
    const heard = { first: received(first, 'agent:availability'), second: received(second, 'agent:availability'), colleague: received(colleague, 'agent:availability') };
    expect(await first.emitWithAck('agent:set-availability', { available: false })).toEqual({ ok: true });
    await Promise.all([second, colleague].map((socket) => socket.emitWithAck('agent:set-availability', { nonsense: true })));
    expect(heard).toEqual({ first: [{ available: false }], second: [{ available: false }], colleague: [] });
    expect(await availability.isAvailable({ companyId: 1, userId: 10 })).toBe(false);

    const ready = new Promise((resolve) => {
      const third = connectSocket(instance.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: { token: 'valid:1:10' } });
      clients.push(third);
      third.once('ready', resolve);
    });
    expect(await ready).toMatchObject({ user: { id: 10 }, available: false });

    availability.failNextSave = true;
    expect(await first.emitWithAck('agent:set-availability', { available: true })).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(await availability.isAvailable({ companyId: 1, userId: 10 })).toBe(false);
  });

  it('lists online agents across app instances through the Redis adapter', async () => {
    if (!(await redisIsUp())) throw new Error(`Redis is not reachable at ${REDIS_URL}. Start it with: ${START_REDIS}`);
    const first = await startInstance(REDIS_URL);
    const second = await startInstance(REDIS_URL);
    // Company ids unique to this run keep other test runs sharing the Redis server apart.
    const companyA = 1_000_000 + Math.floor(Math.random() * 1_000_000);
    const companyB = companyA + 1;
    installed.push(account(companyA, 10), account(companyA, 11), account(companyB, 20));
    await connectClient(first, { token: `valid:${companyA}:10` });
    await connectClient(second, { token: `valid:${companyA}:11` });
    await connectClient(second, { token: `valid:${companyB}:20` });
    const agents = await first.realtime.listOnlineAgents(companyA);
    expect(agents.map((agent) => agent.userId).sort()).toEqual([10, 11]);
    expect(agents.find((agent) => agent.userId === 11)).toMatchObject({ name: 'Agent 11', email: 'agent11@example.test', available: true });
  });

  it('fails start-up with a clear error when Redis does not answer, instead of waiting forever', async () => {
    const http = createServer();
    const attempt = attachRealtime({
      httpServer: http,
      appOrigin: 'http://app.example.test',
      sessions,
      verifyIframeToken,
      accounts,
      availability,
      logger: pino({ level: 'silent' }),
      redisUrl: 'redis://127.0.0.1:1',
      redisConnectTimeoutMs: 300,
    });
    await expect(attempt).rejects.toThrow(/REDIS_URL.*did not accept a connection/);
    http.close();
  });

  it('keeps stacks with different REDIS_PREFIX apart on one Redis, and answers the readiness PING', async () => {
    if (!(await redisIsUp())) throw new Error(`Redis is not reachable at ${REDIS_URL}. Start it with: ${START_REDIS}`);
    const prefix = `socket-test-${Math.floor(Math.random() * 1e9)}`;
    const mine = await startInstance(REDIS_URL, `${prefix}-a`);
    const alsoMine = await startInstance(REDIS_URL, `${prefix}-a`);
    const unrelated = await startInstance(REDIS_URL, `${prefix}-b`);
    // The same company id on both stacks: only the prefix separates them.
    const company = 3_000_000 + Math.floor(Math.random() * 1_000_000);
    installed.push(account(company, 10), account(company, 11), account(company, 12));
    const onMine = await connectClient(alsoMine, { token: `valid:${company}:11` });
    const onUnrelated = await connectClient(unrelated, { token: `valid:${company}:12` });
    const heard = { mine: received(onMine, 'session:expired'), unrelated: received(onUnrelated, 'session:expired') };

    mine.realtime.io.to(companyRoom(company)).emit('session:expired', { reason: 'expired' });
    expect((await mine.realtime.listOnlineAgents(company)).map((agent) => agent.userId)).toEqual([11]);
    await waitUntil(() => heard.mine.length > 0);
    expect(heard).toEqual({ mine: [{ reason: 'expired' }], unrelated: [] });
    await expect(mine.realtime.pingRedis()).resolves.toBeUndefined();
  });
});

async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}
