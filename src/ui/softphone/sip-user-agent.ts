/**
 * The slice of a SIP user agent the softphone uses. The engine (`softphone.ts`) and its tests
 * speak only this; `jssip-user-agent.ts` is the one file that knows JsSIP, and
 * `testing/fake-sip-user-agent.ts` stands in for it in unit tests.
 */

/** What `GET /api/telephony/sip/registration` answers: enough to register, never the password. */
export interface SipRegistration {
  webSocketUrl: string;
  domain: string;
  uri: string;
  authorizationUser: string;
  realm: string;
  /** MD5(username:realm:password): answers digest challenges without the clear password. */
  ha1: string;
  displayName: string | null;
  callerId: string | null;
}

export type SipOriginator = 'local' | 'remote' | 'system';

export type SipUserAgentEvent =
  | { type: 'connected' }
  | { type: 'disconnected' }
  | { type: 'registered' }
  /** `sipStatus` null: no response at all (timeout, transport error). */
  | { type: 'registration-failed'; sipStatus: number | null; cause: string }
  | { type: 'incoming'; session: SipSession; call: IncomingSipCall };

export interface IncomingSipCall {
  sipCallId: string;
  /** The caller's user part (their number), else their whole URI. */
  from: string;
  to: string;
  displayName: string | null;
}

export type SipSessionEvent =
  /** 180/183 to our INVITE. */
  | { type: 'progress' }
  /** The call is up (2xx to our INVITE, or our answer). */
  | { type: 'accepted'; sipCallId: string }
  /** Ended before it was up: a final non-2xx, our CANCEL, the caller's CANCEL. */
  | { type: 'failed'; by: SipOriginator; sipStatus: number | null; cause: string }
  /** Ended after it was up (BYE). */
  | { type: 'ended'; by: SipOriginator }
  | { type: 'remote-stream'; stream: MediaStream };

export type DtmfTransport = 'rtp' | 'info';

export interface SipSession {
  onEvent(listener: (event: SipSessionEvent) => void): void;
  answer(microphone: MediaStream): void;
  /** Ends it whatever its state: CANCEL, a final response (`sipStatus`, default 480) or BYE. */
  terminate(sipStatus?: number): void;
  /** re-INVITE (sendonly / back to sendrecv); false when the session cannot re-offer now. */
  hold(): boolean;
  unhold(): boolean;
  /** True when the audio sender can insert RFC 4733 telephone-events. */
  canSendRtpDtmf(): boolean;
  sendDtmf(tone: string, transport: DtmfTransport): void;
  /** Blind transfer; resolves once the far end accepted the REFER (202). */
  refer(targetUri: string): Promise<void>;
  /** The media's WebRTC stats (call quality); null while there is no peer connection. */
  getStats(): Promise<RTCStatsReport | null>;
}

export interface SipUserAgent {
  onEvent(listener: (event: SipUserAgentEvent) => void): void;
  /** Opens the WebSocket (and reopens it with backoff after it drops, until `stop`). */
  start(): void;
  register(): void;
  stop(): void;
  /** Sends an INVITE to `uri` with this microphone. */
  call(uri: string, microphone: MediaStream): SipSession;
}

export type CreateSipUserAgent = (registration: SipRegistration) => SipUserAgent;
