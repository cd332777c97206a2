import type { PhoneMatchQuality } from '@/domain/phone';
import type { CrmDeal } from './crm-directory.port';

/**
 * What we found out about the other party of a call. Stored with the call (so a reloaded window,
 * the missed-call list and the history show the same thing without asking Pipedrive again) and
 * sent to the window inside `CallView`.
 */
export interface CallerInfo {
  /**
   * matched: one or more persons have the number. no_match: Pipedrive answered, nobody has it.
   * invalid_number: the number cannot be parsed (withheld, "anonymous"), so nothing was looked up.
   * crm_unavailable: Pipedrive could not be asked (error, timeout, no connected account); the
   * call goes on as if unknown, and the UI may offer a retry.
   */
  readonly status: 'matched' | 'no_match' | 'invalid_number' | 'crm_unavailable';
  /** E.164 when it parsed, otherwise the raw text. */
  readonly number: string;
  /** National format for display, when it parsed. */
  readonly nationalNumber?: string;
  /** Every person having the number, best match first (never silently reduced to one). */
  readonly matches: readonly CallerMatch[];
  /** The person (and deal) last chosen for this number in this company, when still among matches. */
  readonly remembered: CallerChoiceRef | null;
}

export interface CallerMatch {
  readonly person: {
    readonly id: number;
    readonly name: string;
    readonly organizationName: string | null;
    /** The call log and notes are linked to it too. Absent on calls stored before it was kept. */
    readonly organizationId?: number | null;
    readonly pictureUrl: string | null;
  };
  /** The stored phone that matched: the UI shows this one, not the person's first phone. */
  readonly matchedPhone: { readonly value: string; readonly label: string | undefined };
  readonly quality: PhoneMatchQuality;
  /** Open deals of the person, for "add notes to deal". */
  readonly openDeals: readonly CrmDeal[];
  /**
   * False when `openDeals` was not asked for: a screen-pop loads the deals of the person shown
   * first only, another match's when the agent picks them. Absent (calls stored before): loaded.
   */
  readonly openDealsLoaded?: boolean;
}

export interface CallerChoiceRef {
  readonly personId: number;
  readonly dealId?: number;
}
