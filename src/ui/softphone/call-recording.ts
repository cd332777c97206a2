/**
 * The softphone's call recording (company setting "Record calls", docs/REAL-CALLS.md): it follows
 * the phone's state from outside the engine, records while a call is live (paused while it is on
 * hold: the customer hears nothing then, and what the agent says meanwhile is not part of the
 * conversation), and uploads the recording when the call ends, retrying a failed upload.
 */
import { startCallRecorder, type CallRecorder, type RecorderMedia } from './call-recorder';
import type { SoftphoneState } from './softphone-types';

export type RecordingStatus = 'idle' | 'recording' | 'paused';

export interface CallRecordingDeps {
  media: RecorderMedia;
  /** `PUT /api/calls/:id/recording`; rejects with the server's error (a `status` and a `code`). */
  upload(callId: string, recording: Blob): Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

export interface CallRecording {
  /** The company's "Record calls" setting, as the SIP registration answer says it. */
  setEnabled(enabled: boolean): void;
  /** The microphone the softphone opened last: the one its next call uses. */
  noteMicrophone(stream: MediaStream): void;
  /** Follows the phone (called on every state change). */
  follow(state: SoftphoneState): void;
  getStatus(): RecordingStatus;
  subscribe(listener: () => void): () => void;
  /** Resolves once the uploads started so far are done or given up (tests). */
  settled(): Promise<void>;
}

/** Upload attempts, and the wait before each retry (the server may not have ended the call yet). */
export const UPLOAD_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000] as const;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createCallRecording(deps: CallRecordingDeps): CallRecording {
  const sleep = deps.sleep ?? defaultSleep;
  const listeners = new Set<() => void>();
  const uploads = new Set<Promise<void>>();
  let enabled = false;
  let microphone: MediaStream | null = null;
  let current: { callId: string; recorder: CallRecorder; held: boolean } | null = null;
  let status: RecordingStatus = 'idle';

  function setStatus(next: RecordingStatus) {
    if (next === status) return;
    status = next;
    listeners.forEach((listener) => listener());
  }

  function finish() {
    const done = current;
    current = null;
    setStatus('idle');
    if (!done) return;
    const upload = done.recorder.stop().then((blob) => (blob ? uploadWithRetries(done.callId, blob) : undefined));
    uploads.add(upload);
    void upload.finally(() => uploads.delete(upload));
  }

  async function uploadWithRetries(callId: string, blob: Blob): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await deps.upload(callId, blob);
      } catch (error) {
        const delay = UPLOAD_RETRY_DELAYS_MS[attempt];
        if (delay === undefined || !isWorthRetrying(error)) return;
        await sleep(delay);
      }
    }
  }

  return {
    setEnabled(value) {
      enabled = value;
    },
    noteMicrophone(stream) {
      microphone = stream;
    },
    follow({ call }) {
      if (current && (call === null || call.callId !== current.callId || call.phase === 'ended')) finish();
      if (!call || call.phase !== 'live' || call.callId === null) return;
      if (!current) {
        if (!enabled || !microphone || !call.remoteStream) return;
        const recorder = startCallRecorder(deps.media, microphone, call.remoteStream);
        if (!recorder) return;
        current = { callId: call.callId, recorder, held: false };
      }
      if (call.held !== current.held) {
        current.held = call.held;
        if (call.held) current.recorder.pause();
        else current.recorder.resume();
      }
      setStatus(current.held ? 'paused' : 'recording');
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async settled() {
      while (uploads.size > 0) await Promise.allSettled([...uploads]);
    },
  };
}

/** No answer, a server fault, a rate limit, or a call the server has not ended yet: try again. */
function isWorthRetrying(error: unknown): boolean {
  const { status, code } = (error ?? {}) as { status?: unknown; code?: unknown };
  if (typeof status !== 'number') return true;
  return status === 0 || status >= 500 || status === 429 || code === 'RECORDING_CALL_NOT_ENDED';
}
