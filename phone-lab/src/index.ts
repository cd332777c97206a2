import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeToneWav } from './audio/tone';
import { BaresipPhone } from './baresip/phone';
import { startKamailio } from './kamailio/start-kamailio';
import {
  CUSTOMER_USER,
  DEFAULT_AGENTS,
  DEFAULT_DOMAIN,
  DEFAULT_NUMBERS,
  RINGER_USER,
  validateOptions,
  type AgentCredentials,
  type LabNumbers,
  type PhoneLabOptions,
} from './options';
import { requireLabBinaries } from './processes/binaries';
import { freePort, freePortRange, freeSipPortPair } from './processes/free-ports';
import type { ManagedProcess } from './processes/managed-process';
import { startRtpengine } from './processes/rtpengine';

export { APT_INSTALL_LINE, MissingBinaryError } from './processes/binaries';
export { BaresipPhone } from './baresip/phone';
export type { PhoneEvent, PhoneEventType, PhoneEventOf } from './baresip/phone-events';
export { dominantFrequency } from './audio/spectrum';
export { readWavAsMono, type MonoAudio } from './audio/wav';
export { DEFAULT_AGENTS, DEFAULT_DOMAIN, DEFAULT_NUMBERS } from './options';
export type { AgentCredentials, LabNumbers, PhoneLabOptions } from './options';

export interface PhoneLabPorts {
  webSocket: number;
  sipUdp: number;
  rtpengineNg: number;
  media: { min: number; max: number };
}

/** A phone a test adds, e.g. a baresip registered as agent2 standing in for a browser. */
export interface ExtraPhoneOptions {
  /** One of the lab's agents (Kamailio knows only their passwords). */
  username: string;
  /** Default 'manual': the test answers with phone.answer(). */
  answerMode?: 'auto' | 'manual';
  /** Tone it sends (default 880 Hz, like the browser's fake microphone in the e2e tests). */
  toneHz?: number;
  /** Record what it hears (default true). */
  record?: boolean;
}

export interface PhoneLab {
  /** SIP domain = digest realm; URIs are sip:<user or number>@<domain>. */
  readonly domain: string;
  /** ws://127.0.0.1:<port>: JsSIP's socket URL. */
  readonly webSocketUrl: string;
  /** Kamailio's UDP address for SIP phones, e.g. "127.0.0.1:5060". */
  readonly sipUdpAddress: string;
  readonly ports: PhoneLabPorts;
  readonly agents: readonly AgentCredentials[];
  readonly numbers: Readonly<LabNumbers>;
  /** The customer's phone: auto-answers (by default), plays its tone, records what it hears. */
  readonly customer: BaresipPhone;
  /** Temp dir holding configs, logs and recordings; removed by stop(). */
  readonly workDir: string;
  /** "sip:<userOrNumber>@<domain>". */
  uri(userOrNumber: string): string;
  /** Starts another baresip phone registered with the lab; stopped by stop(). */
  startPhone(options: ExtraPhoneOptions): Promise<BaresipPhone>;
  /** Stops phones, then Kamailio, then rtpengine, waiting for each; removes the temp dir. */
  stop(): Promise<void>;
}

const BARESIP_MODULE_DIR = '/usr/lib/baresip/modules';

export async function startPhoneLab(options: PhoneLabOptions = {}): Promise<PhoneLab> {
  const binaries = requireLabBinaries();
  validateOptions(options);
  const domain = options.domain ?? DEFAULT_DOMAIN;
  const agents = (options.agents ?? DEFAULT_AGENTS).map((agent) => ({ ...agent }));
  const numbers: LabNumbers = { ...DEFAULT_NUMBERS, ...options.numbers };
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const workDir = mkdtempSync(join(tmpdir(), 'phone-lab-'));

  const ports: PhoneLabPorts = {
    webSocket: options.webSocketPort ?? (await freePort()),
    sipUdp: options.sipUdpPort ?? (await freePort()),
    rtpengineNg: options.rtpengineNgPort ?? (await freePort()),
    media: options.mediaPorts ?? (await freePortRange(200)),
  };
  // The lab's own phones get throw-away passwords: nobody outside needs them.
  const internalPasswords = { [CUSTOMER_USER]: randomBytes(9).toString('hex'), [RINGER_USER]: randomBytes(9).toString('hex') };
  const passwords: Record<string, string> = {
    ...Object.fromEntries(agents.map((agent) => [agent.username, agent.password])),
    ...internalPasswords,
  };

  // Tones are made once per frequency; the customer's is started now, alongside rtpengine.
  const tones = new Map<number, Promise<string>>();
  const toneFile = (hz: number): Promise<string> => {
    let made = tones.get(hz);
    if (!made) {
      const path = join(workDir, `tone-${hz}hz.wav`);
      made = makeToneWav(binaries.sox, path, hz).then(() => path);
      made.catch(() => undefined); // awaited (and reported) by the phone that needs it
      tones.set(hz, made);
    }
    return made;
  };
  toneFile(options.customerToneHz ?? 440);

  const started: { process?: ManagedProcess; phone?: BaresipPhone }[] = [];
  const stopAll = async () => {
    // Reverse order: phones unregister while Kamailio is still up, rtpengine goes last.
    for (const entry of [...started].reverse()) {
      if (entry.phone) await entry.phone.stop();
      if (entry.process) await entry.process.stop();
    }
    started.length = 0;
  };

  const startLabPhone = async (settings: {
    username: string;
    password: string;
    answerMode: 'auto' | 'manual';
    toneHz: number | null;
    record: boolean;
    sipPort?: number;
    controlPort?: number;
  }): Promise<BaresipPhone> => {
    const phoneDir = join(workDir, `phone-${settings.username}-${randomBytes(3).toString('hex')}`);
    mkdirSync(phoneDir, { recursive: true });
    const phone = await BaresipPhone.start({
      binary: binaries.baresip,
      workDir: phoneDir,
      user: settings.username,
      password: settings.password,
      domain,
      proxyPort: ports.sipUdp,
      sipPort: settings.sipPort ?? (await freeSipPortPair()),
      controlPort: settings.controlPort ?? (await freePort()),
      answerMode: settings.answerMode,
      toneFile: settings.toneHz === null ? null : await toneFile(settings.toneHz),
      record: settings.record,
      moduleDir: BARESIP_MODULE_DIR,
      startTimeoutMs,
    });
    started.push({ phone });
    return phone;
  };

  let customer: BaresipPhone;
  try {
    started.push({
      process: await startRtpengine({
        binary: binaries.rtpengine,
        workDir,
        ngPort: ports.rtpengineNg,
        mediaPortMin: ports.media.min,
        mediaPortMax: ports.media.max,
        startTimeoutMs,
      }),
    });
    started.push({
      process: await startKamailio({
        binary: binaries.kamailio,
        workDir,
        startTimeoutMs,
        config: {
          domain,
          sipUdpPort: ports.sipUdp,
          webSocketPort: ports.webSocket,
          rtpengineNgPort: ports.rtpengineNg,
          passwords,
          numbers,
          customerUser: CUSTOMER_USER,
          ringerUser: RINGER_USER,
          ringGroupMembers: options.ringGroupMembers ?? agents.map((agent) => agent.username),
          noAnswerTimeoutMs: options.noAnswerTimeoutMs ?? 4000,
        },
      }),
    });
    [customer] = await Promise.all([
      startLabPhone({
        username: CUSTOMER_USER,
        password: internalPasswords[CUSTOMER_USER] as string,
        answerMode: options.customerAutoAnswer === false ? 'manual' : 'auto',
        toneHz: options.customerToneHz ?? 440,
        record: options.recordCustomer ?? true,
        sipPort: options.customerSipPort,
        controlPort: options.customerControlPort,
      }),
      // Behind the no-answer number: rings (180) and is never answered.
      startLabPhone({
        username: RINGER_USER,
        password: internalPasswords[RINGER_USER] as string,
        answerMode: 'manual',
        toneHz: null,
        record: false,
      }),
    ]);
  } catch (error) {
    await stopAll();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`phone-lab failed to start (logs kept in ${workDir}):\n${message}`, { cause: error });
  }

  let stopped = false;
  return {
    domain,
    webSocketUrl: `ws://127.0.0.1:${ports.webSocket}`,
    sipUdpAddress: `127.0.0.1:${ports.sipUdp}`,
    ports,
    agents,
    numbers,
    customer,
    workDir,
    uri: (userOrNumber) => `sip:${userOrNumber}@${domain}`,
    startPhone: (phone) => {
      const password = agents.find((agent) => agent.username === phone.username)?.password;
      if (!password) return Promise.reject(new Error(`${phone.username} is not one of the lab's agents`));
      return startLabPhone({
        username: phone.username,
        password,
        answerMode: phone.answerMode ?? 'manual',
        toneHz: phone.toneHz ?? 880,
        record: phone.record ?? true,
      });
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopAll();
      if (!options.keepWorkDir) rmSync(workDir, { recursive: true, force: true });
    },
  };
}

