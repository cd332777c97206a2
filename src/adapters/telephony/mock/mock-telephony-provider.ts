import { randomUUID } from 'node:crypto';
import type {
  CallUpdateListener,
  PlaceCallRequest,
  ProviderCallStatus,
  ProviderCallUpdate,
  TelephonyProvider,
} from '@/application/ports/telephony-provider.port';
import { TelephonyError } from '@/application/ports/telephony-error';
import type { Timers } from '@/application/ports/timers.port';

/** What the simulated far end of an outbound call does. */
export type MockCalleeBehaviour = 'answer' | 'busy' | 'no_answer' | 'fail';

export interface MockTelephonyOptions {
  /** Real timers in the app, a fake clock in tests. */
  readonly timers: Timers;
  /** Until the callee's phone rings. */
  readonly ringAfterMs?: number;
  /** Until the callee answers (or turns out busy, unreachable, failing). */
  readonly connectAfterMs?: number;
  /** Default: everybody answers. */
  readonly calleeBehaviour?: (to: string) => MockCalleeBehaviour;
}

export const MOCK_RING_AFTER_MS = 100;
export const MOCK_CONNECT_AFTER_MS = 2_000;

/** The shape of `registerInboundCall` ids, whichever instance made them. */
const INBOUND_ID = /^mock-in-[0-9a-f-]{36}$/;

const OUTCOME_STATUS: Record<MockCalleeBehaviour, ProviderCallStatus> = {
  answer: 'answered',
  busy: 'busy',
  no_answer: 'no_answer',
  fail: 'failed',
};

interface MockCall {
  readonly providerCallId: string;
  readonly call?: { readonly companyId: number; readonly id: string };
  readonly direction: 'inbound' | 'outbound';
  isOver: boolean;
  timers: unknown[];
}

/** A command the app sent, for tests and the Control Center's log. */
export type MockCommand =
  | { readonly type: 'place'; readonly request: PlaceCallRequest; readonly providerCallId: string }
  | { readonly type: 'hang_up' | 'reject'; readonly providerCallId: string }
  | { readonly type: 'answer'; readonly providerCallId: string; readonly userId: number };

/**
 * The default provider: no phone network, just timers. An outbound call rings after
 * `ringAfterMs` and connects after `connectAfterMs` (about two seconds). Inbound calls come from
 * the Control Center or the webhook (`receiveInboundCall`); `registerInboundCall` gives them a
 * provider id so the simulated caller can later hang up (`simulateRemoteHangUp`).
 */
export class MockTelephonyProvider implements TelephonyProvider {
  readonly name = 'mock';
  readonly commands: MockCommand[] = [];
  private readonly listeners = new Set<CallUpdateListener>();
  private readonly calls = new Map<string, MockCall>();

  constructor(private readonly options: MockTelephonyOptions) {}

  async placeCall(request: PlaceCallRequest): Promise<{ providerCallId: string }> {
    if (!/^\+\d{6,15}$/.test(request.to)) {
      throw new TelephonyError({ kind: 'validation', message: 'mock: number is not E.164', status: 400, retryable: false });
    }
    const providerCallId = this.nextId('out');
    const mock: MockCall = {
      providerCallId,
      call: { companyId: request.companyId, id: request.callId },
      direction: 'outbound',
      isOver: false,
      timers: [],
    };
    this.calls.set(providerCallId, mock);
    this.commands.push({ type: 'place', request, providerCallId });
    const behaviour = this.options.calleeBehaviour?.(request.to) ?? 'answer';
    this.later(mock, this.options.ringAfterMs ?? MOCK_RING_AFTER_MS, 'ringing');
    this.later(mock, this.options.connectAfterMs ?? MOCK_CONNECT_AFTER_MS, OUTCOME_STATUS[behaviour], behaviour !== 'answer');
    return { providerCallId };
  }

  async hangUp(providerCallId: string): Promise<void> {
    this.commands.push({ type: 'hang_up', providerCallId });
    this.end(providerCallId);
  }

  async answer(providerCallId: string, agent: { companyId: number; userId: number }): Promise<void> {
    this.commands.push({ type: 'answer', providerCallId, userId: agent.userId });
  }

  async reject(providerCallId: string): Promise<void> {
    this.commands.push({ type: 'reject', providerCallId });
    this.end(providerCallId);
  }

  onCallUpdate(listener: CallUpdateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A provider id for an inbound call simulated by the Control Center or a webhook. */
  registerInboundCall(): string {
    const providerCallId = this.nextId('in');
    this.calls.set(providerCallId, { providerCallId, direction: 'inbound', isOver: false, timers: [] });
    return providerCallId;
  }

  /**
   * The simulated far end hangs up (during the conversation, or while it still rings). An inbound
   * call registered by another app instance is adopted: the stored call, shared by every instance,
   * decides whether the hang-up still matters, so the Control Center works on any instance.
   */
  simulateRemoteHangUp(providerCallId: string): boolean {
    const mock = this.calls.get(providerCallId) ?? this.adoptInboundCall(providerCallId);
    if (mock === undefined || mock.isOver) return false;
    this.end(providerCallId);
    this.emit(mock, 'remote_ended');
    return true;
  }

  private adoptInboundCall(providerCallId: string): MockCall | undefined {
    if (!INBOUND_ID.test(providerCallId)) return undefined;
    const mock: MockCall = { providerCallId, direction: 'inbound', isOver: false, timers: [] };
    this.calls.set(providerCallId, mock);
    return mock;
  }

  /** Stops every pending timer (server shutdown). */
  close(): void {
    for (const providerCallId of this.calls.keys()) this.end(providerCallId);
    this.listeners.clear();
  }

  private later(mock: MockCall, delayMs: number, status: ProviderCallStatus, isFinal = false): void {
    const handle = this.options.timers.setTimeout(() => {
      if (mock.isOver) return;
      if (isFinal) mock.isOver = true;
      this.emit(mock, status);
    }, delayMs);
    mock.timers.push(handle);
  }

  private end(providerCallId: string): void {
    const mock = this.calls.get(providerCallId);
    if (mock === undefined) return;
    mock.isOver = true;
    for (const handle of mock.timers) this.options.timers.clearTimeout(handle);
    mock.timers = [];
  }

  private emit(mock: MockCall, status: ProviderCallStatus): void {
    const update: ProviderCallUpdate = {
      providerCallId: mock.providerCallId,
      status,
      ...(mock.call === undefined ? {} : { call: mock.call }),
    };
    for (const listener of this.listeners) listener(update);
  }

  /** Unique across processes: calls outlive a restart, and the store keeps provider ids unique. */
  private nextId(prefix: 'in' | 'out'): string {
    return `mock-${prefix}-${randomUUID()}`;
  }
}
