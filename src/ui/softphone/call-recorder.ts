/**
 * Records one call in the browser: the microphone and the far end mixed by WebAudio into one
 * stream, encoded by MediaRecorder (opus at a speech bitrate). The browser parts are injected, so
 * unit tests run it over fakes.
 */

/** What the recorder needs of WebAudio's AudioContext. */
export interface RecorderAudioContext {
  createMediaStreamSource(stream: MediaStream): { connect(destination: unknown): unknown };
  createMediaStreamDestination(): { readonly stream: MediaStream };
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** What the recorder needs of MediaRecorder. */
export interface RecorderEncoder {
  readonly state: 'inactive' | 'recording' | 'paused';
  ondataavailable: ((event: { data: Blob }) => void) | null;
  onstop: (() => void) | null;
  start(timesliceMs?: number): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

export interface RecorderMedia {
  createAudioContext(): RecorderAudioContext;
  createEncoder(stream: MediaStream, options: { mimeType: string; audioBitsPerSecond: number }): RecorderEncoder;
  isTypeSupported(mimeType: string): boolean;
}

/** Preferred first; the server takes audio/webm and audio/ogg (a codecs parameter may follow). */
export const RECORDING_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/ogg'] as const;
/** Opus speech stays clear at 32 kbit/s: about 240 KB a minute. */
export const RECORDING_BITS_PER_SECOND = 32_000;
/** A chunk every few seconds, so a long call is not held as one growing buffer inside the encoder. */
const TIMESLICE_MS = 5_000;

export function pickRecordingType(isTypeSupported: (mimeType: string) => boolean): string | null {
  return RECORDING_TYPES.find((type) => isTypeSupported(type)) ?? null;
}

export interface CallRecorder {
  pause(): void;
  resume(): void;
  /** Stops and hands the recording over (null when nothing was recorded). */
  stop(): Promise<Blob | null>;
}

/** Starts recording both sides; null when the browser offers no format the server takes. */
export function startCallRecorder(media: RecorderMedia, microphone: MediaStream, remote: MediaStream): CallRecorder | null {
  const mimeType = pickRecordingType((type) => media.isTypeSupported(type));
  if (mimeType === null) return null;
  const context = media.createAudioContext();
  const mix = context.createMediaStreamDestination();
  context.createMediaStreamSource(microphone).connect(mix);
  context.createMediaStreamSource(remote).connect(mix);
  // A context made outside a click may start suspended.
  void context.resume().catch(() => {});
  const encoder = media.createEncoder(mix.stream, { mimeType, audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
  const chunks: Blob[] = [];
  encoder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  encoder.start(TIMESLICE_MS);
  let stopped: Promise<Blob | null> | null = null;
  return {
    pause: () => encoder.state === 'recording' && encoder.pause(),
    resume: () => encoder.state === 'paused' && encoder.resume(),
    stop() {
      stopped ??= new Promise<Blob | null>((resolve) => {
        const finish = () => {
          void context.close().catch(() => {});
          resolve(chunks.length === 0 ? null : new Blob(chunks, { type: mimeType }));
        };
        if (encoder.state === 'inactive') return finish();
        encoder.onstop = finish;
        encoder.stop();
      });
      return stopped;
    },
  };
}

/** The browser's own parts. */
export const browserRecorderMedia: RecorderMedia = {
  createAudioContext: () => new AudioContext(),
  createEncoder: (stream, options) => new MediaRecorder(stream, options) as unknown as RecorderEncoder,
  isTypeSupported: (mimeType) => typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(mimeType),
};
