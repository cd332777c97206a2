/**
 * A scripted SIP user agent for unit tests: records what the engine asked for and lets the test
 * play the network's part (connect, drop, answer, refuse, ring, hang up).
 */
import type {
  DtmfTransport,
  IncomingSipCall,
  SipRegistration,
  SipSession,
  SipSessionEvent,
  SipUserAgent,
  SipUserAgentEvent,
} from '../sip-user-agent';

export class FakeSipSession implements SipSession {
  readonly actions: string[] = [];
  readonly dtmf: { tone: string; transport: DtmfTransport }[] = [];
  answeredWith: MediaStream | null = null;
  rtpDtmf = true;
  referResult: Promise<void> = Promise.resolve();
  /** What `getStats` answers: stats entries (as `report.values()` yields them), or null for no peer connection. */
  stats: Record<string, unknown>[] | null = null;
  statsCalls = 0;
  private readonly listeners = new Set<(event: SipSessionEvent) => void>();

  constructor(readonly target: string) {}

  onEvent(listener: (event: SipSessionEvent) => void): void {
    this.listeners.add(listener);
  }
  emit(event: SipSessionEvent): void {
    this.listeners.forEach((listener) => listener(event));
  }
  answer(microphone: MediaStream): void {
    this.answeredWith = microphone;
    this.actions.push('answer');
  }
  terminate(sipStatus?: number): void {
    this.actions.push(sipStatus === undefined ? 'terminate' : `terminate ${sipStatus}`);
  }
  hold(): boolean {
    this.actions.push('hold');
    return true;
  }
  unhold(): boolean {
    this.actions.push('unhold');
    return true;
  }
  canSendRtpDtmf(): boolean {
    return this.rtpDtmf;
  }
  sendDtmf(tone: string, transport: DtmfTransport): void {
    this.dtmf.push({ tone, transport });
  }
  refer(targetUri: string): Promise<void> {
    this.actions.push(`refer ${targetUri}`);
    return this.referResult;
  }
  getStats(): Promise<RTCStatsReport | null> {
    this.statsCalls += 1;
    const entries = this.stats;
    return Promise.resolve(entries === null ? null : (new Map(entries.map((entry, i) => [String(entry.id ?? i), entry])) as unknown as RTCStatsReport));
  }
}

export class FakeSipUserAgent implements SipUserAgent {
  readonly actions: string[] = [];
  readonly sessions: FakeSipSession[] = [];
  private readonly listeners = new Set<(event: SipUserAgentEvent) => void>();

  constructor(readonly registration: SipRegistration) {}

  onEvent(listener: (event: SipUserAgentEvent) => void): void {
    this.listeners.add(listener);
  }
  emit(event: SipUserAgentEvent): void {
    this.listeners.forEach((listener) => listener(event));
  }
  start(): void {
    this.actions.push('start');
  }
  register(): void {
    this.actions.push('register');
  }
  stop(): void {
    this.actions.push('stop');
  }
  /** Makes the next `call` throw, as JsSIP does while its socket is down. */
  failNextCall: Error | null = null;

  call(uri: string): SipSession {
    if (this.failNextCall) {
      const error = this.failNextCall;
      this.failNextCall = null;
      throw error;
    }
    const session = new FakeSipSession(uri);
    this.sessions.push(session);
    return session;
  }
  /** An INVITE arrives; returns its session. */
  ring(call: IncomingSipCall): FakeSipSession {
    const session = new FakeSipSession(`sip:${call.to}`);
    this.emit({ type: 'incoming', session, call });
    return session;
  }
  count(action: string): number {
    return this.actions.filter((a) => a === action).length;
  }
}

/** What `GET /api/telephony/sip/registration` answers in tests. */
export function sipRegistration(overrides: Partial<SipRegistration> = {}): SipRegistration {
  return {
    webSocketUrl: 'ws://127.0.0.1:5066',
    domain: 'sip.test',
    uri: 'sip:alice@sip.test',
    authorizationUser: 'alice',
    realm: 'sip.test',
    ha1: '0123456789abcdef0123456789abcdef',
    displayName: 'Alice',
    callerId: null,
    ...overrides,
  };
}

/** A stand-in microphone: tracks that remember `enabled` and whether they were stopped. */
export function fakeMicrophone(): MediaStream & { track: { enabled: boolean; stopped: boolean } } {
  const track = { kind: 'audio', enabled: true, stopped: false, stop() { track.stopped = true; } };
  const stream = { track, getTracks: () => [track], getAudioTracks: () => [track] };
  return stream as unknown as MediaStream & { track: typeof track };
}
