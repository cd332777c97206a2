/** The Dialer's status line and running timer, as pure functions of a call and the clock. */
import type { CallOutcome, CallView } from './call-types';

/** "mm:ss" (minutes keep counting past 59: calls rarely last hours and the box stays narrow). */
export function formatDuration(totalSeconds: number): string {
  const seconds = Number.isFinite(totalSeconds) && totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Talk time: running from `answeredAt` while connected, the server's total once ended. */
export function talkSeconds(call: CallView, now: number): number {
  if (call.answeredAt === null) return 0;
  if (call.state === 'connected') return Math.max(0, Math.floor((now - call.answeredAt) / 1000));
  if (call.durationSeconds > 0) return call.durationSeconds;
  return call.endedAt === null ? 0 : Math.max(0, Math.floor((call.endedAt - call.answeredAt) / 1000));
}

const OUTCOME_TEXT: Record<CallOutcome, string | null> = {
  completed: null,
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  no_answer: 'No answer',
  busy: 'Busy',
  failed: 'Call failed',
  wrong_number: 'Wrong number',
  declined: 'Declined',
};

export function outcomeText(outcome: CallOutcome | null): string | null {
  return outcome === null ? null : OUTCOME_TEXT[outcome];
}

/** "Calling…", "Incoming call", "Connected", "Call ended" (with why, when it did not connect). */
export function callStatusText(call: CallView | null): string {
  if (!call) return 'Calling…';
  switch (call.state) {
    case 'ringing':
      return call.direction === 'outbound' ? 'Calling…' : 'Incoming call';
    case 'connected':
      return 'Connected';
    case 'ended':
    case 'wrapped_up': {
      const why = outcomeText(call.outcome);
      return why ? `Call ended · ${why}` : 'Call ended';
    }
  }
}
