/**
 * Calls missed while the agent is on a call. The server does not ring a busy agent (the call is
 * missed at once and only the unseen count rises), and the home tabs with their badge are hidden
 * during a call: this count is what tells the agent, inside the call screen.
 */
export interface MissedDuringCall {
  /** The unseen count when the call began; null: not on a call, or the count is not known yet. */
  baseline: number | null;
}

export const NOT_ON_CALL: MissedDuringCall = { baseline: null };

export function trackMissedDuringCall(tracked: MissedDuringCall, onCall: boolean, unseenCount: number | null): MissedDuringCall {
  if (!onCall) return tracked.baseline === null ? tracked : NOT_ON_CALL;
  if (tracked.baseline !== null || unseenCount === null) return tracked;
  return { baseline: unseenCount };
}

export function missedDuringCallCount(tracked: MissedDuringCall, unseenCount: number | null): number {
  if (tracked.baseline === null || unseenCount === null) return 0;
  return Math.max(0, unseenCount - tracked.baseline);
}

export function missedDuringCallText(count: number): string | null {
  if (count === 0) return null;
  const calls = count === 1 ? 'Another call was' : `${count} other calls were`;
  return `${calls} missed during this call: see Missed calls after it.`;
}
