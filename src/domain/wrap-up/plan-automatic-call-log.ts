import type { Call } from '@/domain/call/call.types';
import type { Result } from '@/domain/errors';
import { callbackActivityWrites } from './callback-activity';
import { resolveWrapUpTarget } from './wrap-up-target';
import { callLogWrite } from './wrap-up-writes';
import type { PipedriveWrite, WrapUpContext, WrapUpError, WrapUpSettings } from './wrap-up.types';

export interface PlanAutomaticCallLogInput {
  readonly call: Call;
  readonly context?: WrapUpContext;
  readonly settings: WrapUpSettings;
}

export type PlanAutomaticCallLogResult = Result<{ readonly writes: PipedriveWrite[] }, WrapUpError>;

/**
 * The log the server writes by itself when no wrap-up came in time: what the server knows (the
 * person and deal already linked to the call, times, outcome), no notes. Its call-log key is the
 * wrap-up's, so it can never be written in addition to an agent's log.
 */
export function planAutomaticCallLog(input: PlanAutomaticCallLogInput): PlanAutomaticCallLogResult {
  const { call, settings } = input;
  if (call.state !== 'ended' && call.state !== 'wrapped_up') {
    return { ok: false, error: { code: 'WRAP_UP_CALL_NOT_ENDED', callId: call.id } };
  }
  const target = resolveWrapUpTarget(call, { kind: 'hang_up' }, input.context ?? {});
  return {
    ok: true,
    writes: [callLogWrite(call, target, settings), ...callbackActivityWrites(call, target, settings)],
  };
}
