/**
 * What the wrap-up put in Pipedrive, item by item, in words an agent checks at a glance ("Call log,
 * 00:42 talk time", "Notes on deal Website redesign") and where to open each one.
 */
import { matchOf, type ContactChoice } from './call-context';
import { formatDuration } from './call-timer';
import type { CallView, WrapUpRequest } from './call-types';
import { followUpDealId, followUpPersonId, followUpWho, type PipedriveTarget } from './follow-up-model';

export interface SavedItem {
  /** What was saved, e.g. "Notes on deal". */
  text: string;
  /** The record it is on or is, named, e.g. "Website redesign"; null: nothing to name. */
  subject: string | null;
  /** Where the subject opens in Pipedrive; null: no page of its own. */
  link: PipedriveTarget | null;
}

function dealTitle(call: CallView, dealId: number, personId: number | null): string {
  const deals = call.caller.matches.flatMap((match) => match.openDeals);
  const deal = matchOf(call, personId)?.openDeals.find((d) => d.id === dealId) ?? deals.find((d) => d.id === dealId);
  return deal?.title.trim() || `Deal ${dealId}`;
}

/** The server names each delivered write (src/application/outbox/wrap-up-delivery-status.ts ITEM_LABELS). */
export function savedItems(items: readonly string[], call: CallView, sent: WrapUpRequest | null, choice: ContactChoice): SavedItem[] {
  const personId = followUpPersonId(call, sent, choice);
  const dealId = followUpDealId(call, sent);
  const person: PipedriveTarget | null = personId === null ? null : { view: 'contacts', id: personId };
  const who = followUpWho(call, sent, choice);
  return items
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item): SavedItem => {
      switch (item) {
        case 'call log': {
          const talk = call.answeredAt === null ? 'not answered' : `${formatDuration(call.durationSeconds)} talk time`;
          return { text: `Call log (${talk}) with`, subject: who, link: person ?? (dealId === null ? null : { view: 'deals', id: dealId }) };
        }
        case 'note on deal':
          return dealId === null
            ? { text: 'Notes on the deal', subject: null, link: null }
            : { text: 'Notes on deal', subject: dealTitle(call, dealId, personId), link: { view: 'deals', id: dealId } };
        case 'note on contact':
          return { text: 'Notes on', subject: who, link: person };
        case 'new contact':
          return { text: 'New contact', subject: who, link: person };
        case 'call-back activity':
          return { text: 'Call-back activity for', subject: who, link: person };
        default:
          return { text: item.charAt(0).toUpperCase() + item.slice(1), subject: null, link: null };
      }
    });
}
