/**
 * The softphone as the window sees it: its state and what the agent can do with it. Types only,
 * so the window's main bundle can name them without loading JsSIP (which the lazy `softphone-layer.tsx`
 * fetches on demand).
 */
import type { CallQuality } from '@/contract/call-quality';
import type { QualityWarning } from './call-quality';
import type { MicrophoneProblem } from './microphone';
import type { IncomingSipCall, SipRegistration } from './sip-user-agent';
import type { CallPhone } from '@/ui/calls/call-phone';

export type RegistrationState =
  | { status: 'idle' }
  | { status: 'connecting' }
  | { status: 'registered' }
  /** The SIP server refused the username or password: nothing retries until the account changes. */
  | { status: 'refused'; message: string }
  /** Server or network unreachable: it retries by itself. */
  | { status: 'unreachable'; message: string }
  /** No SIP account saved, or the company's SIP server is not set up: nothing to retry. */
  | { status: 'unavailable'; message: string };

export type PhoneCallPhase = 'ringing' | 'live' | 'ended';
export type TransferState = { status: 'idle' } | { status: 'sending'; number: string } | { status: 'failed'; message: string };

export interface PhoneCall {
  /** Our call id; null while an incoming INVITE is being reported to the server. */
  callId: string | null;
  direction: 'inbound' | 'outbound';
  phase: PhoneCallPhase;
  muted: boolean;
  held: boolean;
  transfer: TransferState;
  remoteStream: MediaStream | null;
  /** Poor call quality, while it lasts (`call-quality.ts`); null when the call sounds fine. */
  quality: QualityWarning | null;
}

export interface SoftphoneState {
  registration: RegistrationState;
  call: PhoneCall | null;
  microphone: MicrophoneProblem | null;
}

export type CallEventReport =
  | { type: 'ringing' }
  | { type: 'answered'; sipCallId: string }
  | { type: 'failed'; sipStatus: number; reason?: string }
  | { type: 'remote_ended' }
  /** Every 10 s while a call is on, with the latest quality sample once one was measured. */
  | { type: 'alive'; quality?: CallQuality };

/** The server routes the softphone reports to (docs/REAL-CALLS.md). */
export interface SoftphoneServer {
  registration(): Promise<SipRegistration>;
  report(callId: string, event: CallEventReport): Promise<void>;
  /** Resolves with our call id for this INVITE. */
  incoming(call: IncomingSipCall): Promise<string>;
}

/** What the in-call controls ask of the softphone, beyond what the call flow does (`CallPhone`). */
export interface Softphone extends CallPhone {
  getState(): SoftphoneState;
  subscribe(listener: () => void): () => void;
  /** (Re)registers with the current account: on start and after "Save SIP account". */
  register(): void;
  stop(): void;
  setMuted(muted: boolean): void;
  setHeld(held: boolean): void;
  sendDtmf(key: string): void;
  /** Blind transfer (REFER) to a number; resolves once the far end accepted it. */
  transfer(number: string): Promise<void>;
  clearMicrophoneProblem(): void;
}
