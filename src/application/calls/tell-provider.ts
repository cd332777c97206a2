import type { CallDeps } from './call-deps';

/**
 * Runs a provider command after the call's new state is committed. A failure is logged and
 * reported as false, never thrown: the app's record is the truth for the agents, and the
 * provider's own status updates reconcile a leg that really is still up (or already gone).
 */
export async function tellProvider(
  deps: Pick<CallDeps, 'logger'>,
  context: { readonly callId: string; readonly action: 'answer' | 'reject' | 'hang_up' },
  command: () => Promise<void>,
): Promise<boolean> {
  try {
    await command();
    return true;
  } catch (error) {
    deps.logger.warn({ ...context, err: error }, 'telephony provider command failed');
    return false;
  }
}
