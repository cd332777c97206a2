import type { RecorderAudioContext, RecorderEncoder, RecorderMedia } from '../call-recorder';

/** A MediaRecorder stand-in: `emit()` hands a chunk over, `stop()` ends with the `stop` event. */
export class FakeEncoder implements RecorderEncoder {
  state: RecorderEncoder['state'] = 'inactive';
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  readonly calls: string[] = [];

  constructor(
    readonly stream: MediaStream,
    readonly options: { mimeType: string; audioBitsPerSecond: number },
  ) {}

  start(timesliceMs?: number) {
    this.calls.push(`start:${timesliceMs}`);
    this.state = 'recording';
  }
  pause() {
    this.calls.push('pause');
    this.state = 'paused';
  }
  resume() {
    this.calls.push('resume');
    this.state = 'recording';
  }
  stop() {
    this.calls.push('stop');
    this.emit('last');
    this.state = 'inactive';
    this.onstop?.();
  }
  emit(text: string) {
    this.ondataavailable?.({ data: new Blob([text]) });
  }
}

/** WebAudio and MediaRecorder over fakes: what was mixed, what was encoded, in which format. */
export function fakeRecorderMedia(supported: readonly string[] = ['audio/webm;codecs=opus']) {
  const mixed: MediaStream[] = [];
  const encoders: FakeEncoder[] = [];
  let closed = 0;
  const destination = { stream: { id: 'mix' } as unknown as MediaStream };
  const context: RecorderAudioContext = {
    createMediaStreamSource: (stream) => ({ connect: (target: unknown) => (target === destination ? mixed.push(stream) : undefined) }),
    createMediaStreamDestination: () => destination,
    resume: async () => {},
    close: async () => void (closed += 1),
  };
  const media: RecorderMedia = {
    createAudioContext: () => context,
    createEncoder: (stream, options) => {
      const encoder = new FakeEncoder(stream, options);
      encoders.push(encoder);
      return encoder;
    },
    isTypeSupported: (type) => supported.includes(type),
  };
  return { media, mixed, encoders, destination, closedContexts: () => closed };
}
