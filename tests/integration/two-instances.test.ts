/**
 * Two app instances behind one (imaginary) load balancer: one PostgreSQL schema, one Redis (a
 * REDIS_PREFIX of their own), the same SESSION_SECRET and APP_URL, WebSocket-only sockets. The
 * sandbox runs in-process; socket.io-client plays the agents' windows, each connected to the
 * instance the "load balancer" picked. Nothing an instance keeps in memory may matter: ringing,
 * first-answer-wins, the outbox and the Control Center must work whichever instance is asked.
 * DEBUG_APP_OUTPUT=1 prints both apps' logs.
 */
import { randomBytes } from 'node:crypto';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/adapters/db/database';
import { signWebhookBody } from '@/adapters/telephony/webhook/webhook-signature';
import { createTestDatabase, type TestDatabase } from '../support/database-engine';
import { REDIS_UNREACHABLE, REDIS_URL, isRedisReachable } from '../support/redis';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';
import { cookiePair, installThroughSandbox, openWindow, signWindowToken } from './helpers/app-harness';

const WEBHOOK_SECRET = 'two-instances-webhook-secret-0123456789';
const STRESS_WRAP_UPS = 20;

interface WindowCall {
  id: string;
  state: string;
  remoteNumber: string;
  wrapUp: { status: string } | null;
}
interface Tab {
  socket: Socket;
  windowId: string;
  events: { event: string; payload: Record<string, unknown> }[];
}

let database: TestDatabase;
let stack: Stack;
let instanceA: string;
let instanceB: string;
let companyId: number;
let agent: number;
let colleague: number;
const cookies = new Map<number, string>();
let windowProps: Record<string, unknown>;
const tabs: Tab[] = [];

beforeAll(async () => {
  if (!(await isRedisReachable())) throw new Error(REDIS_UNREACHABLE);
  database = await createTestDatabase('two_instances', 'postgres');
  stack = await startStack({
    secondInstance: true,
    appEnv: {
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_PREFIX: `two-instances-${randomBytes(6).toString('hex')}`,
      SOCKET_TRANSPORTS: 'websocket',
      TELEPHONY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      MOCK_TELEPHONY_RING_MS: '50',
      MOCK_TELEPHONY_CONNECT_MS: '60000',
      RING_TIMEOUT_SECONDS: '60',
    },
  });
  instanceA = stack.app.url;
  instanceB = (stack.secondApp as NonNullable<Stack['secondApp']>).url;
  companyId = stack.sandbox.context.store.company.id;
  [agent, colleague] = stack.sandbox.context.store.listUsers().map((user) => user.id) as [number, number];
  for (const userId of [agent, colleague]) {
    const install = await installThroughSandbox(stack, userId);
    if (install.callback.status !== 200) throw new Error(`install failed: ${install.callback.status}\n${stack.app.output()}`);
    const opened = await openWindow(stack, { token: await signWindowToken({ userId, companyId }, { secret: stack.clientSecret }), userId: String(userId), companyId: String(companyId) });
    cookies.set(userId, cookiePair(opened.sessionCookie));
    windowProps = opened.props;
  }
}, 300_000);

afterEach(() => {
  for (const tab of tabs.splice(0)) tab.socket.disconnect();
});

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(stack?.app.output(), stack?.secondApp?.output());
  await stack?.stop();
  await database?.drop();
});

/** A call route as the window sends it, to the instance the load balancer picked. */
function callApi(instance: string, userId: number, path: string, options: { method?: string; body?: unknown; windowId?: string } = {}) {
  const headers: Record<string, string> = { cookie: cookies.get(userId) as string, origin: stack.appUrl };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.windowId !== undefined) headers['x-window-id'] = options.windowId;
  return fetch(`${instance}${path}`, { method: options.method ?? 'POST', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

async function callOf(response: Response): Promise<WindowCall> {
  if (response.status >= 300) throw new Error(`call route answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { call: WindowCall }).call;
}

let tabSequence = 0;
/** An agent's window whose socket the load balancer sent to `instance`, as the window connects (iframe token). */
async function openTab(instance: string, userId: number): Promise<Tab> {
  const windowId = `tab-${userId}-${++tabSequence}`;
  const token = await signWindowToken({ userId, companyId }, { secret: stack.clientSecret });
  const socket = connectSocket(instance, { auth: { token, windowId }, transports: ['websocket'], reconnection: false, forceNew: true });
  const tab: Tab = { socket, windowId, events: [] };
  socket.onAny((event: string, payload: Record<string, unknown>) => tab.events.push({ event, payload }));
  tabs.push(tab);
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return tab;
}

function waitForEvent(tab: Tab, event: string, matches: (payload: Record<string, unknown>) => boolean, what: string) {
  return waitFor(
    () => tab.events.find((received) => received.event === event && matches(received.payload)),
    (found) => found !== undefined,
    `${what} on ${tab.windowId} (got ${tab.events.map((e) => e.event).join(', ')})`,
  ).then((found) => found?.payload as Record<string, unknown>);
}

const isCall = (callId: string) => (payload: Record<string, unknown>) => (payload.call as WindowCall | undefined)?.id === callId;
const digits = (text: string | null | undefined) => (text ?? '').replace(/\D/g, '');

/** The call logs Pipedrive holds, as the sandbox's test API reports them. */
async function sandboxCallLogs(): Promise<{ to_phone_number: string; from_phone_number: string }[]> {
  const response = await fetch(`${stack.sandbox.url}/__sandbox/state?include=callLogs`);
  return ((await response.json()) as { data: { callLogs: { to_phone_number: string; from_phone_number: string }[] } }).data.callLogs;
}

async function withAppDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase(database.url);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** An outbound call placed on one instance, hung up on the other, wrapped up on either. */
async function callAndWrapUp(userId: number, number: string, instances: [string, string, string]): Promise<string> {
  const [placeOn, hangUpOn, wrapUpOn] = instances;
  const placed = await callOf(await callApi(placeOn, userId, '/api/calls', { body: { number, source: 'dial_pad' } }));
  await callOf(await callApi(hangUpOn, userId, `/api/calls/${placed.id}/hang-up`));
  const wrapped = await callOf(await callApi(wrapUpOn, userId, `/api/calls/${placed.id}/wrap-up`, { body: { notes: `Stress ${number}`, action: { type: 'hang_up' } } }));
  expect(wrapped.state).toBe('wrapped_up');
  return placed.id;
}

describe('two app instances on one PostgreSQL and one Redis', () => {
  it('tells the window to connect its socket over WebSocket only (no sticky sessions needed)', () => {
    expect(windowProps).toMatchObject({ view: 'window', socketTransports: 'websocket' });
  });

  it('reports both instances ready (database and Redis answer)', async () => {
    for (const instance of [instanceA, instanceB]) {
      const ready = await fetch(`${instance}/api/ready`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ready' } });
    }
  });

  it('rings the agent on B for a call posted to A; answering on B stops the ringing in a tab on A; first answer wins', async () => {
    const [tabOnB, tabOnA, colleagueOnA] = [await openTab(instanceB, agent), await openTab(instanceA, agent), await openTab(instanceA, colleague)];
    const body = JSON.stringify({ from: '+14155550311', callId: `two-instances-${randomBytes(4).toString('hex')}` });
    const accepted = await fetch(`${instanceA}/api/telephony/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signWebhookBody(body, WEBHOOK_SECRET) },
      body,
    });
    expect(accepted.status).toBe(202);
    const { callId, result } = (await accepted.json()) as { callId: string; result: string };
    expect(result).toBe('ringing');
    await Promise.all([tabOnB, tabOnA, colleagueOnA].map((tab) => waitForEvent(tab, 'call:ringing', isCall(callId), 'the call to ring')));

    const answered = await callOf(await callApi(instanceB, agent, `/api/calls/${callId}/answer`, { windowId: tabOnB.windowId }));
    expect(answered.state).toBe('connected');
    expect(await waitForEvent(tabOnA, 'call:stop-ringing', (p) => p.callId === callId, 'the ringing to stop')).toEqual({ callId, reason: 'answered_elsewhere' });
    await waitForEvent(colleagueOnA, 'call:stop-ringing', (p) => p.callId === callId, 'the ringing to stop');
    // The colleague's answer reaches A after B's won: the stored call decides, not an instance's memory.
    const late = await callApi(instanceA, colleague, `/api/calls/${callId}/answer`, { windowId: colleagueOnA.windowId });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('CALL_ALREADY_ANSWERED');
    await callOf(await callApi(instanceA, agent, `/api/calls/${callId}/hang-up`));
    await waitForEvent(tabOnB, 'call:updated', (p) => isCall(callId)(p) && (p.call as WindowCall).state === 'ended', 'the call to end');
  });

  it('keeps "Do not disturb" per agent across instances and tabs: set on A, a call posted to B skips them; a new tab starts with it', async () => {
    const [tabOnA, tabOnB, colleagueOnB] = [await openTab(instanceA, agent), await openTab(instanceB, agent), await openTab(instanceB, colleague)];
    const postCall = async (from: string) => {
      const body = JSON.stringify({ from, callId: `two-instances-${randomBytes(4).toString('hex')}` });
      const accepted = await fetch(`${instanceB}/api/telephony/inbound`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signWebhookBody(body, WEBHOOK_SECRET) }, body });
      expect(accepted.status).toBe(202);
      return (await accepted.json()) as { callId: string; result: string };
    };
    const reject = async (userId: number, tab: Tab, callId: string) => {
      expect((await callApi(instanceB, userId, `/api/calls/${callId}/reject`, { windowId: tab.windowId })).status).toBe(200);
    };
    try {
      expect(await tabOnA.socket.emitWithAck('agent:set-availability', { available: false })).toEqual({ ok: true });
      expect(await waitForEvent(tabOnB, 'agent:availability', () => true, 'the other tab to hear it')).toEqual({ available: false });
      expect(colleagueOnB.events.some((e) => e.event === 'agent:availability')).toBe(false);

      const skipped = await postCall('+14155550312');
      expect(skipped.result).toBe('ringing');
      await waitForEvent(colleagueOnB, 'call:ringing', isCall(skipped.callId), 'the call to ring the colleague');
      // A round trip on both of the agent's sockets: anything sent before it has arrived.
      await Promise.all([tabOnA, tabOnB].map((tab) => tab.socket.emitWithAck('agent:set-availability', { available: false })));
      expect([tabOnA, tabOnB].flatMap((tab) => tab.events.filter((e) => e.event === 'call:ringing' && isCall(skipped.callId)(e.payload)))).toEqual([]);
      await reject(colleague, colleagueOnB, skipped.callId);

      tabOnB.socket.disconnect();
      const reconnected = await openTab(instanceB, agent);
      expect(reconnected.events.find((e) => e.event === 'ready')?.payload).toMatchObject({ available: false });

      expect(await reconnected.socket.emitWithAck('agent:set-availability', { available: true })).toEqual({ ok: true });
      expect(await waitForEvent(tabOnA, 'agent:availability', (p) => p.available === true, 'tab A to hear it')).toEqual({ available: true });
      const rung = await postCall('+14155550313');
      await Promise.all([tabOnA, reconnected].map((tab) => waitForEvent(tab, 'call:ringing', isCall(rung.callId), 'the call to ring the agent again')));
      await reject(agent, tabOnA, rung.callId);
      await reject(colleague, colleagueOnB, rung.callId);
    } finally {
      await tabOnA.socket.emitWithAck('agent:set-availability', { available: true });
    }
  });

  it(`delivers each wrap-up exactly once although both instances run the outbox worker (${STRESS_WRAP_UPS} wrap-ups)`, async () => {
    // Slow Pipedrive down a little, so deliveries overlap and both workers find due entries.
    await fetch(`${stack.sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'latency', method: 'POST', path: '/api/v1/callLogs', count: STRESS_WRAP_UPS, latencyMs: 150 }),
    });
    const tabOnA = await openTab(instanceA, agent);
    const numbers = Array.from({ length: STRESS_WRAP_UPS }, (_, i) => `+1415555${String(400 + i).padStart(4, '0')}`);
    const ofAgent = numbers.filter((_, i) => i % 2 === 0);
    const ofColleague = numbers.filter((_, i) => i % 2 === 1);
    const run = async (userId: number, list: string[]) => {
      const ids: string[] = [];
      for (const [i, number] of list.entries()) {
        const flip = i % 2 === 0;
        ids.push(await callAndWrapUp(userId, number, flip ? [instanceA, instanceB, instanceA] : [instanceB, instanceA, instanceB]));
      }
      return ids;
    };
    const [agentCalls] = await Promise.all([run(agent, ofAgent), run(colleague, ofColleague)]);

    // The agent's window on A hears "saved" for a wrap-up whichever instance delivered it.
    const first = agentCalls[0] as string;
    await waitForEvent(tabOnA, 'call:updated', (p) => isCall(first)(p) && (p.call as WindowCall).wrapUp?.status === 'saved', 'the wrap-up to be saved');
    const statuses = () => withAppDatabase(async (db) => (await db.db.select({ status: db.tables.outbox.status }).from(db.tables.outbox)).map((row) => row.status));
    await waitFor(statuses, (all) => all.length >= STRESS_WRAP_UPS && all.every((status) => status === 'delivered'), 'every outbox entry to be delivered', 60_000);

    const logs = await sandboxCallLogs();
    const perNumber = numbers.map((number) => logs.filter((log) => digits(log.to_phone_number) === digits(number)).length);
    expect(perNumber).toEqual(numbers.map(() => 1));
  });
});
