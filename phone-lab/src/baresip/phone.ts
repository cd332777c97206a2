import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dominantFrequency } from '../audio/spectrum';
import { readWavAsMono } from '../audio/wav';
import { ManagedProcess, withLog } from '../processes/managed-process';
import { pollUntil, sleep } from '../processes/wait';
import { BaresipControlConnection } from './control-connection';
import { renderPhoneAccount, renderPhoneConfig, type PhoneConfigSettings } from './phone-config';
import { translateBaresipEvent, type PhoneEvent, type PhoneEventOf, type PhoneEventType } from './phone-events';

export interface PhoneStartSettings extends Omit<PhoneConfigSettings, 'recordingsDir'> {
  binary: string;
  /** The phone's own directory (config, log, recordings). */
  workDir: string;
  record: boolean;
  startTimeoutMs: number;
}

type Listener = (event: PhoneEvent) => void;

/**
 * One baresip user agent registered with the lab's Kamailio over UDP, driven over ctrl_tcp.
 * Events are kept in order, so `waitFor` also finds an event that came before it was called
 * (pass `after` = `eventCount` taken before the action to ignore older ones).
 */
export class BaresipPhone {
  readonly user: string;
  readonly aor: string;
  private readonly events: PhoneEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private control: BaresipControlConnection | null = null;
  private dtmfOfCurrentCall = '';
  private currentCallId: string | null = null;

  private constructor(
    private readonly process: ManagedProcess,
    private readonly settings: PhoneStartSettings,
    private readonly recordingsDir: string | null,
  ) {
    this.user = settings.user;
    this.aor = `sip:${settings.user}@${settings.domain}`;
  }

  static async start(settings: PhoneStartSettings): Promise<BaresipPhone> {
    mkdirSync(settings.workDir, { recursive: true });
    const recordingsDir = settings.record ? join(settings.workDir, 'recordings') : null;
    if (recordingsDir) mkdirSync(recordingsDir, { recursive: true });
    const configSettings: PhoneConfigSettings = { ...settings, recordingsDir };
    writeFileSync(join(settings.workDir, 'config'), renderPhoneConfig(configSettings));
    writeFileSync(join(settings.workDir, 'accounts'), renderPhoneAccount(configSettings));

    const process = new ManagedProcess({
      name: `baresip (${settings.user})`,
      command: settings.binary,
      args: ['-f', settings.workDir],
      logFile: join(settings.workDir, 'baresip.log'),
      cwd: settings.workDir,
    });
    const phone = new BaresipPhone(process, settings, recordingsDir);
    try {
      await process.whileRunning(phone.connectAndRegister());
    } catch (error) {
      await phone.stop();
      throw withLog(error, process);
    }
    return phone;
  }

  /** How many events so far; pass it as `after` to wait only for newer ones. */
  get eventCount(): number {
    return this.events.length;
  }

  /** Events from index `after` on (see eventCount), oldest first. */
  eventsSince(after = 0): PhoneEvent[] {
    return this.events.slice(after);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first event of this type (and matching `where`) at or after index `after` (default 0). */
  waitFor<T extends PhoneEventType>(
    type: T,
    options: { after?: number; timeoutMs?: number; where?: (event: PhoneEventOf<T>) => boolean } = {},
  ): Promise<PhoneEventOf<T>> {
    const matches = (event: PhoneEvent): event is PhoneEventOf<T> =>
      event.type === type && (!options.where || options.where(event as PhoneEventOf<T>));
    const earlier = this.events.slice(options.after ?? 0).find(matches);
    if (earlier) return Promise.resolve(earlier);
    const timeoutMs = options.timeoutMs ?? 15_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`${this.user}: no "${type}" event within ${timeoutMs} ms; events so far: ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      const unsubscribe = this.on((event) => {
        if (!matches(event)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(event);
      });
    });
  }

  /** Places a call, e.g. dial("sip:+15550100@phone-lab.test"). Resolves once baresip accepted the command. */
  async dial(uri: string): Promise<void> {
    await this.requireControl().command('dial', uri);
  }

  /** Answers the ringing call (for phones in manual answer mode). */
  async answer(): Promise<void> {
    await this.requireControl().command('accept');
  }

  async hangUp(): Promise<void> {
    await this.requireControl().command('hangup');
  }

  /** RFC 4733 telephone events, one digit at a time (0-9, *, #, A-D). */
  async sendDtmf(digits: string): Promise<void> {
    if (!/^[0-9*#A-D]+$/.test(digits)) throw new Error(`not DTMF digits: ${JSON.stringify(digits)}`);
    for (const digit of digits) {
      await this.requireControl().command('sndcode', digit);
      // baresip sends each event for a while; space the digits so they do not run into each other.
      await sleep(150);
    }
  }

  /** DTMF digits received during the current (or last) call, in order. */
  dtmfReceived(): string {
    return this.dtmfOfCurrentCall;
  }

  /** The WAV of what this phone heard in its latest call (baresip's sndfile "-dec" file), or null. */
  latestRecording(): string | null {
    if (!this.recordingsDir) return null;
    const decoded = readdirSync(this.recordingsDir)
      .filter((name) => name.endsWith('-dec.wav'))
      .map((name) => join(this.recordingsDir as string, name))
      .map((path) => ({ path, modified: statSync(path).mtimeMs }))
      .sort((left, right) => right.modified - left.modified);
    return decoded[0]?.path ?? null;
  }

  /**
   * Dominant frequency (Hz) of what the phone heard in its latest call, or only in its last
   * `lastSeconds`; null if silent or not recorded.
   */
  dominantFrequencyHeard(options: { lastSeconds?: number } = {}): number | null {
    const recording = this.latestRecording();
    if (!recording) return null;
    const audio = readWavAsMono(recording);
    if (options.lastSeconds === undefined) return dominantFrequency(audio);
    const tail = Math.max(0, audio.samples.length - Math.round(options.lastSeconds * audio.sampleRate));
    return dominantFrequency({ sampleRate: audio.sampleRate, samples: audio.samples.subarray(tail) });
  }

  /** Seconds of audio in the latest call's recording (it grows only while packets arrive). */
  secondsHeard(): number {
    const recording = this.latestRecording();
    if (!recording) return 0;
    const audio = readWavAsMono(recording);
    return audio.samples.length / audio.sampleRate;
  }

  async stop(): Promise<void> {
    if (this.control && !this.process.hasExited) {
      // "quit" unregisters first, so Kamailio forgets the contact; SIGTERM follows if it hangs.
      await Promise.race([this.control.command('quit').catch(() => undefined), sleep(1000)]);
    }
    this.control?.close();
    this.control = null;
    await this.process.stop(2000);
  }

  private requireControl(): BaresipControlConnection {
    if (!this.control) throw new Error(`${this.user}: phone is stopped`);
    return this.control;
  }

  private record(event: PhoneEvent, direction?: string): void {
    // baresip answering by itself reports no CALL_INCOMING: report one before "established".
    if (event.type === 'established' && direction === 'incoming' && !this.events.some((seen) => seen.type === 'incoming' && seen.callId === event.callId)) {
      this.record({ type: 'incoming', callId: event.callId, peerUri: event.peerUri });
    }
    if ('callId' in event && event.callId !== this.currentCallId && event.type !== 'closed') {
      this.currentCallId = event.callId;
      this.dtmfOfCurrentCall = '';
    }
    if (event.type === 'dtmf') this.dtmfOfCurrentCall += event.digit;
    this.events.push(event);
    for (const listener of [...this.listeners]) listener(event);
  }

  private async connectAndRegister(): Promise<void> {
    const { controlPort, startTimeoutMs } = this.settings;
    await pollUntil(
      `baresip (${this.user}) control port ${controlPort}`,
      async () => {
        try {
          this.control = await BaresipControlConnection.open(controlPort, (raw) => {
            const event = translateBaresipEvent(raw);
            if (event) this.record(event, raw.direction);
          });
          return true;
        } catch {
          return false;
        }
      },
      startTimeoutMs,
      20,
    );
    // REGISTER_OK may have been sent before we connected: ask for the registration state as well.
    await pollUntil(
      `${this.aor} to register with Kamailio`,
      async () => {
        if (this.events.some((event) => event.type === 'registered')) return true;
        const failed = this.events.find((event) => event.type === 'registration_failed');
        if (failed) throw new Error(`${this.aor} failed to register: ${JSON.stringify(failed)}`);
        const info = await this.requireControl().command('reginfo').catch(() => '');
        // The status is coloured with ANSI escapes ("\x1b[32mOK \x1b[;m"); drop them first.
        return /\bOK\b/.test(info.replace(/\x1b\[[0-9;]*m/g, ' '));
      },
      startTimeoutMs,
      50,
    );
  }
}
