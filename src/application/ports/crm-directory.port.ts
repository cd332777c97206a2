import type { PersonPhone, PersonWithPhones } from '@/domain/phone';

/**
 * Whose Pipedrive connection to use. `userId` is preferred when given (the agent the call is for);
 * without it (a missed call nobody was online for) the adapter uses any connected user of the
 * company, and rejects when there is none.
 */
export interface CrmAccountRef {
  readonly companyId: number;
  readonly userId?: number;
}

export interface CrmPhonePerson extends PersonWithPhones {
  readonly organizationName: string | null;
  readonly organizationId: number | null;
  readonly pictureUrl: string | null;
}

export interface CrmPersonDetails {
  readonly id: number;
  readonly name: string;
  readonly phones: readonly PersonPhone[];
  readonly organization: { readonly id: number; readonly name: string } | null;
  readonly pictureUrl: string | null;
}

export interface CrmDeal {
  readonly id: number;
  readonly title: string;
  readonly value: number | null;
  readonly currency: string | null;
  /** The deal's organization; absent on deals stored with calls before it was kept. */
  readonly orgId?: number | null;
}

/**
 * Read access to the company's Pipedrive contacts, implemented by the Pipedrive gateway.
 *
 * Every method rejects (with the gateway's `PipedriveError`: auth, not_found, rate_limited,
 * validation, unavailable) when Pipedrive cannot answer; it never turns a failure into an empty
 * result. The call use cases catch the rejection and carry on with `status: 'crm_unavailable'`, so
 * implementations should bound their latency (a few seconds): an inbound call waits for the
 * lookup before it rings.
 */
export interface CrmDirectory {
  /**
   * Persons whose phone fields contain `term` (Pipedrive person search, `fields=phone`, not exact
   * match), up to `limit`, in Pipedrive's relevance order. Lookalikes are expected: the use case
   * filters them with `matchPersonsByPhone`.
   */
  searchPersonsByPhone(
    account: CrmAccountRef,
    term: string,
    options: { readonly limit: number },
  ): Promise<CrmPhonePerson[]>;

  /** One person with organization and picture; undefined when Pipedrive says it does not exist. */
  getPerson(account: CrmAccountRef, personId: number): Promise<CrmPersonDetails | undefined>;

  /** The person's deals with status `open`, newest first, up to `limit`. */
  listOpenDeals(account: CrmAccountRef, personId: number, options: { readonly limit: number }): Promise<CrmDeal[]>;
}
