import type { PersonPhone } from '@/domain/phone';
import type {
  CrmAccountRef,
  CrmDeal,
  CrmDirectory,
  CrmPersonDetails,
  CrmPhonePerson,
} from '@/application/ports/crm-directory.port';

export interface FakeCrmPerson {
  readonly companyId: number;
  readonly id: number;
  readonly name: string;
  readonly phones: readonly PersonPhone[];
  readonly organization?: { readonly id: number; readonly name: string };
  readonly pictureUrl?: string;
}

export interface FakeCrmDeal extends CrmDeal {
  readonly companyId: number;
  readonly personId: number;
  readonly status: 'open' | 'won' | 'lost';
}

/**
 * A company-scoped fake of Pipedrive's persons and deals for tests. The phone search behaves like
 * Pipedrive's non-exact search: a person is found when the digits of one of their phones contain
 * the term, so lookalikes come back and the use case must filter them.
 */
export class InMemoryCrmDirectory implements CrmDirectory {
  private persons: FakeCrmPerson[] = [];
  private deals: FakeCrmDeal[] = [];
  private failure: Error | undefined;
  readonly searches: Array<{ account: CrmAccountRef; term: string }> = [];
  /** Every open-deals request, in order: with `searches`, what a lookup cost in Pipedrive requests. */
  readonly dealRequests: Array<{ account: CrmAccountRef; personId: number }> = [];

  addPerson(person: FakeCrmPerson): this {
    this.persons.push(person);
    return this;
  }

  addDeal(deal: FakeCrmDeal): this {
    this.deals.push(deal);
    return this;
  }

  /** Every call rejects with `error` until `failWith(undefined)`. */
  failWith(error: Error | undefined): void {
    this.failure = error;
  }

  async searchPersonsByPhone(
    account: CrmAccountRef,
    term: string,
    options: { limit: number },
  ): Promise<CrmPhonePerson[]> {
    this.throwIfFailing();
    this.searches.push({ account, term });
    return this.persons
      .filter((p) => p.companyId === account.companyId)
      .filter((p) => p.phones.some((phone) => phone.value.replace(/\D/g, '').includes(term)))
      .slice(0, options.limit)
      .map((p) => ({
        id: p.id,
        name: p.name,
        phones: p.phones,
        organizationName: p.organization?.name ?? null,
        organizationId: p.organization?.id ?? null,
        pictureUrl: p.pictureUrl ?? null,
      }));
  }

  async getPerson(account: CrmAccountRef, personId: number): Promise<CrmPersonDetails | undefined> {
    this.throwIfFailing();
    const person = this.persons.find((p) => p.companyId === account.companyId && p.id === personId);
    if (person === undefined) return undefined;
    return {
      id: person.id,
      name: person.name,
      phones: person.phones,
      organization: person.organization ?? null,
      pictureUrl: person.pictureUrl ?? null,
    };
  }

  async listOpenDeals(account: CrmAccountRef, personId: number, options: { limit: number }): Promise<CrmDeal[]> {
    this.throwIfFailing();
    this.dealRequests.push({ account, personId });
    return this.deals
      .filter((d) => d.companyId === account.companyId && d.personId === personId && d.status === 'open')
      .slice(0, options.limit)
      .map(({ id, title, value, currency, orgId }) => ({ id, title, value, currency, ...(orgId === undefined ? {} : { orgId }) }));
  }

  private throwIfFailing(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
