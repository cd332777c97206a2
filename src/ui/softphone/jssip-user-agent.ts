/**
 * `SipUserAgent` over JsSIP, the only file that imports it.
 *
 * Why JsSIP (over SIP.js): about half the size once bundled and no transitive dependencies
 * besides `debug`/`events`; it authenticates with a precomputed `ha1` + `realm` (so the server
 * never hands the clear password to the browser); it sends RFC 4733 DTMF through the audio
 * sender's RTCDTMFSender and SIP INFO when that is missing; it does hold/resume by re-INVITE and
 * blind transfer by REFER out of the box. It loads only in windows whose company uses `sip`.
 */
import { UA, WebSocketInterface } from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { CallOptions, RTCSessionEvent } from 'jssip/lib/UA';
import type { SipRegistration, SipSession, SipSessionEvent, SipUserAgent, SipUserAgentEvent } from './sip-user-agent';

// The transport reopens a dropped WebSocket after 2 s, backing off to 30 s.
const RECONNECT_MIN_SECONDS = 2;
const RECONNECT_MAX_SECONDS = 30;
const AUDIO_ONLY = { audio: true, video: false } as const;
/**
 * JsSIP sends an offer or answer only once ICE gathering completes, which Chromium can take
 * hundreds of milliseconds to declare (it tries every interface). The first candidates are enough
 * for a PBX or media relay: it learns the browser's real address from the connectivity checks
 * (peer-reflexive). So the SDP leaves this long after the first candidate, with what was gathered:
 * measured here, Chromium hands out every host candidate within 2 ms of the first one.
 */
const ICE_SETTLE_MS = 20;

/** An `icecandidate` handler that lets JsSIP send its SDP ICE_SETTLE_MS after the first candidate. */
function settleIceGathering(): (event: { ready: () => void }) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return ({ ready }) => {
    timer ??= setTimeout(ready, ICE_SETTLE_MS);
  };
}

/** JsSIP's messages carry `call_id` at run time; its typings leave it out of incoming ones. */
function callIdOf(message: unknown): string {
  const callId = (message as { call_id?: unknown } | null)?.call_id;
  return typeof callId === 'string' ? callId : '';
}

function statusOf(message: unknown): number | null {
  const status = (message as { status_code?: unknown } | null)?.status_code;
  return typeof status === 'number' ? status : null;
}

function originator(value: unknown): 'local' | 'remote' | 'system' {
  return value === 'local' || value === 'remote' ? value : 'system';
}

function audioSender(session: RTCSession): RTCRtpSender | null {
  const connection = session.connection as RTCPeerConnection | undefined;
  return connection?.getSenders().find((sender) => sender.track?.kind === 'audio') ?? null;
}

/** Remote audio arrives as tracks on the peer connection, which JsSIP creates when it needs one. */
function forwardRemoteStreams(session: RTCSession, emit: (event: SipSessionEvent) => void) {
  const watch = (connection: RTCPeerConnection) =>
    connection.addEventListener('track', (event) => emit({ type: 'remote-stream', stream: event.streams[0] ?? new MediaStream([event.track]) }));
  if (session.connection) watch(session.connection);
  else session.on('peerconnection', ({ peerconnection }) => watch(peerconnection));
}

function wrapSession(session: RTCSession, outgoingCallId: () => string): SipSession {
  const listeners = new Set<(event: SipSessionEvent) => void>();
  const emit = (event: SipSessionEvent) => listeners.forEach((listener) => listener(event));
  session.on('progress', () => emit({ type: 'progress' }));
  session.on('accepted', (event: { response?: unknown }) => emit({ type: 'accepted', sipCallId: callIdOf(event.response) || outgoingCallId() }));
  session.on('failed', (event) => emit({ type: 'failed', by: originator(event.originator), sipStatus: statusOf(event.message), cause: event.cause }));
  session.on('ended', (event) => emit({ type: 'ended', by: originator(event.originator) }));
  forwardRemoteStreams(session, emit);

  return {
    onEvent: (listener) => void listeners.add(listener),
    answer(microphone) {
      session.on('icecandidate', settleIceGathering());
      session.answer({ mediaStream: microphone, mediaConstraints: AUDIO_ONLY });
    },
    terminate(sipStatus) {
      if (session.isEnded()) return;
      session.terminate(sipStatus === undefined ? {} : { status_code: sipStatus });
    },
    hold: () => session.hold(),
    unhold: () => session.unhold(),
    canSendRtpDtmf: () => audioSender(session)?.dtmf?.canInsertDTMF === true,
    sendDtmf(tone, transport) {
      session.sendDTMF(tone, { transportType: (transport === 'rtp' ? 'RFC2833' : 'INFO') as never, duration: 160, interToneGap: 80 });
    },
    refer: (targetUri) =>
      new Promise<void>((resolve, reject) => {
        session.refer(targetUri, {
          eventHandlers: {
            requestSucceeded: () => resolve(),
            requestFailed: (event: { cause?: string }) => reject(new Error(event.cause ?? 'REFER refused')),
          },
        });
      }),
    getStats: async () => {
      const connection = session.connection as RTCPeerConnection | undefined;
      return connection ? connection.getStats() : null;
    },
  };
}

export function createJsSipUserAgent(registration: SipRegistration): SipUserAgent {
  const ua = new UA({
    sockets: [new WebSocketInterface(registration.webSocketUrl)],
    uri: registration.uri,
    authorization_user: registration.authorizationUser,
    realm: registration.realm,
    ha1: registration.ha1,
    display_name: registration.displayName ?? undefined,
    // The engine registers itself on every (re)connection, so it can stop after a refusal.
    register: false,
    connection_recovery_min_interval: RECONNECT_MIN_SECONDS,
    connection_recovery_max_interval: RECONNECT_MAX_SECONDS,
    session_timers: false,
  });
  const listeners = new Set<(event: SipUserAgentEvent) => void>();
  const emit = (event: SipUserAgentEvent) => listeners.forEach((listener) => listener(event));
  ua.on('connected', () => emit({ type: 'connected' }));
  ua.on('disconnected', () => emit({ type: 'disconnected' }));
  ua.on('registered', () => emit({ type: 'registered' }));
  ua.on('registrationFailed', (event: { response?: unknown; cause?: unknown }) => emit({ type: 'registration-failed', sipStatus: statusOf(event.response), cause: String(event.cause ?? 'unknown') }));
  ua.on('newRTCSession', (event: RTCSessionEvent) => {
    if (event.originator !== 'remote') return;
    const { request, session } = event;
    const from = request.from.uri;
    emit({
      type: 'incoming',
      session: wrapSession(session, () => callIdOf(request)),
      call: { sipCallId: callIdOf(request), from: from.user ?? from.toString(), to: request.to.uri.user ?? request.to.uri.toString(), displayName: request.from.display_name || null },
    });
  });

  return {
    onEvent: (listener) => void listeners.add(listener),
    start: () => ua.start(),
    register: () => ua.register(),
    stop: () => ua.stop(),
    call(uri, microphone) {
      let sipCallId = '';
      const options: CallOptions = {
        mediaStream: microphone,
        mediaConstraints: AUDIO_ONLY,
        eventHandlers: { sending: (event) => (sipCallId = callIdOf(event.request)), icecandidate: settleIceGathering() },
      };
      return wrapSession(ua.call(uri, options), () => sipCallId);
    },
  };
}
