/**
 * Calls through the running app (docs/CALLS-API.md): REST routes, the window's Socket.IO events,
 * the Control Center socket, the provider webhooks. One sandbox (in-process) and one app process
 * serve the file, as in app-server.test.ts; socket.io-client plays the floating window.
 * DEBUG_APP_OUTPUT=1 prints the app's log.
 */
import { io as connectSocket, type Socket } from 'socket.io-client';
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRepository } from '@/adapters/db/account-repository';
import { openDatabase } from '@/adapters/db/database';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import { signWebhookBody } from '@/adapters/telephony/webhook/webhook-signature';
import { waitFor } from '../support/wait';
import { SESSION_SECRET, installAndOpenWindow, signWindowToken, startHarness, type Harness } from './helpers/app-harness';

const WEBHOOK_SECRET = 'calls-webhook-secret-0123456789';
const TWILIO_TOKEN = 'calls-twilio-auth-token-0123456789';
const CONTROL_TOKEN = 'calls-control-center-token-0123456789';
/** A company that installed the app too, but has nothing to do with the sandbox's. */
const OTHER_COMPANY = 987_654;
const OTHER_USER = 4_242;

interface WindowCall {
  id: string;
  direction: string;
  state: string;
  outcome: string | null;
  remoteNumber: string;
  caller: { number: { e164: string | null; display: string }; matches: { person: { id: number; name: string } }[] };
  wrapUp: { status: string } | null;
}
interface Received {
  event: string;
  payload: Record<string, unknown>;
}
interface TestWindow {
  socket: Socket;
  windowId: string;
  events: Received[];
  callEvents(callId: string): Received[];
}

let harness: Harness;
let companyId: number;
let agentA: number;
let agentB: number;
const cookies = new Map<number, string>();
const openWindows: TestWindow[] = [];

beforeAll(async () => {
  harness = await startHarness({
    env: {
      TELEPHONY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      CONTROL_CENTER_TOKEN: CONTROL_TOKEN,
      MOCK_TELEPHONY_RING_MS: '50',
      MOCK_TELEPHONY_CONNECT_MS: '400',
      RING_TIMEOUT_SECONDS: '6',
    },
  });
  companyId = harness.companyId;
  [agentA, agentB] = harness.userIds as [number, number];
  for (const userId of [agentA, agentB]) cookies.set(userId, await installAndOpenWindow(harness, userId));
  await installOtherCompany();
  // Next compiles routes on first use in development mode: warm them up so no ring times out meanwhile.
  for (const path of ['/api/calls', '/api/calls/x/answer', '/api/calls/x/reject', '/api/calls/x/hang-up', '/api/calls/x/contact', '/api/calls/x/wrap-up', '/api/calls/x/wrap-up/retry', '/api/calls/missed/seen']) {
    await api(path, { method: 'POST' });
  }
  for (const path of ['/api/calls/active', '/api/calls/history', '/api/calls/missed']) await api(path);
}, 300_000);

afterEach(() => {
  for (const window of openWindows.splice(0)) window.socket.disconnect();
});

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(harness?.app.output());
  await harness?.close();
});

/** A second company's agent, stored straight in the app's database (its Pipedrive is never asked). */
async function installOtherCompany(): Promise<void> {
  await setOtherCompanyInstalled(true);
}

async function setOtherCompanyInstalled(installed: boolean): Promise<void> {
  const database = openDatabase(harness.databaseUrl);
  try {
    const accounts = createAccountRepository(database.db, database.tables, createTokenCipher(SESSION_SECRET));
    if (!installed) {
      await accounts.disconnect({ companyId: OTHER_COMPANY, userId: OTHER_USER });
      return;
    }
    await accounts.install({
      companyId: OTHER_COMPANY,
      userId: OTHER_USER,
      name: 'Other Company Agent',
      email: 'agent@other.example',
      companyName: 'Other Co',
      apiDomain: 'http://127.0.0.1:9',
      scopes: 'base',
      tokens: { accessToken: 'other-access', refreshToken: 'other-refresh', accessTokenExpiresAt: Date.now() + 3_600_000 },
    });
  } finally {
    await database.close();
  }
}

const api = (path: string, init: RequestInit = {}) => fetch(`${harness.appUrl}${path}`, { redirect: 'manual', ...init });

/** A state-changing or reading call route as the window sends it: session cookie, Origin, tab id. */
function callApi(userId: number, path: string, options: { method?: string; body?: unknown; windowId?: string } = {}) {
  const headers: Record<string, string> = { cookie: cookies.get(userId) as string, origin: harness.appUrl };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.windowId !== undefined) headers['x-window-id'] = options.windowId;
  return api(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
/** The call logs Pipedrive (the sandbox) holds for a number, as either end of the call. */
async function callLogsOf(number: string): Promise<Array<{ outcome: string }>> {
  const response = await fetch(`${harness.sandbox.url}/__sandbox/state?include=callLogs`);
  const { data } = (await response.json()) as { data: { callLogs: Array<{ outcome: string; from_phone_number?: string | null; to_phone_number: string }> } };
  const digits = (text: string | null | undefined) => (text ?? '').replace(/\D/g, '');
  return data.callLogs.filter((log) => digits(log.to_phone_number) === digits(number) || digits(log.from_phone_number) === digits(number));
}

const errorCode = async (response: Response) => (await json<{ error: { code: string } }>(response)).error.code;

let windowSequence = 0;
/** Opens a "tab" of the agent's floating window; resolves once the server said `ready`. */
async function openTab(userId: number, options: { companyId?: number; windowId?: string } = {}): Promise<TestWindow> {
  windowSequence += 1;
  const windowId = options.windowId ?? `tab-${userId}-${windowSequence}`;
  const token = await signWindowToken({ userId, companyId: options.companyId ?? companyId });
  const socket = connectSocket(harness.appUrl, { auth: { token, windowId }, transports: ['websocket'], reconnection: false, forceNew: true });
  const events: Received[] = [];
  socket.onAny((event: string, payload: Record<string, unknown>) => events.push({ event, payload }));
  const window: TestWindow = {
    socket,
    windowId,
    events,
    callEvents: (callId) => events.filter((received) => callIdOf(received) === callId),
  };
  openWindows.push(window);
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return window;
}

function callIdOf(received: Received): string | undefined {
  const call = received.payload.call as { id?: string } | undefined;
  return call?.id ?? (received.payload.callId as string | undefined);
}

function waitForEvent(window: TestWindow, event: string, matches: (payload: Record<string, unknown>) => boolean = () => true, what = event) {
  return waitFor(
    () => window.events.find((received) => received.event === event && matches(received.payload)),
    (found) => found !== undefined,
    `${what} on ${window.windowId} (got ${window.events.map((e) => e.event).join(', ')})`,
  ).then((found) => found?.payload as Record<string, unknown>);
}

const isCall = (callId: string, state?: string) => (payload: Record<string, unknown>) => {
  const call = payload.call as WindowCall | undefined;
  return call?.id === callId && (state === undefined || call.state === state);
};

/** A Control Center connection (its own namespace, token in the handshake). */
async function controlCenter(token: string | null = CONTROL_TOKEN): Promise<Socket> {
  const socket = connectSocket(`${harness.appUrl}/control-center`, {
    auth: token === null ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

interface InboundAck {
  ok: boolean;
  callId: string;
  result: string;
  reason: string | null;
  ringing: { userId: number }[];
  error?: { code: string };
}

async function simulateInbound(payload: Record<string, unknown>): Promise<InboundAck> {
  const socket = await controlCenter();
  try {
    return (await socket.timeout(15_000).emitWithAck('INBOUND_CALL', payload)) as InboundAck;
  } finally {
    socket.disconnect();
  }
}

async function hangUp(userId: number, callId: string): Promise<void> {
  const response = await callApi(userId, `/api/calls/${callId}/hang-up`, { method: 'POST' });
  expect(response.status).toBe(200);
}

describe('outbound calls', () => {
  it('rings, connects through the mock provider, hangs up and takes the wrap-up', async () => {
    const person = harness.sandbox.context.store
      .listPersons({ limit: 500 })
      .items.find((candidate) => candidate.phones.some((phone) => phone.value.startsWith('+1')));
    if (person === undefined) throw new Error('the sandbox seed has no person with a +1 phone');
    const number = (person.phones.find((phone) => phone.value.startsWith('+1')) as { value: string }).value;
    const tab = await openTab(agentA);

    const placed = await callApi(agentA, '/api/calls', { method: 'POST', body: { number, source: 'dial_pad' }, windowId: tab.windowId });
    expect(placed.status).toBe(201);
    const { call } = await json<{ call: WindowCall }>(placed);
    expect(call).toMatchObject({ direction: 'outbound', state: 'ringing', outcome: null, wrapUp: null });
    expect(call.caller.matches.map((match) => match.person.id)).toContain(person.id);

    await waitForEvent(tab, 'call:updated', isCall(call.id, 'connected'), 'the call to connect');
    const active = await json<{ call: WindowCall | null }>(await callApi(agentA, '/api/calls/active'));
    expect(active.call).toMatchObject({ id: call.id, state: 'connected' });

    await hangUp(agentA, call.id);
    const wrapUp = await callApi(agentA, `/api/calls/${call.id}/wrap-up`, {
      method: 'POST',
      body: { notes: 'Talked about the renewal.', action: { type: 'notes_to_contact', personId: person.id } },
    });
    expect(wrapUp.status).toBe(202);
    const wrapped = (await json<{ call: WindowCall }>(wrapUp)).call;
    expect(wrapped.state).toBe('wrapped_up');
    expect(wrapped.wrapUp?.status).toMatch(/^(pending|saved)$/);

    // The outbox worker delivers the call log to Pipedrive and the window hears "saved".
    await waitForEvent(tab, 'call:updated', (p) => isCall(call.id)(p) && (p.call as WindowCall).wrapUp?.status === 'saved', 'the wrap-up to be saved');
    const digits = (text: string | null | undefined) => (text ?? '').replace(/\D/g, '');
    const logs = harness.sandbox.context.store.listCallLogs({ userId: agentA });
    expect(logs.filter((log) => digits(log.to_phone_number) === digits(call.remoteNumber))).toHaveLength(1);

    const retry = await callApi(agentA, `/api/calls/${call.id}/wrap-up/retry`, { method: 'POST' });
    expect(retry.status).toBe(202);
    expect((await json<{ call: WindowCall }>(retry)).call.wrapUp?.status).toBe('saved');
    const history = await json<{ items: WindowCall[]; nextCursor: string | null }>(await callApi(agentA, '/api/calls/history'));
    expect(history.items[0]).toMatchObject({ id: call.id, state: 'wrapped_up' });
    expect(history.nextCursor).toBeNull();
    expect(await json<{ call: unknown }>(await callApi(agentA, '/api/calls/active'))).toMatchObject({ call: null, notesDraft: null });
  });

  it('keeps the notes draft of a live call for a reload and the other tabs, with 4xx on bad input', async () => {
    const typing = await openTab(agentA);
    const other = await openTab(agentA);
    const placed = await callApi(agentA, '/api/calls', { method: 'POST', body: { number: '+14155550199', source: 'dial_pad' }, windowId: typing.windowId });
    const { call } = await json<{ call: WindowCall }>(placed);
    await waitForEvent(typing, 'call:updated', isCall(call.id, 'connected'), 'the call to connect');
    const path = `/api/calls/${call.id}/notes-draft`;

    const saved = await callApi(agentA, path, { method: 'PUT', body: { text: 'Wants a <b>quote</b> & more' }, windowId: typing.windowId });
    expect(saved.status).toBe(200);
    await waitForEvent(other, 'call:notes-draft', (p) => p.callId === call.id && p.text === 'Wants a <b>quote</b> & more', 'the draft in the other tab');
    expect(typing.events.some((received) => received.event === 'call:notes-draft')).toBe(false);
    const before = Date.now();
    const active = await json<{ call: WindowCall; notesDraft: { text: string }; serverNow: number }>(await callApi(agentA, '/api/calls/active'));
    expect(active).toMatchObject({ call: { id: call.id }, notesDraft: { text: 'Wants a <b>quote</b> & more' } });
    expect(Math.abs(active.serverNow - before)).toBeLessThan(60_000);

    for (const body of [{ text: 'x'.repeat(10_001) }, { text: 5 }, {}, { text: 'a', extra: true }]) {
      expect((await callApi(agentA, path, { method: 'PUT', body })).status).toBe(400);
    }
    expect((await callApi(agentB, path, { method: 'PUT', body: { text: 'mine' } })).status).toBe(403);
    expect((await callApi(agentA, '/api/calls/no-such-call/notes-draft', { method: 'PUT', body: { text: 'a' } })).status).toBe(404);

    await hangUp(agentA, call.id);
    await callApi(agentA, `/api/calls/${call.id}/wrap-up`, { method: 'POST', body: { notes: 'done', action: { type: 'hang_up' } } });
    expect((await callApi(agentA, path, { method: 'PUT', body: { text: 'late' } })).status).toBe(409);
  });

  it('refuses a second call while the agent holds one (409 CALL_AGENT_BUSY)', async () => {
    const first = await callApi(agentB, '/api/calls', { method: 'POST', body: { number: '+14155550100', source: 'dial_pad' } });
    expect(first.status).toBe(201);
    const { call } = await json<{ call: WindowCall }>(first);
    const second = await callApi(agentB, '/api/calls', { method: 'POST', body: { number: '+14155550101', source: 'dial_pad' } });
    expect(second.status).toBe(409);
    expect(await errorCode(second)).toBe('CALL_AGENT_BUSY');
    await hangUp(agentB, call.id);
  });

  it('"hang up and create contact": the history names the call at once, then links the new person', async () => {
    const tab = await openTab(agentB);
    const placed = await callApi(agentB, '/api/calls', { method: 'POST', body: { number: '+14155550188', source: 'dial_pad' }, windowId: tab.windowId });
    expect(placed.status).toBe(201);
    const { call } = await json<{ call: WindowCall }>(placed);
    await hangUp(agentB, call.id);
    const name = `Carla Created ${call.id.slice(-6)}`;
    const wrapUp = await callApi(agentB, `/api/calls/${call.id}/wrap-up`, { method: 'POST', body: { notes: '', action: { type: 'create_contact', name } } });
    expect(wrapUp.status).toBe(202);
    const history = async () => (await json<{ items: (WindowCall & { newContactName: string | null; personId: number | null })[] }>(await callApi(agentB, '/api/calls/history'))).items;
    expect((await history()).find((item) => item.id === call.id)).toMatchObject({ newContactName: name });

    await waitForEvent(tab, 'call:updated', (p) => isCall(call.id)(p) && (p.call as { personId: number | null }).personId !== null, 'the new person to be linked');
    const created = harness.sandbox.context.store.listPersons({ limit: 500 }).items.find((person) => person.name === name);
    expect(created).toBeDefined();
    expect((await history()).find((item) => item.id === call.id)).toMatchObject({ newContactName: name, personId: created?.id });
  });

  it('of several dials sent at the same moment, exactly one is placed: the others get 409 CALL_AGENT_BUSY', async () => {
    const dial = (number: string) => callApi(agentB, '/api/calls', { method: 'POST', body: { number, source: 'dial_pad' } });
    const numbers = ['+14155550100', '+14155550101', '+14155550102', '+14155550103', '+14155550104', '+14155550105'];
    const responses = await Promise.all(numbers.map(dial));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const losers = responses.filter((response) => response.status === 409);
    expect(await Promise.all(losers.map(errorCode))).toEqual(losers.map(() => 'CALL_AGENT_BUSY'));
    const winner = responses.find((response) => response.status === 201) as Response;
    await hangUp(agentB, (await json<{ call: WindowCall }>(winner)).call.id);
  });
});

describe('inbound calls from the Control Center', () => {
  it('rings every tab of the named agent only; answering in one tab stops the other tab alone', async () => {
    const [tab1, tab2, other, stranger] = await Promise.all([
      openTab(agentA),
      openTab(agentA),
      openTab(agentB),
      openTab(OTHER_USER, { companyId: OTHER_COMPANY }),
    ]);
    const ack = await simulateInbound({ number: '+14155550177', agent: String(agentA) });
    expect(ack).toMatchObject({ ok: true, result: 'ringing', ringing: [{ userId: agentA }] });
    const callId = ack.callId;
    await waitForEvent(tab1, 'call:ringing', isCall(callId));
    await waitForEvent(tab2, 'call:ringing', isCall(callId));

    const answer = await callApi(agentA, `/api/calls/${callId}/answer`, { method: 'POST', windowId: tab1.windowId });
    expect(answer.status).toBe(200);
    expect((await json<{ call: WindowCall }>(answer)).call.state).toBe('connected');
    expect(await waitForEvent(tab2, 'call:stop-ringing', (p) => p.callId === callId)).toEqual({ callId, reason: 'answered_elsewhere' });
    await waitForEvent(tab1, 'call:updated', isCall(callId, 'connected'));
    // Pushes to one user arrive in order: the answering tab saw the update, so it would have seen a stop by now.
    expect(tab1.callEvents(callId).map((e) => e.event)).not.toContain('call:stop-ringing');

    await hangUp(agentA, callId);
    await waitForEvent(tab2, 'call:updated', isCall(callId, 'ended'));
    expect(other.callEvents(callId)).toEqual([]);
    expect(stranger.callEvents(callId)).toEqual([]);
  });

  it('first answer wins across two agents: the other gets 409 CALL_ALREADY_ANSWERED', async () => {
    const [tabA, tabB, stranger] = await Promise.all([openTab(agentA), openTab(agentB), openTab(OTHER_USER, { companyId: OTHER_COMPANY })]);
    const ack = await simulateInbound({ number: '+14155550178', agent: '', companyId });
    expect(ack.ok).toBe(true);
    expect(ack.ringing.map((agent) => agent.userId).sort()).toEqual([agentA, agentB].sort());
    await Promise.all([waitForEvent(tabA, 'call:ringing', isCall(ack.callId)), waitForEvent(tabB, 'call:ringing', isCall(ack.callId))]);

    const answers = await Promise.all([
      callApi(agentA, `/api/calls/${ack.callId}/answer`, { method: 'POST', windowId: tabA.windowId }),
      callApi(agentB, `/api/calls/${ack.callId}/answer`, { method: 'POST', windowId: tabB.windowId }),
    ]);
    expect(answers.map((response) => response.status).sort()).toEqual([200, 409]);
    const loser = answers.find((response) => response.status === 409) as Response;
    expect(await errorCode(loser)).toBe('CALL_ALREADY_ANSWERED');
    const winner = answers[0]?.status === 200 ? agentA : agentB;
    const loserTab = winner === agentA ? tabB : tabA;
    await waitForEvent(loserTab, 'call:stop-ringing', (p) => p.callId === ack.callId);
    await hangUp(winner, ack.callId);
    expect(stranger.callEvents(ack.callId)).toEqual([]);
  });

  it('a rejected call ends for its only agent', async () => {
    const tab = await openTab(agentA);
    const ack = await simulateInbound({ number: '+14155550179', agent: String(agentA) });
    await waitForEvent(tab, 'call:ringing', isCall(ack.callId));
    const rejected = await callApi(agentA, `/api/calls/${ack.callId}/reject`, { method: 'POST' });
    expect(rejected.status).toBe(200);
    expect((await json<{ call: WindowCall }>(rejected)).call).toMatchObject({ state: 'ended', outcome: 'rejected' });
    const again = await callApi(agentA, `/api/calls/${ack.callId}/answer`, { method: 'POST' });
    expect(again.status).toBe(409);
    // The Control Center follows the call past "Ringing": it reads who ended it and how.
    const socket = await controlCenter();
    try {
      expect(await socket.timeout(5_000).emitWithAck('CALL_STATUS', { callId: ack.callId, companyId })).toEqual({
        ok: true,
        call: { state: 'ended', outcome: 'rejected', agentUserId: agentA },
      });
      expect(await socket.timeout(5_000).emitWithAck('CALL_STATUS', { callId: ack.callId, companyId: OTHER_COMPANY })).toMatchObject({ ok: false, error: { code: 'CALL_NOT_FOUND' } });
    } finally {
      socket.disconnect();
    }
  });

  it('an unanswered call becomes a missed call with a badge count, cleared by missed/seen', async () => {
    const tab = await openTab(agentB);
    const before = await json<{ unseenCount: number }>(await callApi(agentB, '/api/calls/missed'));
    const ack = await simulateInbound({ number: '+14155550180', agent: String(agentB) });
    await waitForEvent(tab, 'call:ringing', isCall(ack.callId));
    expect(await waitForEvent(tab, 'call:stop-ringing', (p) => p.callId === ack.callId, 'the ring timeout')).toEqual({ callId: ack.callId, reason: 'missed' });
    await waitForEvent(tab, 'missed:count', (p) => p.unseenCount === before.unseenCount + 1);
    // Logged in Pipedrive as soon as it is missed, not at the automatic-log sweep's next period (30 s).
    const logs = await waitFor(() => callLogsOf('+14155550180'), (found) => found.length > 0, 'the missed call in Pipedrive', 3_000);
    expect(logs).toEqual([expect.objectContaining({ outcome: 'no_answer' })]);

    const missed = await json<{ items: WindowCall[]; unseenCount: number }>(await callApi(agentB, '/api/calls/missed'));
    expect(missed.unseenCount).toBe(before.unseenCount + 1);
    expect(missed.items[0]).toMatchObject({ id: ack.callId, outcome: 'no_answer', state: 'ended' });

    const seen = await callApi(agentB, '/api/calls/missed/seen', { method: 'POST' });
    expect(await json(seen)).toEqual({ unseenCount: 0 });
    await waitForEvent(tab, 'missed:count', (p) => p.unseenCount === 0);
  });

  it('a call for an agent already on a call is missed as busy', async () => {
    const placed = await json<{ call: WindowCall }>(
      await callApi(agentA, '/api/calls', { method: 'POST', body: { number: '+14155550181', source: 'dial_pad' } }),
    );
    await openTab(agentA);
    const ack = await simulateInbound({ number: '+14155550182', agent: String(agentA) });
    expect(ack).toMatchObject({ ok: true, result: 'missed', reason: 'agent_busy', ringing: [] });
    const missed = await json<{ items: WindowCall[] }>(await callApi(agentA, '/api/calls/missed'));
    expect(missed.items.find((call) => call.id === ack.callId)).toMatchObject({ outcome: 'busy' });
    await hangUp(agentA, placed.call.id);
  });

  it('acknowledges an unknown agent and a bad payload', async () => {
    expect(await simulateInbound({ number: '+14155550183', agent: 'nobody@example.com', companyId })).toMatchObject({
      ok: true,
      result: 'missed',
      reason: 'agent_not_found',
      agentAccount: { kind: 'not_installed' },
    });
    // Why nobody rang, told apart: a user of the company who never installed, and one installed with no window open.
    const neverInstalled = harness.userIds[2] as number;
    expect(await simulateInbound({ number: '+14155550185', agent: String(neverInstalled), companyId })).toMatchObject({
      reason: 'agent_not_found',
      agentAccount: { kind: 'not_installed' },
    });
    expect(await simulateInbound({ number: '+14155550187', agent: String(agentA), companyId })).toMatchObject({
      reason: 'agent_not_found',
      agentAccount: { kind: 'installed', name: harness.sandbox.context.store.getUser(agentA)?.name },
    });
    expect(await simulateInbound({ number: '', agent: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await simulateInbound({ number: '+14155550184', agent: '' })).toMatchObject({ ok: false, error: { code: 'COMPANY_REQUIRED' } });
  });

  it('a reconnecting window gets the call ringing for it and its badge count', async () => {
    const tab = await openTab(agentA);
    const ack = await simulateInbound({ number: '+14155550186', agent: String(agentA) });
    await waitForEvent(tab, 'call:ringing', isCall(ack.callId));
    const reloaded = await openTab(agentA);
    await waitForEvent(reloaded, 'call:ringing', isCall(ack.callId), 'the ringing call on reconnect');
    await waitForEvent(reloaded, 'missed:count');
    expect((await callApi(agentA, `/api/calls/${ack.callId}/reject`, { method: 'POST' })).status).toBe(200);
  });
});

describe('the Control Center (/admin) outside sandbox mode', () => {
  it('needs CONTROL_CENTER_TOKEN on the page and on its socket', async () => {
    expect((await api('/admin')).status).toBe(401);
    expect((await api('/admin?token=wrong-token')).status).toBe(401);
    const page = await api(`/admin?token=${CONTROL_TOKEN}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Phone number');
    expect(html).toContain('Dial');
    await expect(controlCenter(null)).rejects.toThrow(/CONTROL_CENTER_TOKEN_INVALID/);
    await expect(controlCenter('wrong-token')).rejects.toThrow(/CONTROL_CENTER_TOKEN_INVALID/);
    const socket = await controlCenter();
    const overview = (await socket.timeout(5_000).emitWithAck('OVERVIEW', {})) as { companies: { id: number; name: string | null }[] };
    expect(overview.companies.map((company) => company.id)).toEqual(expect.arrayContaining([companyId, OTHER_COMPANY]));
    // Named as the installing user's account stores it (the sandbox's company), not only by id.
    expect(overview.companies.find((company) => company.id === companyId)?.name).toBe(harness.sandbox.context.store.company.name);
    socket.disconnect();
  });
});

describe('provider webhooks', () => {
  const post = (path: string, body: string, headers: Record<string, string>) => api(path, { method: 'POST', body, headers });

  it('accepts a signed inbound call (202) and rings the agent', async () => {
    const tab = await openTab(agentB);
    const body = JSON.stringify({ from: '+14155550190', agent: String(agentB), callId: 'webhook-call-1' });
    const response = await post('/api/telephony/inbound', body, { 'content-type': 'application/json', 'x-signature': signWebhookBody(body, WEBHOOK_SECRET) });
    expect(response.status).toBe(202);
    const accepted = await json<{ callId: string; result: string }>(response);
    expect(accepted.result).toBe('ringing');
    await waitForEvent(tab, 'call:ringing', isCall(accepted.callId));
    const retried = await post('/api/telephony/inbound', body, { 'content-type': 'application/json', 'x-signature': signWebhookBody(body, WEBHOOK_SECRET) });
    expect(await json(retried)).toEqual({ callId: accepted.callId, result: 'duplicate' });
    await callApi(agentB, `/api/calls/${accepted.callId}/reject`, { method: 'POST' });
  });

  it('refuses a bad signature (401) and a bad body (400)', async () => {
    const body = JSON.stringify({ from: '+14155550191' });
    const forged = await post('/api/telephony/inbound', body, { 'content-type': 'application/json', 'x-signature': signWebhookBody(body, 'another-secret-0123456789') });
    expect(forged.status).toBe(401);
    const unsigned = await post('/api/telephony/inbound', body, { 'content-type': 'application/json' });
    expect(unsigned.status).toBe(401);
    const bad = JSON.stringify({ to: 42 });
    const invalid = await post('/api/telephony/inbound', bad, { 'content-type': 'application/json', 'x-signature': signWebhookBody(bad, WEBHOOK_SECRET) });
    expect(invalid.status).toBe(400);
    expect((await json<{ error: { code: string } }>(invalid)).error.code).toMatch(/^[A-Z_]+$/);
  });

  it('answers a Twilio voice webhook signed by the twilio package with TwiML, and refuses a forged one', async () => {
    // Twilio numbers are not mapped to companies yet: calls go to the only installed company.
    await setOtherCompanyInstalled(false);
    await openTab(agentA);
    const params = { CallSid: 'CA0123456789abcdef0123456789abcdef', AccountSid: 'AC0123456789abcdef0123456789abcdef', From: '+14155550192', To: '+14155550000', CallStatus: 'ringing', Direction: 'inbound' };
    const url = `${harness.appUrl}/api/telephony/twilio/voice`;
    const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, url, params);
    const body = new URLSearchParams(params).toString();
    const response = await post('/api/telephony/twilio/voice', body, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/xml/);
    const twiml = await response.text();
    expect(twiml).toContain('<Dial');
    expect(twiml).toContain(`pd-${companyId}-${agentA}`);

    const forged = await post('/api/telephony/twilio/voice', body, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bm90IGEgc2lnbmF0dXJl' });
    expect(forged.status).toBe(403);

    const statusParams = { ...params, CallStatus: 'completed' };
    const statusUrl = `${harness.appUrl}/api/telephony/twilio/status`;
    const statusResponse = await post('/api/telephony/twilio/status', new URLSearchParams(statusParams).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(TWILIO_TOKEN, statusUrl, statusParams),
    });
    expect(statusResponse.status).toBe(200);
    await setOtherCompanyInstalled(true);
  });
});

describe('bad input on the call routes', () => {
  it('answers 4xx JSON errors', async () => {
    const cases: [string, Promise<Response>, number, string][] = [
      ['no session', api('/api/calls/active'), 401, 'SESSION_REQUIRED'],
      ['no Origin', api('/api/calls', { method: 'POST', headers: { cookie: cookies.get(agentA) as string } }), 403, 'CROSS_ORIGIN_REQUEST'],
      ['empty body', callApi(agentA, '/api/calls', { method: 'POST', body: {} }), 400, 'INVALID_REQUEST'],
      ['bad source', callApi(agentA, '/api/calls', { method: 'POST', body: { number: '+14155550134', source: 'fax' } }), 400, 'INVALID_REQUEST'],
      ['not a number', callApi(agentA, '/api/calls', { method: 'POST', body: { number: 'call me maybe', source: 'dial_pad' } }), 400, 'CALL_NUMBER_INVALID'],
      ['bad window id', callApi(agentA, '/api/calls/some-call/answer', { method: 'POST', windowId: 'not a tab id!' }), 400, 'INVALID_WINDOW_ID'],
      ['unknown call', callApi(agentA, '/api/calls/no-such-call/answer', { method: 'POST' }), 404, 'CALL_NOT_FOUND'],
      ['unknown call hang-up', callApi(agentA, '/api/calls/no-such-call/hang-up', { method: 'POST' }), 404, 'CALL_NOT_FOUND'],
      ['bad contact', callApi(agentA, '/api/calls/no-such-call/contact', { method: 'POST', body: { personId: 'x' } }), 400, 'INVALID_REQUEST'],
      ['bad wrap-up action', callApi(agentA, '/api/calls/no-such-call/wrap-up', { method: 'POST', body: { notes: '', action: { type: 'shout' } } }), 400, 'INVALID_REQUEST'],
      ['notes too long', callApi(agentA, '/api/calls/no-such-call/wrap-up', { method: 'POST', body: { notes: 'x'.repeat(10_001), action: { type: 'hang_up' } } }), 400, 'INVALID_REQUEST'],
      ['unknown call retry', callApi(agentA, '/api/calls/no-such-call/wrap-up/retry', { method: 'POST' }), 404, 'CALL_NOT_FOUND'],
      ['bad cursor', callApi(agentA, '/api/calls/history?cursor=yesterday'), 400, 'INVALID_REQUEST'],
      ['wrong method', callApi(agentA, '/api/calls/missed/seen'), 405, 'METHOD_NOT_ALLOWED'],
    ];
    for (const [name, pending, status, code] of cases) {
      const response = await pending;
      expect({ name, status: response.status, code: await errorCode(response) }).toEqual({ name, status, code });
    }
  });

  it('refuses a window handshake with a malformed windowId', async () => {
    const token = await signWindowToken({ userId: agentA, companyId });
    const socket = connectSocket(harness.appUrl, { auth: { token, windowId: '<script>' }, transports: ['websocket'], reconnection: false, forceNew: true });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(error.message).toBe('HANDSHAKE_INVALID');
  });
});
