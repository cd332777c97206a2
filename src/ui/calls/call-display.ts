/** Pure text for call screens and lists; names and numbers are untrusted and stay plain text. */
import { callerName, callNumber } from './call-context';
import { formatDuration, outcomeText } from './call-timer';
import type { CallerMatch, CallView, DealSummary } from './call-types';

/** "Matched on mobile +44 20 7946 0958" */
export function matchedOnText(match: CallerMatch): string | null {
  const { value, label } = match.matchedPhone;
  if (value === '') return null;
  return label ? `Matched on ${label} ${value}` : `Matched on ${value}`;
}

export function formatMoney(value: number, currency: string | null, locale?: string): string {
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
    } catch {
      // Not an ISO currency code: show it as is.
    }
  }
  const amount = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  return currency ? `${amount} ${currency}` : amount;
}

/** "Website redesign · €1,200" */
export function dealLabel(deal: DealSummary, locale?: string): string {
  const title = deal.title.trim() || `Deal ${deal.id}`;
  return deal.value === null ? title : `${title} · ${formatMoney(deal.value, deal.currency, locale)}`;
}

/** The person to show in a list row for a past call: the chosen person, else the only match. */
export function callWho(call: CallView): string {
  return callerName(call, { personId: call.personId, dealId: call.dealId }) ?? callNumber(call);
}

export function isMissedCall(call: CallView): boolean {
  return call.direction === 'inbound' && call.answeredAt === null && call.state !== 'ringing' && call.state !== 'connected';
}

/** Why an inbound call was missed, in the words the agent uses: rejected, busy, unanswered. */
export function missedReason(call: CallView): string {
  switch (call.outcome) {
    case 'rejected':
    case 'declined':
      return 'Rejected';
    case 'busy':
      return 'Busy';
    case 'cancelled':
      return 'Caller hung up';
    case 'failed':
    case 'wrong_number':
      return 'Call failed';
    default:
      return 'Unanswered';
  }
}

/** "Incoming · 02:15", "Missed · Unanswered", "Incoming · Rejected", "Outgoing · No answer" */
export function callSummary(call: CallView): string {
  if (isMissedCall(call)) return call.outcome === 'rejected' ? 'Incoming · Rejected' : `Missed · ${missedReason(call)}`;
  const direction = call.direction === 'inbound' ? 'Incoming' : 'Outgoing';
  if (call.answeredAt !== null) return `${direction} · ${formatDuration(call.durationSeconds)}`;
  const why = outcomeText(call.outcome);
  return why ? `${direction} · ${why}` : direction;
}

export interface WhenOptions {
  locale?: string;
  timeZone?: string;
}

function dayKey(at: number, options: WhenOptions): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** "Today, 14:05", "12 Mar, 14:05" before: a bare time reads as a duration in a list of calls. */
export function formatWhen(at: number, now: number, options: WhenOptions = {}): string {
  if (at <= 0) return '';
  const time = new Intl.DateTimeFormat(options.locale, { timeZone: options.timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
  if (dayKey(at, options) === dayKey(now, options)) return `Today, ${time}`;
  const day = new Intl.DateTimeFormat(options.locale, { timeZone: options.timeZone, day: 'numeric', month: 'short' }).format(at);
  return `${day}, ${time}`;
}
