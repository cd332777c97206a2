import { describe, expect, it } from 'vitest';
import { ServerRequestError } from '@/ui/api-client';
import { pickRecordingType, RECORDING_BITS_PER_SECOND, startCallRecorder } from './call-recorder';
import { createCallRecording, UPLOAD_RETRY_DELAYS_MS } from './call-recording';
import type { PhoneCall, SoftphoneState } from './softphone-types';
import { fakeRecorderMedia } from './testing/fake-recorder-media';

const MIC = { id: 'mic' } as unknown as MediaStream;
const REMOTE = { id: 'remote' } as unknown as MediaStream;

function phoneState(call: Partial<PhoneCall> | null): SoftphoneState {
  const full: PhoneCall | null =
    call === null ? null : { callId: 'c1', direction: 'outbound', phase: 'live', muted: false, held: false, transfer: { status: 'idle' }, remoteStream: REMOTE, quality: null, ...call };
  return { registration: { status: 'registered' }, call: full, microphone: null };
}

function setUp(options: { enabled?: boolean; upload?: (callId: string, blob: Blob) => Promise<void> } = {}) {
  const fake = fakeRecorderMedia();
  const uploads: Array<{ callId: string; text: string; type: string }> = [];
  const waits: number[] = [];
  const recording = createCallRecording({
    media: fake.media,
    upload: options.upload ?? (async (callId, blob) => void uploads.push({ callId, text: await blob.text(), type: blob.type })),
    sleep: async (ms) => void waits.push(ms),
  });
  recording.setEnabled(options.enabled ?? true);
  recording.noteMicrophone(MIC);
  return { ...fake, recording, uploads, waits };
}

describe('startCallRecorder', () => {
  it('mixes microphone and far end into one stream and encodes opus at a speech bitrate', () => {
    const { media, mixed, encoders, destination } = fakeRecorderMedia();
    expect(startCallRecorder(media, MIC, REMOTE)).not.toBeNull();
    expect(mixed).toEqual([MIC, REMOTE]);
    expect(encoders[0]?.stream).toBe(destination.stream);
    expect(encoders[0]?.options).toEqual({ mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
  });

  it('falls back to what the browser supports, and records nothing when it supports none of the formats', () => {
    expect(pickRecordingType((type) => type === 'audio/ogg;codecs=opus')).toBe('audio/ogg;codecs=opus');
    expect(pickRecordingType((type) => type === 'audio/webm')).toBe('audio/webm');
    expect(startCallRecorder(fakeRecorderMedia([]).media, MIC, REMOTE)).toBeNull();
  });
});

/** How many uploads a call's recording makes against a server that always answers `error`. */
async function attemptsAgainst(error: ServerRequestError): Promise<number> {
  let attempts = 0;
  const h = setUp({
    upload: async () => {
      attempts += 1;
      throw error;
    },
  });
  h.recording.follow(phoneState({}));
  h.recording.follow(phoneState({ phase: 'ended' }));
  await h.recording.settled();
  return attempts;
}

describe('call recording', () => {
  it('records a live call, says so, and uploads the recording when the call ends', async () => {
    const h = setUp();
    const statuses: string[] = [];
    h.recording.subscribe(() => statuses.push(h.recording.getStatus()));
    h.recording.follow(phoneState({ phase: 'ringing', remoteStream: null }));
    expect(h.encoders).toHaveLength(0);
    h.recording.follow(phoneState({}));
    expect(h.recording.getStatus()).toBe('recording');
    h.encoders[0]?.emit('hello ');
    h.recording.follow(phoneState(null));
    await h.recording.settled();
    expect(h.uploads).toEqual([{ callId: 'c1', text: 'hello last', type: 'audio/webm;codecs=opus' }]);
    expect(statuses).toEqual(['recording', 'idle']);
    expect(h.closedContexts()).toBe(1);
  });

  it('pauses while the call is on hold and resumes after', () => {
    const h = setUp();
    h.recording.follow(phoneState({}));
    h.recording.follow(phoneState({ held: true }));
    expect(h.recording.getStatus()).toBe('paused');
    h.recording.follow(phoneState({ held: false }));
    expect(h.recording.getStatus()).toBe('recording');
    expect(h.encoders[0]?.calls).toEqual(['start:5000', 'pause', 'resume']);
  });

  it('records nothing when the company does not record calls, or before the far end is heard', () => {
    const off = setUp({ enabled: false });
    off.recording.follow(phoneState({}));
    expect(off.encoders).toHaveLength(0);
    expect(off.recording.getStatus()).toBe('idle');
    const noRemote = setUp();
    noRemote.recording.follow(phoneState({ remoteStream: null }));
    expect(noRemote.encoders).toHaveLength(0);
  });

  it('retries an upload the server could not take yet, with growing waits, and stops at a refusal', async () => {
    let calls = 0;
    const flaky = setUp({
      upload: async () => {
        calls += 1;
        if (calls === 1) throw new ServerRequestError(409, 'RECORDING_CALL_NOT_ENDED', 'still going');
        if (calls === 2) throw new ServerRequestError(0, 'NETWORK_ERROR', 'offline');
      },
    });
    flaky.recording.follow(phoneState({}));
    flaky.recording.follow(phoneState(null));
    await flaky.recording.settled();
    expect(calls).toBe(3);
    expect(flaky.waits).toEqual(UPLOAD_RETRY_DELAYS_MS.slice(0, 2));

    const refused = await attemptsAgainst(new ServerRequestError(409, 'RECORDING_ALREADY_STORED', 'done'));
    expect(refused).toBe(1);
    const attempts = await attemptsAgainst(new ServerRequestError(503, 'PIPEDRIVE_UNAVAILABLE', 'down'));
    expect(attempts).toBe(UPLOAD_RETRY_DELAYS_MS.length + 1);
  });
});
