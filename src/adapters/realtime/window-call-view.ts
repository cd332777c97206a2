import type { CallView } from '@/application/ports/call-view';
import type { CallerInfo } from '@/application/ports/caller-info';
import type { WindowCallView, WrapUpView } from '@/contract/call-view.schema';

/**
 * The presenter between the application's `CallView` and the window's contract
 * (docs/CALLS-API.md), shared by the REST routes and the socket pushes so both say the same.
 * `wrapUp` comes from the outbox: null while the call was never wrapped up nor logged.
 */
export function toWindowCallView(view: CallView, wrapUp: WrapUpView | null): WindowCallView {
  return {
    id: view.id,
    direction: view.direction,
    // idle is our "being dialled / being routed": the window shows it as ringing.
    state: view.state === 'idle' ? 'ringing' : view.state,
    outcome: view.outcome,
    remoteNumber: view.remoteNumber,
    createdAt: view.timestamps.createdAt,
    answeredAt: view.timestamps.answeredAt ?? null,
    endedAt: view.timestamps.endedAt ?? null,
    durationSeconds: view.durationSeconds,
    caller: toCallerLookup(view),
    personId: view.personId,
    dealId: view.dealId,
    newContactName: view.newContactName,
    wrapUp,
  };
}

function toCallerLookup(view: CallView): WindowCallView['caller'] {
  const caller: CallerInfo | null = view.caller;
  if (caller === null) return { number: { e164: asE164(view.remoteNumber), display: view.remoteNumber }, matches: [], remembered: null };
  return {
    number: { e164: asE164(caller.number), display: caller.nationalNumber ?? caller.number },
    matches: caller.matches.map((match) => ({
      person: {
        id: match.person.id,
        name: match.person.name,
        pictureUrl: match.person.pictureUrl,
        organizationName: match.person.organizationName,
      },
      matchedPhone: { value: match.matchedPhone.value, label: match.matchedPhone.label ?? null },
      quality: match.quality,
      openDeals: match.openDeals.map((deal) => ({ id: deal.id, title: deal.title, value: deal.value, currency: deal.currency })),
      openDealsLoaded: match.openDealsLoaded !== false,
    })),
    remembered: caller.remembered === null ? null : { personId: caller.remembered.personId, dealId: caller.remembered.dealId ?? null },
  };
}

function asE164(number: string): string | null {
  return /^\+\d{6,15}$/.test(number) ? number : null;
}
