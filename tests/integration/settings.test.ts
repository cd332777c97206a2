/**
 * `GET/PUT /api/settings` through the running app, against the sandbox: who may read and change
 * the company's call settings, what is refused, and that a saved setting changes what calls do.
 * One sandbox (in-process) and one app process serve the file. DEBUG_APP_OUTPUT=1 prints the app's log.
 */
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait';
import { adminAndAgent, installAndOpenWindow, signWindowToken, startHarness, type Harness } from './helpers/app-harness';

const CONTROL_TOKEN = 'settings-control-center-token-0123456789';
/** RING_TIMEOUT_SECONDS: what a company that never saved settings gets. */
const CONFIGURED_RING_SECONDS = 7;
/** The sweep that logs missed calls runs every 30 s: a missed call's writes may take that long. */
const SWEEP_WAIT_MS = 60_000;

interface SettingsAnswer {
  settings: { defaultRegion: string | null; createCallbackForMissedCalls: boolean; companyPhoneNumber: string | null; ringTimeoutSeconds: number };
  updatedAt: string | null;
  updatedByUserId: number | null;
  canEdit: boolean;
  regions: string[];
  ringTimeoutRange: { min: number; max: number };
}

let harness: Harness;
let companyId: number;
let admin: number;
let agent: number;
const cookies = new Map<number, string>();
const sockets: Socket[] = [];

beforeAll(async () => {
  harness = await startHarness({
    env: { CONTROL_CENTER_TOKEN: CONTROL_TOKEN, MOCK_TELEPHONY_RING_MS: '50', RING_TIMEOUT_SECONDS: String(CONFIGURED_RING_SECONDS) },
  });
  companyId = harness.companyId;
  ({ admin, agent } = adminAndAgent(harness));
  for (const userId of [admin, agent]) cookies.set(userId, await installAndOpenWindow(harness, userId));
}, 300_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  if (process.env.DEBUG_APP_OUTPUT) console.log(harness?.app.output());
  await harness?.close();
});

/** The window's request: session cookie and the app's own Origin unless told otherwise. */
function settingsApi(userId: number | null, options: { method?: string; body?: unknown; rawBody?: string; origin?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (userId !== null) headers.cookie = cookies.get(userId) as string;
  if (options.origin !== null) headers.origin = options.origin ?? harness.appUrl;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${harness.appUrl}/api/settings`, { method: options.method ?? 'GET', headers, body, redirect: 'manual' });
}

const put = (userId: number, body: unknown, origin?: string | null) => settingsApi(userId, { method: 'PUT', body, origin });
const read = async <T>(response: Response) => (await response.json()) as T;
const errorCode = async (response: Response) => (await read<{ error: { code: string } }>(response)).error.code;

const VALID = { defaultRegion: 'GB', createCallbackForMissedCalls: false, companyPhoneNumber: '020 7946 0958', ringTimeoutSeconds: 30 };

describe('GET /api/settings', () => {
  it("gives every user of the company the configured defaults, with Pipedrive's company country adopted at install, and says who may edit", async () => {
    const asAgent = await settingsApi(agent);
    expect(asAgent.status).toBe(200);
    const answer = await read<SettingsAnswer>(asAgent);
    expect(answer).toMatchObject({
      settings: {
        defaultRegion: harness.sandbox.context.store.company.country,
        createCallbackForMissedCalls: false,
        companyPhoneNumber: null,
        ringTimeoutSeconds: CONFIGURED_RING_SECONDS,
      },
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedByUserId: expect.any(Number),
      canEdit: false,
      ringTimeoutRange: { min: 10, max: 120 },
    });
    expect(answer.regions).toContain('EE');
    expect((await read<SettingsAnswer>(await settingsApi(admin))).canEdit).toBe(true);
  });

  it('answers 401 without a session', async () => {
    const response = await settingsApi(null);
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('SESSION_REQUIRED');
  });
});

describe('PUT /api/settings', () => {
  it('refuses users who are not Pipedrive admins (403 ADMIN_REQUIRED) and changes nothing', async () => {
    const before = await read<SettingsAnswer>(await settingsApi(agent));
    const response = await put(agent, VALID);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('ADMIN_REQUIRED');
    expect(await read<SettingsAnswer>(await settingsApi(agent))).toEqual(before);
  });

  it('refuses cross-origin and origin-less requests (403 CROSS_ORIGIN_REQUEST)', async () => {
    for (const origin of [harness.sandbox.url, null]) {
      const response = await put(admin, VALID, origin);
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe('CROSS_ORIGIN_REQUEST');
    }
  });

  it.each([
    ['a region libphonenumber does not know', { defaultRegion: 'XX' }],
    ['a region that is not a code', { defaultRegion: 'United Kingdom' }],
    ['a company number that is not a number', { companyPhoneNumber: 'call us' }],
    ['a national number without a region', { defaultRegion: null }],
    ['a ring timeout under 10 s', { ringTimeoutSeconds: 9 }],
    ['a ring timeout over 120 s', { ringTimeoutSeconds: 121 }],
    ['a ring timeout as text', { ringTimeoutSeconds: '30' }],
    ['a missing setting', { createCallbackForMissedCalls: undefined }],
  ])('answers 400 INVALID_REQUEST for %s', async (_what, change) => {
    const response = await put(admin, { ...VALID, ...change });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('INVALID_REQUEST');
  });

  it('answers 4xx JSON for a body that is not a settings object', async () => {
    const response = await settingsApi(admin, { method: 'PUT', rawBody: '"GB"' });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('INVALID_REQUEST');
  });

  it('saves for an admin, normalizes region and number, and every user of the company reads it', async () => {
    const response = await put(admin, { ...VALID, defaultRegion: 'gb' });
    expect(response.status).toBe(200);
    const saved = await read<SettingsAnswer>(response);
    expect(saved).toMatchObject({
      settings: { defaultRegion: 'GB', createCallbackForMissedCalls: false, companyPhoneNumber: '+442079460958', ringTimeoutSeconds: 30 },
      updatedByUserId: admin,
      canEdit: true,
    });
    expect(Date.parse(saved.updatedAt ?? '')).not.toBeNaN();
    const asAgent = await read<SettingsAnswer>(await settingsApi(agent));
    expect(asAgent.settings).toEqual(saved.settings);
    expect(asAgent.canEdit).toBe(false);
  });
});

describe('a saved setting changes what calls do', () => {
  it('a missed call of a company with call-back activities on creates a "Call back" activity in Pipedrive', async () => {
    const saved = await put(admin, { ...VALID, createCallbackForMissedCalls: true, ringTimeoutSeconds: 10 });
    expect(saved.status).toBe(200);
    const callbacks = () => harness.sandbox.context.store.listActivities().filter((activity) => activity.subject.startsWith('Call back'));
    const before = callbacks().length;

    const tab = await openTab(agent);
    const ack = await simulateInbound({ number: '+14155550166', agent: String(agent) });
    expect(ack).toMatchObject({ ok: true, result: 'ringing' });
    await waitFor(
      () => tab.events.find((event) => event.name === 'call:stop-ringing' && event.payload.callId === ack.callId),
      (found) => found !== undefined,
      'the call to ring out (saved ring timeout: 10 s)',
    );
    const created = await waitFor(callbacks, (list) => list.length > before, 'a "Call back" activity in the sandbox', SWEEP_WAIT_MS);
    const activity = created[created.length - 1];
    expect(activity).toMatchObject({ type: 'call', subject: expect.stringContaining('Call back') });
  }, 120_000);
});

interface Tab {
  socket: Socket;
  events: { name: string; payload: Record<string, unknown> }[];
}

/** The agent's floating window, online for calls. */
async function openTab(userId: number): Promise<Tab> {
  const token = await signWindowToken({ userId, companyId });
  const socket = connectSocket(harness.appUrl, { auth: { token, windowId: `settings-tab-${userId}` }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  const events: Tab['events'] = [];
  socket.onAny((name: string, payload: Record<string, unknown>) => events.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return { socket, events };
}

/** An inbound call from the Control Center (the mock provider's far end). */
async function simulateInbound(payload: Record<string, unknown>): Promise<{ ok: boolean; callId: string; result: string }> {
  const socket = connectSocket(`${harness.appUrl}/control-center`, { auth: { token: CONTROL_TOKEN }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return (await socket.timeout(15_000).emitWithAck('INBOUND_CALL', payload)) as { ok: boolean; callId: string; result: string };
  } finally {
    socket.disconnect();
  }
}
