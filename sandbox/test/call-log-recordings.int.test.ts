import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_ENVELOPE_KEYS, TestKit } from './sandbox-test-kit';

const CALL_LOG = { outcome: 'connected', to_phone_number: '+442079460958', start_time: '2025-06-02 11:50:00', end_time: '2025-06-02 11:55:30', duration: '330' };
const AUDIO = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0xff]);

describe('sandbox: call log recordings (POST /v1/callLogs/{id}/recordings)', () => {
  let kit: TestKit;
  let token: string;
  beforeAll(async () => {
    kit = await TestKit.start();
    token = (await kit.install(20002)).access_token;
  });
  beforeEach(() => kit.sandbox.reset());
  afterAll(() => kit.close());

  async function newCallLog(): Promise<string> {
    const created = await kit.post('/api/v1/callLogs', token, CALL_LOG);
    return created.body.data.id as string;
  }

  async function upload(id: string, form: FormData | string, headers: Record<string, string> = {}) {
    const response = await fetch(`${kit.url}/api/v1/callLogs/${id}/recordings`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body: form });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { data: Record<string, unknown> | null } };
  }

  const audioForm = (type = 'audio/webm;codecs=opus', bytes: Uint8Array = AUDIO) => {
    const form = new FormData();
    form.append('file', new File([Uint8Array.from(bytes)], 'call.webm', { type }));
    return form;
  };

  it('keeps the audio, sets has_recording, and answers in Pipedrive’s envelope', async () => {
    const id = await newCallLog();
    const answer = await upload(id, audioForm());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: true, data: { id, has_recording: true, file_name: 'call.webm', file_type: 'audio/webm;codecs=opus', file_size: AUDIO.length } });
    expect((await kit.get(`/api/v1/callLogs/${id}`, token)).body.data.has_recording).toBe(true);

    const kept = await kit.control(`/call-logs/${id}/recording`, undefined, 'GET');
    expect(kept.body.data).toMatchObject({ callLogId: id, contentType: 'audio/webm;codecs=opus', size: AUDIO.length });
    expect(new Uint8Array(Buffer.from(kept.body.data.base64 as string, 'base64'))).toEqual(AUDIO);
  });

  it('answers 409 to a second recording of the same call log and keeps the first', async () => {
    const id = await newCallLog();
    await upload(id, audioForm());
    const second = await upload(id, audioForm('audio/ogg', new Uint8Array([1, 2, 3])));
    expect(second.status).toBe(409);
    expect(Object.keys(second.body).sort()).toEqual([...ERROR_ENVELOPE_KEYS].sort());
    expect((await kit.control(`/call-logs/${id}/recording`, undefined, 'GET')).body.data.size).toBe(AUDIO.length);
  });

  it('refuses a missing field, a file that is not audio, an empty file and a body that is not multipart', async () => {
    const id = await newCallLog();
    const noFile = new FormData();
    noFile.append('other', 'x');
    expect(await upload(id, noFile)).toMatchObject({ status: 400, body: { success: false, error: '"file" is required' } });
    expect(await upload(id, audioForm('text/plain'))).toMatchObject({ status: 400, body: { error: '"file" must be an audio file' } });
    expect(await upload(id, audioForm('audio/webm', new Uint8Array()))).toMatchObject({ status: 400, body: { error: '"file" is empty' } });
    expect((await upload(id, '{}', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await upload(id, 'garbage', { 'content-type': 'multipart/form-data; boundary=zzz' })).status).toBe(400);
    expect((await kit.get(`/api/v1/callLogs/${id}`, token)).body.data.has_recording).toBe(false);
  });

  it('answers 404 for an unknown call log and 401 without a token', async () => {
    expect((await upload('0'.repeat(32), audioForm())).status).toBe(404);
    const anonymous = await fetch(`${kit.url}/api/v1/callLogs/${await newCallLog()}/recordings`, { method: 'POST', body: audioForm() });
    expect(anonymous.status).toBe(401);
  });

  it('forgets the audio on reset', async () => {
    const id = await newCallLog();
    await upload(id, audioForm());
    await kit.sandbox.reset();
    expect((await kit.control(`/call-logs/${id}/recording`, undefined, 'GET')).status).toBe(404);
  });

  it('lets the person page play the recording of a call logged against them', async () => {
    const persons = await kit.get('/api/v2/persons?limit=1', token);
    const personId = persons.body.data[0].id as number;
    const created = await kit.post('/api/v1/callLogs', token, { ...CALL_LOG, person_id: personId });
    const id = created.body.data.id as string;
    const page = async () => (await fetch(`${kit.url}/persons/${personId}`, { headers: { cookie: 'sandbox_user=20002' } })).text();
    expect(await page()).not.toContain('class="call-recording"');

    await upload(id, audioForm());
    expect(await page()).toContain(`<audio class="call-recording" controls preload="none" src="/call-logs/${id}/recording" aria-label="Recording of this call">`);
    const audio = await fetch(`${kit.url}/call-logs/${id}/recording`);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/webm;codecs=opus');
    expect(new Uint8Array(await audio.arrayBuffer())).toEqual(AUDIO);
    expect((await fetch(`${kit.url}/call-logs/${'0'.repeat(32)}/recording`)).status).toBe(404);
  });
});
