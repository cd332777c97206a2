/**
 * Ordering of views of the same call. REST answers and socket events race (a POST answer can land
 * after the `call:updated` it caused), and the views carry no version, so the window keeps the
 * view that is furthest along: call state first, then wrap-up status, then timestamps.
 */
import type { CallState, CallView, WrapUpStatus } from './call-types';

const STATE_RANK: Record<CallState, number> = { ringing: 0, connected: 1, ended: 2, wrapped_up: 3 };
// `failed` ranks above `pending`: a retry re-enters `pending` only through the window's own
// optimistic step (`retry-started`), so a late `pending` answer cannot hide a failure.
const WRAP_UP_RANK: Record<WrapUpStatus, number> = { pending: 1, failed: 2, saved: 3 };

function progressOf(call: CallView): number[] {
  return [
    STATE_RANK[call.state],
    call.wrapUp ? WRAP_UP_RANK[call.wrapUp.status] : 0,
    (call.answeredAt === null ? 0 : 1) + (call.endedAt === null ? 0 : 1),
    call.durationSeconds,
  ];
}

/** > 0 when `a` is further along than `b`, 0 when they are level, < 0 when `a` is older. */
export function compareProgress(a: CallView, b: CallView): number {
  const pa = progressOf(a);
  const pb = progressOf(b);
  for (let i = 0; i < pa.length; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The view to keep: the incoming one unless it is older (a level one may carry a new contact choice). */
export function newerView(current: CallView, incoming: CallView): CallView {
  return compareProgress(incoming, current) >= 0 ? incoming : current;
}
