/**
 * The SIP provider's server half through the running app (docs/REAL-CALLS.md): the company's
 * provider choice (admins only), `/api/me`, the agent's SIP account and registration, inbound
 * calls reported by ring-group windows, outbound calls to extensions and the windows' reports.
 * One sandbox (in-process) and one app process serve the file. DEBUG_APP_OUTPUT=1 prints the app's log.
 */
import { createHash } from 'node:crypto';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait';
import { adminAndAgent, installAndOpenWindow, signWindowToken, startHarness, type Harness } from './helpers/app-harness';

const SIP_DOMAIN = 'pbx.acme.test';
const SIP_WS = 'wss://pbx.acme.test:8443/ws';

let harness: Harness;
let companyId: number;
let admin: number;
let agent: number;
const cookies = new Map<number, string>();
const sockets: Socket[] = [];

beforeAll(async () => {
  harness = await startHarness({ env: { TELEPHONY_PROVIDER: 'mock', SIP_DOMAIN, RING_TIMEOUT_SECONDS: '20' } });
  companyId = harness.companyId;
  ({ admin, agent } = adminAndAgent(harness));
  for (const userId of [admin, agent]) {
    cookies.set(userId, await installAndOpenWindow(harness, userId));
    sockets.push(await openSocket(userId));
  }
}, 300_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  if (process.env.DEBUG_APP_OUTPUT) console.log(harness?.app.output());
  await harness?.close();
});

function fail(message: string): never {
  throw new Error(message);
}

/** The agent's window online (routing rings only agents with a window). */
async function openSocket(userId: number): Promise<Socket> {
  const token = await signWindowToken({ userId, companyId });
  const socket = connectSocket(harness.appUrl, { auth: { token, windowId: `tab-${userId}` }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** A request as the window sends it: session cookie, the app's Origin, its tab id. */
function windowApi(userId: number, path: string, options: { method?: string; body?: unknown; rawBody?: string } = {}) {
  const headers: Record<string, string> = { cookie: cookies.get(userId) as string, origin: harness.appUrl, 'x-window-id': `tab-${userId}` };
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${harness.appUrl}${path}`, { method: options.method ?? 'GET', headers, body, redirect: 'manual' });
}

const read = async <T>(response: Response) => (await response.json()) as T;
const errorOf = async (response: Response) => ({ status: response.status, code: (await read<{ error: { code: string } }>(response)).error.code });
const CALL_SETTINGS = { defaultRegion: 'US', createCallbackForMissedCalls: false, companyPhoneNumber: '+1 415 555 0100', ringTimeoutSeconds: 20 };

interface WindowCall {
  id: string;
  state: string;
  outcome: string | null;
  remoteNumber: string;
  agentUserId: number | null;
}

interface SandboxCallLog {
  outcome: string;
  from_phone_number?: string | null;
  to_phone_number: string;
  start_time: string;
  duration: string;
}

async function callLogsTo(number: string): Promise<SandboxCallLog[]> {
  const response = await fetch(`${harness.sandbox.url}/__sandbox/state?include=callLogs`);
  const { data } = (await response.json()) as { data: { callLogs: SandboxCallLog[] } };
  return data.callLogs.filter((log) => log.to_phone_number === number);
}

async function chooseProvider(provider: 'mock' | 'sip', sipWebSocketUrl: string | null = SIP_WS) {
  const response = await windowApi(admin, '/api/settings', { method: 'PUT', body: { ...CALL_SETTINGS, telephonyProvider: provider, sipWebSocketUrl } });
  expect(response.status).toBe(200);
}

async function callOf(userId: number, callId: string): Promise<WindowCall> {
  const history = await read<{ items: WindowCall[] }>(await windowApi(userId, "/api/calls/history"));
  return history.items.find((call) => call.id === callId) ?? fail(`call ${callId} not in the history of ${userId}`);
}

describe('the company provider (Settings) and /api/me', () => {
  it('starts at TELEPHONY_PROVIDER; only admins change it; /api/me tells the window', async () => {
    const me = await read<{ telephony: { provider: string } }>(await windowApi(agent, '/api/me'));
    expect(me.telephony).toEqual({ provider: 'mock' });
    const byAgent = await windowApi(agent, '/api/settings', { method: 'PUT', body: { ...CALL_SETTINGS, telephonyProvider: 'sip' } });
    expect(await errorOf(byAgent)).toEqual({ status: 403, code: 'ADMIN_REQUIRED' });
    expect((await read<{ telephony: { provider: string } }>(await windowApi(agent, '/api/me'))).telephony.provider).toBe('mock');

    await chooseProvider('sip');
    const settings = await read<{ settings: Record<string, unknown> }>(await windowApi(agent, '/api/settings'));
    expect(settings.settings).toMatchObject({ telephonyProvider: 'sip', sipWebSocketUrl: SIP_WS, sipDomain: SIP_DOMAIN });
    expect((await read<{ telephony: { provider: string } }>(await windowApi(agent, '/api/me'))).telephony.provider).toBe('sip');
  });

  it('refuses a SIP WebSocket URL that is not wss:// (ws:// only on loopback) and an unknown provider', async () => {
    for (const body of [
      { ...CALL_SETTINGS, sipWebSocketUrl: 'ws://pbx.acme.test/ws' },
      { ...CALL_SETTINGS, sipWebSocketUrl: 'https://pbx.acme.test/ws' },
      { ...CALL_SETTINGS, sipDomain: 'bad domain!' },
      { ...CALL_SETTINGS, telephonyProvider: 'skype' },
    ]) {
      expect(await errorOf(await windowApi(admin, '/api/settings', { method: 'PUT', body }))).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    }
    const loopback = await windowApi(admin, '/api/settings', { method: 'PUT', body: { ...CALL_SETTINGS, telephonyProvider: 'sip', sipWebSocketUrl: 'ws://127.0.0.1:5066' } });
    expect(loopback.status).toBe(200);
    await chooseProvider('sip');
  });
});

describe('the SIP account and registration', () => {
  it('keeps the account per agent, never answers the password, requires one the first time', async () => {
    expect(await read(await windowApi(agent, '/api/telephony/sip/account'))).toEqual({ username: null, passwordSet: false, callerId: null });
    const noPassword = await windowApi(agent, '/api/telephony/sip/account', { method: 'PUT', body: { username: '1001' } });
    expect(await errorOf(noPassword)).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    const saved = await windowApi(agent, '/api/telephony/sip/account', { method: 'PUT', body: { username: '1001', password: 's3cret', callerId: '+14155550111' } });
    expect(await read(saved)).toEqual({ username: '1001', passwordSet: true, callerId: '+14155550111' });
    const renamed = await windowApi(agent, '/api/telephony/sip/account', { method: 'PUT', body: { username: '1002' } });
    expect(await read(renamed)).toEqual({ username: '1002', passwordSet: true, callerId: '+14155550111' });
    expect(await read(await windowApi(admin, '/api/telephony/sip/account'))).toEqual({ username: null, passwordSet: false, callerId: null });
  });

  it('answers 400 per field on bad input', async () => {
    for (const body of [{ username: 'a b', password: 'x' }, { username: '1001', password: '' }, { username: '1001', password: 'x', callerId: 'call me' }, { username: '1001', password: 'x', extra: 1 }, 'nope']) {
      expect(await errorOf(await windowApi(agent, '/api/telephony/sip/account', { method: 'PUT', body }))).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    }
    const malformed = await windowApi(agent, '/api/telephony/sip/account', { method: 'PUT', rawBody: '{"username":' });
    expect(malformed.status).toBe(400);
  });

  it('gives the registration with ha1 = MD5(username:realm:password), never the password', async () => {
    await windowApi(agent, '/api/telephony/sip/account', { method: 'PUT', body: { username: '1002', password: 's3cret' } });
    const registration = await read<Record<string, unknown>>(await windowApi(agent, '/api/telephony/sip/registration'));
    expect(registration).toMatchObject({
      webSocketUrl: SIP_WS,
      domain: SIP_DOMAIN,
      uri: `sip:1002@${SIP_DOMAIN}`,
      authorizationUser: '1002',
      realm: SIP_DOMAIN,
      ha1: createHash('md5').update(`1002:${SIP_DOMAIN}:s3cret`).digest('hex'),
      callerId: '+14155550111',
    });
    expect(JSON.stringify(registration)).not.toContain('s3cret');
  });

  it('refuses the registration: no account 404, another provider 409, no SIP server 409', async () => {
    expect(await errorOf(await windowApi(admin, '/api/telephony/sip/registration'))).toEqual({ status: 404, code: 'SIP_ACCOUNT_MISSING' });
    await chooseProvider('mock');
    expect(await errorOf(await windowApi(agent, '/api/telephony/sip/registration'))).toEqual({ status: 409, code: 'SIP_PROVIDER_NOT_SELECTED' });
    await chooseProvider('sip', null);
    // No company URL and no SIP_WEBSOCKET_URL default.
    expect(await errorOf(await windowApi(agent, '/api/telephony/sip/registration'))).toEqual({ status: 409, code: 'SIP_NOT_CONFIGURED' });
    await chooseProvider('sip');
  });

  it('answers 401 without a session and 403 on a foreign origin', async () => {
    expect((await fetch(`${harness.appUrl}/api/telephony/sip/account`)).status).toBe(401);
    const foreign = await fetch(`${harness.appUrl}/api/telephony/sip/account`, {
      method: 'PUT',
      headers: { cookie: cookies.get(agent) as string, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'y' }),
    });
    expect(foreign.status).toBe(403);
  });
});

describe('SIP calls reported by the windows', () => {
  it('one inbound call for a ring group: both agents ring, first answer wins, the losing branch never ends it', async () => {
    const sipCallId = `ring-group-${Date.now()}@pbx`;
    const incoming = { sipCallId, from: '+14155550134', to: '+14155550100' };
    const first = await windowApi(agent, '/api/telephony/sip/incoming', { method: 'POST', body: incoming });
    expect(first.status).toBe(201);
    const { callId } = await read<{ callId: string }>(first);
    const second = await windowApi(admin, '/api/telephony/sip/incoming', { method: 'POST', body: incoming });
    expect(await read(second)).toEqual({ callId });

    expect((await windowApi(admin, `/api/calls/${callId}/answer`, { method: 'POST', body: {} })).status).toBe(200);
    expect((await windowApi(agent, `/api/calls/${callId}/answer`, { method: 'POST', body: {} })).status).toBe(409);
    // The PBX cancels the agent's branch: their report is refused and changes nothing.
    const cancelled = await windowApi(agent, `/api/telephony/sip/calls/${callId}/events`, { method: 'POST', body: { type: 'remote_ended' } });
    expect(await errorOf(cancelled)).toEqual({ status: 409, code: 'NOT_YOUR_CALL' });
    expect((await callOf(admin, callId)).state).toBe('connected');

    const alive = await windowApi(admin, `/api/telephony/sip/calls/${callId}/events`, { method: 'POST', body: { type: 'alive' } });
    expect(alive.status).toBe(200);
    // Poor quality reported twice: one warn line (one episode), with the call id and no phone number.
    const poor = { type: 'alive', quality: { mos: 3.1, lossPercent: 8, jitterMs: 45, rttMs: 120 } };
    for (let i = 0; i < 2; i += 1) expect((await windowApi(admin, `/api/telephony/sip/calls/${callId}/events`, { method: 'POST', body: poor })).status).toBe(200);
    const poorLines = () => harness.app.output().split('\n').filter((line) => line.includes('poor call quality') && line.includes(callId));
    const [warned] = await waitFor(poorLines, (lines) => lines.length > 0, 'the poor call quality warning');
    expect(poorLines()).toHaveLength(1);
    expect(warned).toContain('high packet loss (8 %)');
    expect(warned).not.toMatch(/4155550134|4155550100/);
    const ended = await windowApi(admin, `/api/telephony/sip/calls/${callId}/events`, { method: 'POST', body: { type: 'remote_ended' } });
    expect((await read<{ call: WindowCall }>(ended)).call).toMatchObject({ id: callId, state: 'ended', outcome: 'completed' });
  });

  it('a caller hanging up ends the ring-group call only when every ringing branch ended', async () => {
    const incoming = { sipCallId: `caller-gives-up-${Date.now()}@pbx`, from: '+14155550134', to: '' };
    const { callId } = await read<{ callId: string }>(await windowApi(agent, '/api/telephony/sip/incoming', { method: 'POST', body: incoming }));
    await windowApi(admin, '/api/telephony/sip/incoming', { method: 'POST', body: incoming });
    await windowApi(agent, `/api/telephony/sip/calls/${callId}/events`, { method: 'POST', body: { type: 'remote_ended' } });
    expect((await callOf(admin, callId)).state).toBe('ringing');
    const last = await windowApi(admin, `/api/telephony/sip/calls/${callId}/events`, { method: 'POST', body: { type: 'remote_ended' } });
    expect((await read<{ call: WindowCall }>(last)).call).toMatchObject({ state: 'ended', outcome: 'cancelled' });
  });

  it('dials an extension as typed and follows the window: answered, then the far end hangs up', async () => {
    const placed = await windowApi(agent, '/api/calls', { method: 'POST', body: { number: '9000', source: 'dial_pad' } });
    expect(placed.status).toBe(201);
    const { call } = await read<{ call: WindowCall }>(placed);
    expect(call.remoteNumber).toBe('9000');
    const events = (body: unknown, userId = agent) => windowApi(userId, `/api/telephony/sip/calls/${call.id}/events`, { method: 'POST', body });
    expect(await errorOf(await events({ type: 'ringing' }, admin))).toEqual({ status: 409, code: 'NOT_YOUR_CALL' });
    expect((await read<{ call: WindowCall }>(await events({ type: 'ringing' }))).call.state).toBe('ringing');
    expect((await read<{ call: WindowCall }>(await events({ type: 'answered', sipCallId: `out-${call.id}@browser` }))).call.state).toBe('connected');
    const hungUp = (await read<{ call: WindowCall & { answeredAt: number; durationSeconds: number } }>(await events({ type: 'remote_ended' }))).call;
    expect(hungUp).toMatchObject({ state: 'ended', outcome: 'completed' });

    // The call log: from = the agent's caller ID, to = the number as dialled, start = answer time, duration = talk time.
    const wrapUp = await windowApi(agent, `/api/calls/${call.id}/wrap-up`, { method: 'POST', body: { notes: '', action: { type: 'hang_up' } } });
    expect(wrapUp.status).toBe(202);
    const [log] = await waitFor(() => callLogsTo('9000'), (found) => found.length > 0, 'the SIP call log in Pipedrive');
    expect(log).toMatchObject({ from_phone_number: '+14155550111', to_phone_number: '9000', outcome: 'connected', duration: String(hungUp.durationSeconds) });
    // The sandbox keeps the time as an ISO string; Pipedrive's format has whole seconds.
    expect(Date.parse(log?.start_time ?? '')).toBe(Math.floor(hungUp.answeredAt / 1000) * 1000);
  });

  it('refuses at once an outbound call no window could dial (the agent has no SIP account)', async () => {
    const placed = await windowApi(admin, '/api/calls', { method: 'POST', body: { number: '9000', source: 'dial_pad' } });
    expect(await errorOf(placed)).toEqual({ status: 502, code: 'CALL_TELEPHONY_FAILED' });
  });

  it('maps a final response: 486 ends the outbound call as busy, 404 as wrong number', async () => {
    for (const [sipStatus, outcome] of [
      [486, 'busy'],
      [404, 'wrong_number'],
      [603, 'declined'],
    ] as const) {
      const { call } = await read<{ call: WindowCall }>(await windowApi(agent, '/api/calls', { method: 'POST', body: { number: '+1 415 555 0134', source: 'dial_pad' } }));
      const failed = await windowApi(agent, `/api/telephony/sip/calls/${call.id}/events`, { method: 'POST', body: { type: 'failed', sipStatus, reason: 'whatever' } });
      expect((await read<{ call: WindowCall }>(failed)).call).toMatchObject({ state: 'ended', outcome });
    }
  });

  it('answers 400 on bad events and bad incoming reports, 404 for unknown calls', async () => {
    const quality = { mos: 4.4, lossPercent: 0, jitterMs: 1 };
    const badQualities = [{ ...quality, mos: 9 }, { ...quality, lossPercent: -1 }, { ...quality, jitterMs: 'high' }, { ...quality, rttMs: 1e9 }, { ...quality, extra: 1 }, { mos: 4 }];
    for (const body of [{ type: 'exploded' }, { type: 'failed', sipStatus: 200 }, { type: 'answered' }, { type: 'alive', extra: true }, [], ...badQualities.map((bad) => ({ type: 'alive', quality: bad }))]) {
      expect(await errorOf(await windowApi(agent, '/api/telephony/sip/calls/some-call/events', { method: 'POST', body }))).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    }
    expect(await errorOf(await windowApi(agent, '/api/telephony/sip/calls/no-such-call/events', { method: 'POST', body: { type: 'alive' } }))).toEqual({ status: 404, code: 'CALL_NOT_FOUND' });
    for (const body of [{ sipCallId: 'has space', from: '1', to: '' }, { sipCallId: 'x', from: '', to: '' }, { sipCallId: 'x', to: '' }]) {
      expect(await errorOf(await windowApi(agent, '/api/telephony/sip/incoming', { method: 'POST', body }))).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    }
    expect((await windowApi(agent, '/api/telephony/sip/nowhere')).status).toBe(404);
    expect((await windowApi(agent, '/api/telephony/nobody/account')).status).toBe(404);
  });
});
