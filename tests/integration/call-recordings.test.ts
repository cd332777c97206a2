/**
 * Call recordings through the running app (docs/CALLS-API.md): the admin's "Record calls" setting,
 * the registration telling the window, `PUT /api/calls/:id/recording` and its refusals, and the
 * outbox attaching the recording to the call log in the sandbox, after the call log, whether the
 * agent wraps up or the server logs the call alone. One sandbox (in-process) and one app process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait';
import { adminAndAgent, installAndOpenWindow, startHarness, type Harness } from './helpers/app-harness';

const SETTINGS = { defaultRegion: 'US', createCallbackForMissedCalls: false, companyPhoneNumber: null, ringTimeoutSeconds: 20, telephonyProvider: 'sip' };
const AUDIO = Buffer.from('OggS-fake-opus-recording-bytes-'.repeat(40));

let harness: Harness;
let admin: number;
let agent: number;
const cookies = new Map<number, string>();

beforeAll(async () => {
  harness = await startHarness({ env: { TELEPHONY_PROVIDER: 'sip', SIP_DOMAIN: 'pbx.acme.test', SIP_WEBSOCKET_URL: 'wss://pbx.acme.test/ws', WRAP_UP_GRACE_SECONDS: '5' } });
  ({ admin, agent } = adminAndAgent(harness));
  for (const userId of [admin, agent]) cookies.set(userId, await installAndOpenWindow(harness, userId));
  await api(agent, '/api/telephony/sip/account', { method: 'PUT', json: { username: '1001', password: 's3cret' } });
}, 300_000);

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(harness?.app.output());
  await harness?.close();
});

function api(userId: number, path: string, options: { method?: string; json?: unknown; body?: Buffer; type?: string } = {}) {
  const headers: Record<string, string> = { cookie: cookies.get(userId) as string, origin: harness.appUrl, 'x-window-id': `tab-${userId}` };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.type !== undefined) headers['content-type'] = options.type;
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body === undefined ? undefined : new Uint8Array(options.body);
  return fetch(`${harness.appUrl}${path}`, { method: options.method ?? 'GET', headers, body });
}

const errorOf = async (response: Response) => ({ status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code });
const upload = (callId: string, body = AUDIO, type = 'audio/ogg; codecs=opus', userId = agent) => api(userId, `/api/calls/${callId}/recording`, { method: 'PUT', body, type });

/** An outbound SIP call of the agent, answered and then hung up by the far end. */
async function endedCall(number: string, whileLive: (callId: string) => Promise<void> = async () => {}): Promise<string> {
  const placed = await api(agent, '/api/calls', { method: 'POST', json: { number, source: 'dial_pad' } });
  const { call } = (await placed.json()) as { call: { id: string } };
  const report = (json: unknown) => api(agent, `/api/telephony/sip/calls/${call.id}/events`, { method: 'POST', json });
  await report({ type: 'answered', sipCallId: `out-${call.id}@browser` });
  await whileLive(call.id);
  await report({ type: 'remote_ended' });
  return call.id;
}

function sandboxLogTo(number: string) {
  return harness.sandbox.context.store.listCallLogs().find((log) => log.to_phone_number === number);
}

describe('call recordings', () => {
  it('are refused while the company does not record calls; the registration says so', async () => {
    const registration = await api(agent, '/api/telephony/sip/registration');
    expect(((await registration.json()) as { recordCalls: boolean }).recordCalls).toBe(false);
    const callId = await endedCall('9100');
    expect(await errorOf(await upload(callId))).toEqual({ status: 409, code: 'RECORDING_NOT_ENABLED' });
  });

  it('only admins turn "Record calls" on; the registration then tells the window', async () => {
    expect(await errorOf(await api(agent, '/api/settings', { method: 'PUT', json: { ...SETTINGS, recordCalls: true } }))).toEqual({ status: 403, code: 'ADMIN_REQUIRED' });
    const saved = await api(admin, '/api/settings', { method: 'PUT', json: { ...SETTINGS, recordCalls: true } });
    expect(((await saved.json()) as { settings: { recordCalls: boolean } }).settings.recordCalls).toBe(true);
    await waitFor(async () => ((await (await api(agent, '/api/telephony/sip/registration')).json()) as { recordCalls: boolean }).recordCalls, (on) => on, 'the registration to say "record"');
  });

  it('attaches the recording to the call log after the wrap-up, once, and refuses what is wrong', async () => {
    const callId = await endedCall('9200', async (live) => {
      expect(await errorOf(await upload(live))).toEqual({ status: 409, code: 'RECORDING_CALL_NOT_ENDED' });
    });
    expect(await errorOf(await upload(callId, AUDIO, 'application/json'))).toEqual({ status: 415, code: 'RECORDING_UNSUPPORTED_TYPE' });
    expect(await errorOf(await upload(callId, AUDIO, 'video/webm'))).toEqual({ status: 415, code: 'RECORDING_UNSUPPORTED_TYPE' });
    expect(await errorOf(await upload(callId, Buffer.alloc(0)))).toEqual({ status: 400, code: 'RECORDING_EMPTY' });
    expect(await errorOf(await upload(callId, AUDIO, 'audio/ogg', admin))).toEqual({ status: 403, code: 'CALL_NOT_YOURS' });
    expect(await errorOf(await upload('no-such-call'))).toEqual({ status: 404, code: 'CALL_NOT_FOUND' });
    expect(await errorOf(await upload(callId, Buffer.alloc(25 * 1024 * 1024 + 1)))).toEqual({ status: 413, code: 'BODY_TOO_LARGE' });

    const stored = await upload(callId);
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({ recording: { callId, size: AUDIO.length } });
    expect(await errorOf(await upload(callId))).toEqual({ status: 409, code: 'RECORDING_ALREADY_STORED' });
    // Waiting for the call log: nothing goes to Pipedrive before the wrap-up queues it.
    expect(sandboxLogTo('9200')).toBeUndefined();

    const wrapUp = await api(agent, `/api/calls/${callId}/wrap-up`, { method: 'POST', json: { notes: '', action: { type: 'hang_up' } } });
    expect(wrapUp.status).toBe(202);
    const log = await waitFor(() => sandboxLogTo('9200'), (found) => found?.has_recording === true, 'the recording on the call log');
    const attached = harness.sandbox.context.store.getRecording(log!.id);
    expect(attached).toMatchObject({ contentType: 'audio/ogg;codecs=opus', fileName: 'call-recording.ogg' });
    expect(Buffer.from(attached!.bytes)).toEqual(AUDIO);
    const status = async () => ((await (await api(agent, '/api/calls/history')).json()) as { items: Array<{ id: string; wrapUp: { status: string; savedItems: string[] } | null }> }).items.find((item) => item.id === callId)?.wrapUp;
    expect(await waitFor(status, (wrap) => wrap?.status === 'saved', 'the wrap-up saved')).toMatchObject({ savedItems: ['recording', 'call log'] });
  });

  it('rides along with the automatic log when nobody wraps the call up', async () => {
    const callId = await endedCall('9300');
    expect((await upload(callId, AUDIO, 'audio/webm;codecs=opus')).status).toBe(200);
    const log = await waitFor(() => sandboxLogTo('9300'), (found) => found?.has_recording === true, 'the automatic log with its recording', 30_000);
    expect(harness.sandbox.context.store.getRecording(log!.id)?.contentType).toBe('audio/webm;codecs=opus');
  });
});
