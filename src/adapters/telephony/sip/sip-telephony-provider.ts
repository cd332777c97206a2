import type { CallHeartbeats } from '@/application/ports/call-heartbeats.port';
import { TelephonyError } from '@/application/ports/telephony-error';
import type { Clock } from '@/application/ports/clock.port';
import type { PlaceCallRequest, TelephonyProvider } from '@/application/ports/telephony-provider.port';
import type { SipAccountStore } from '@/adapters/db/sip-account-store';

/** Our call's SIP id until the window reports the dialog's Call-ID. */
export const sipPendingCallId = (callId: string) => `sip-pending:${callId}`;
/** A SIP call's provider id: the dialog's Call-ID, the same in every window a ring group reaches. */
export const sipProviderCallId = (sipCallId: string) => `sip:${sipCallId}`;

/**
 * The server half of SIP calls. The browser's user agent sends and receives the INVITEs and owns
 * the media, so there is nothing to tell a provider: placing a call only registers it for the
 * window's reports (and the vanished-window sweep), answer/reject/hang-up happen in the window.
 */
export class SipTelephonyProvider implements TelephonyProvider {
  readonly name = 'sip';
  readonly dialsAsTyped = true;

  constructor(
    private readonly deps: {
      readonly accounts: SipAccountStore;
      readonly heartbeats: CallHeartbeats;
      readonly clock: Clock;
      /** Whether the company has a SIP WebSocket URL and domain (else no window can dial). */
      readonly isServerConfigured: (companyId: number) => Promise<boolean>;
    },
  ) {}

  /**
   * Refuses at once what no window could dial (no SIP server, no account for the agent), so the
   * agent sees the failure instead of a call that vanishes 30 s later.
   */
  async placeCall(request: PlaceCallRequest): Promise<{ providerCallId: string; callerId?: string }> {
    const [account, isConfigured] = await Promise.all([
      this.deps.accounts.find({ companyId: request.companyId, userId: request.agentUserId }),
      this.deps.isServerConfigured(request.companyId),
    ]);
    if (!isConfigured) throw new TelephonyError({ kind: 'validation', message: 'the company has no SIP server configured', retryable: false });
    if (account === undefined) throw new TelephonyError({ kind: 'validation', message: 'the agent has no SIP account', retryable: false });
    await this.deps.heartbeats.heard({ companyId: request.companyId, callId: request.callId }, this.deps.clock.now());
    const callerId = account.callerId ?? undefined;
    return { providerCallId: sipPendingCallId(request.callId), ...(callerId === undefined ? {} : { callerId }) };
  }

  async hangUp(): Promise<void> {}
  async answer(): Promise<void> {}
  async reject(): Promise<void> {}

  onCallUpdate(): () => void {
    // Updates come from the windows' reports (`POST /api/telephony/sip/calls/<id>/events`).
    return () => undefined;
  }
}
