import type {
  CallUpdateListener,
  PlaceCallRequest,
  ProviderCallUpdate,
  TelephonyProvider,
} from '@/application/ports/telephony-provider.port';

export type FakeTelephonyCommand =
  | { readonly type: 'place'; readonly request: PlaceCallRequest }
  | { readonly type: 'hang_up' | 'reject'; readonly providerCallId: string }
  | { readonly type: 'answer'; readonly providerCallId: string; readonly userId: number };

/**
 * For use-case tests: records commands, places calls instantly, and sends updates only when the
 * test calls `emit`. (The mock provider with timers lives in adapters/telephony.)
 */
export class FakeTelephonyProvider implements TelephonyProvider {
  readonly name = 'fake';
  readonly commands: FakeTelephonyCommand[] = [];
  private readonly listeners = new Set<CallUpdateListener>();
  private sequence = 0;
  private nextFailure: Error | undefined;

  /** The next `placeCall` rejects with `error`. */
  failNextPlaceCall(error: Error): void {
    this.nextFailure = error;
  }

  async placeCall(request: PlaceCallRequest): Promise<{ providerCallId: string }> {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    if (failure !== undefined) throw failure;
    this.commands.push({ type: 'place', request });
    this.sequence += 1;
    return { providerCallId: `fake-${this.sequence}` };
  }

  async hangUp(providerCallId: string): Promise<void> {
    this.commands.push({ type: 'hang_up', providerCallId });
  }

  async answer(providerCallId: string, agent: { companyId: number; userId: number }): Promise<void> {
    this.commands.push({ type: 'answer', providerCallId, userId: agent.userId });
  }

  async reject(providerCallId: string): Promise<void> {
    this.commands.push({ type: 'reject', providerCallId });
  }

  onCallUpdate(listener: CallUpdateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(update: ProviderCallUpdate): void {
    for (const listener of this.listeners) listener(update);
  }
}
