/**
 * The softphone engine: one SIP call at a time in this window, its media (microphone, remote
 * stream, mute, hold, DTMF, transfer) and what it tells the server about the SIP side. The
 * server keeps the call record; the agent's own answer / reject / hang-up go through the calls
 * routes as for every provider, so the engine reports only what the far end does.
 */
import { aliveReport, watchCallQuality, type CallQualityWatch } from './call-quality-watch';
import { MicrophoneError, type MicrophoneProblem } from './microphone';
import { createSipRegistration } from './sip-registration';
import { sipTargetUri } from './sip-target';
import { failureReport } from './softphone-server';
import type { CallEventReport, PhoneCall, Softphone, SoftphoneServer, SoftphoneState } from './softphone-types';
import type { CreateSipUserAgent, IncomingSipCall, SipSession, SipSessionEvent, SipUserAgentEvent } from './sip-user-agent';

export const ALIVE_INTERVAL_MS = 10_000;
const DTMF_KEY = /^[0-9*#]$/;
/**
 * A call that finds this agent busy is still reported, so the server logs it as a missed call
 * (badge, call-back, History) as for every provider; but later, so that in a ring group the windows
 * of free agents report it first and it rings them (a busy agent's report then changes nothing).
 */
export const BUSY_REPORT_DELAY_MS = 2_000;
/** How long an answer waits for the server to name an INVITE that is still being reported. */
const LINK_WAIT_MS = 5_000;

export interface SoftphoneDeps {
  server: SoftphoneServer;
  createUserAgent: CreateSipUserAgent;
  openMicrophone(): Promise<MediaStream>;
  refusesIncoming?: () => boolean;
}

interface ActiveCall {
  session: SipSession;
  view: PhoneCall;
  microphone: MediaStream | null;
  /** The incoming report's answer (our call id), while it is pending. */
  link: Promise<string | null> | null;
  /** Reports made before the call had our id (an outbound INVITE leaves before the server answers). */
  unsent: CallEventReport[];
  /** The server knows already (our own hang-up, answered elsewhere): report nothing more. */
  quiet: boolean;
  reportedRinging: boolean;
  alive: ReturnType<typeof setInterval> | null;
  quality: CallQualityWatch;
}

const NEW_CALL = { muted: false, held: false, transfer: { status: 'idle' }, remoteStream: null, quality: null } as const;

export function createSoftphone(deps: SoftphoneDeps): Softphone {
  let state: SoftphoneState = { registration: { status: 'idle' }, call: null, microphone: null };
  const listeners = new Set<() => void>();
  let active: ActiveCall | null = null;
  let prepared: MediaStream | null = null;
  /** What `dial` started and the server has not named yet: the call, or why it could not start. */
  let unlinked: { call: ActiveCall } | { failure: string } | null = null;
  let restartAfterCall = false;
  /** Calls dropped before their INVITE was linked (stop-ringing can beat the incoming report). */
  const dropped = new Set<string>();

  function setState(patch: Partial<SoftphoneState>) {
    state = { ...state, ...patch };
    listeners.forEach((listener) => listener());
  }
  function setCall(call: ActiveCall, patch: Partial<PhoneCall>) {
    call.view = { ...call.view, ...patch };
    if (active === call) setState({ call: call.view });
  }
  function report(call: ActiveCall, event: CallEventReport) {
    const callId = call.view.callId;
    if (call.quiet) return;
    if (callId === null) return void call.unsent.push(event);
    // A lost report is covered by the server's 30 s silence rule; nothing to retry here.
    deps.server.report(callId, event).catch(() => {});
  }

  const registration = createSipRegistration({
    server: deps.server,
    createUserAgent: deps.createUserAgent,
    onState: (registrationState) => setState({ registration: registrationState }),
    onUserAgentEvent: (event: SipUserAgentEvent) => {
      if (event.type === 'incoming') onIncoming(event.session, event.call);
    },
  });

  async function withMicrophone(): Promise<MediaStream> {
    try {
      const stream = await deps.openMicrophone();
      if (state.microphone) setState({ microphone: null });
      return stream;
    } catch (error) {
      const problem: MicrophoneProblem = error instanceof MicrophoneError ? error.problem : { kind: 'unknown', advice: String(error) };
      setState({ microphone: problem });
      throw error instanceof MicrophoneError ? error : new MicrophoneError(problem);
    }
  }

  function startAlive(call: ActiveCall) {
    if (call.alive === null) call.alive = setInterval(() => report(call, aliveReport(call.quality)), ALIVE_INTERVAL_MS);
  }

  function finish(call: ActiveCall) {
    if (call.alive !== null) clearInterval(call.alive);
    call.quality.stop();
    call.alive = null;
    call.microphone?.getTracks().forEach((track) => track.stop());
    call.view = { ...call.view, phase: 'ended' };
    if (active !== call) return;
    active = null;
    setState({ call: null });
    if (restartAfterCall) {
      restartAfterCall = false;
      registration.start();
    }
  }

  function onSessionEvent(call: ActiveCall, event: SipSessionEvent) {
    switch (event.type) {
      case 'progress':
        if (call.view.direction === 'outbound' && !call.reportedRinging) report(call, { type: 'ringing' });
        call.reportedRinging = true;
        return;
      case 'accepted':
        setCall(call, { phase: 'live' });
        if (call.view.direction === 'outbound') report(call, { type: 'answered', sipCallId: event.sipCallId });
        return startAlive(call);
      case 'remote-stream':
        return setCall(call, { remoteStream: event.stream });
      case 'failed':
        if (event.by !== 'local') report(call, failureReport(call.view.direction, event));
        return finish(call);
      case 'ended':
        if (event.by !== 'local') report(call, { type: 'remote_ended' });
        return finish(call);
    }
  }

  function track(session: SipSession, view: PhoneCall, microphone: MediaStream | null): ActiveCall {
    const call: ActiveCall = { session, view, microphone, link: null, unsent: [], quiet: false, reportedRinging: false, alive: null, quality: watchCallQuality(session, (quality) => setCall(call, { quality })) };
    active = call;
    session.onEvent((event) => onSessionEvent(call, event));
    setState({ call: view });
    return call;
  }

  function onIncoming(session: SipSession, incoming: IncomingSipCall) {
    // One call at a time (and none on Do not disturb, do-not-disturb.ts): "busy here", the PBX tries elsewhere.
    if (active || deps.refusesIncoming?.()) {
      session.terminate(486);
      setTimeout(() => void deps.server.incoming(incoming).catch(() => {}), BUSY_REPORT_DELAY_MS);
      return;
    }
    const call = track(session, { callId: null, direction: 'inbound', phase: 'ringing', ...NEW_CALL }, null);
    call.link = deps.server.incoming(incoming).then(
      (callId) => {
        call.link = null;
        if (call.view.phase === 'ended') return null;
        setCall(call, { callId });
        if (dropped.delete(callId)) quietlyEnd(call);
        return callId;
      },
      () => {
        // The server would not take it (another provider, not our call): let the PBX move on.
        call.link = null;
        quietlyEnd(call, 480);
        return null;
      },
    );
  }

  async function find(callId: string): Promise<ActiveCall | null> {
    const call = active;
    if (!call) return null;
    if (call.view.callId === callId) return call;
    if (call.link === null) return null;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), LINK_WAIT_MS));
    const linked = await Promise.race([call.link, timeout]);
    return linked === callId ? call : null;
  }

  function findNow(callId: string): ActiveCall | null {
    return active !== null && active.view.callId === callId ? active : null;
  }

  function quietlyEnd(call: ActiveCall, sipStatus?: number) {
    call.quiet = true;
    call.session.terminate(sipStatus);
    finish(call);
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    register() {
      if (active) restartAfterCall = true;
      else registration.start();
    },
    stop() {
      if (active) quietlyEnd(active);
      registration.stop();
    },
    async prepare() {
      prepared?.getTracks().forEach((t) => t.stop());
      prepared = await withMicrophone();
    },
    dial(number) {
      const current = registration.current();
      const microphone = prepared;
      prepared = null;
      if (!current || !microphone) {
        unlinked = { failure: 'The phone is not registered' };
        return microphone?.getTracks().forEach((t) => t.stop());
      }
      try {
        const session = current.userAgent.call(sipTargetUri(number, current.registration.domain), microphone);
        const call = track(session, { callId: null, direction: 'outbound', phase: 'ringing', ...NEW_CALL }, microphone);
        unlinked = { call };
        startAlive(call);
      } catch (error) {
        // JsSIP throws when its socket is down rather than failing the session.
        unlinked = { failure: error instanceof Error ? error.message : 'The phone could not call' };
        microphone.getTracks().forEach((t) => t.stop());
      }
    },
    linkDial(callId) {
      const started = unlinked;
      unlinked = null;
      // A call that could not start is reported failed, so the server ends it (not left ringing).
      if (started !== null && 'failure' in started) return void deps.server.report(callId, { type: 'failed', sipStatus: 503, reason: started.failure }).catch(() => {});
      const call = started?.call;
      if (!call) return;
      setCall(call, { callId });
      for (const event of call.unsent.splice(0)) report(call, event);
    },
    abandonDial() {
      prepared?.getTracks().forEach((t) => t.stop());
      prepared = null;
      const started = unlinked;
      unlinked = null;
      if (started !== null && 'call' in started) quietlyEnd(started.call);
    },
    async answer(callId) {
      const call = await find(callId);
      if (!call || call.view.phase !== 'ringing') return false;
      const microphone = await withMicrophone();
      call.microphone = microphone;
      call.session.answer(microphone);
      startAlive(call);
      return true;
    },
    reject(callId) {
      const call = findNow(callId);
      if (call) quietlyEnd(call, 603);
    },
    hangUp(callId) {
      const call = findNow(callId);
      if (call) quietlyEnd(call);
    },
    drop(callId) {
      const call = findNow(callId);
      if (call) quietlyEnd(call);
      else if (active?.link) dropped.add(callId);
    },
    setMuted(muted) {
      const call = active;
      if (!call?.microphone) return;
      call.microphone.getAudioTracks().forEach((t) => (t.enabled = !muted));
      setCall(call, { muted });
    },
    setHeld(held) {
      const call = active;
      if (!call || call.view.phase !== 'live') return;
      const sent = held ? call.session.hold() : call.session.unhold();
      if (sent) setCall(call, { held });
      if (sent) call.quality.setPaused(held);
    },
    sendDtmf(key) {
      const call = active;
      if (!call || call.view.phase !== 'live' || !DTMF_KEY.test(key)) return;
      call.session.sendDtmf(key, call.session.canSendRtpDtmf() ? 'rtp' : 'info');
    },
    async transfer(number) {
      const call = active;
      const current = registration.current();
      if (!call || !current || call.view.phase !== 'live') throw new Error('No call to transfer.');
      setCall(call, { transfer: { status: 'sending', number } });
      try {
        await call.session.refer(sipTargetUri(number, current.registration.domain));
      } catch (error) {
        setCall(call, { transfer: { status: 'failed', message: `Transfer failed: ${error instanceof Error ? error.message : 'refused'}.` } });
        throw error;
      }
    },
    clearMicrophoneProblem: () => setState({ microphone: null }),
  };
}
