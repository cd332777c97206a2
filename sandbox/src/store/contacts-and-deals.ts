import type { Clock } from '../clock';
import { paginate } from './cursor';
import { canonicalDigits, isSameNumber, looksLikePhoneTerm } from './phone-digits';
import { isoNow, type StoreRecords } from './store-records';
import type {
  Deal, DealStatus, ListDealsQuery, ListPersonsQuery, Organization, Page, Person, PersonContactValue, PersonPicture, StoreChange,
} from './types';

export type SearchField = 'name' | 'phone' | 'email' | 'notes' | 'custom_fields';

export interface PersonSearchHit {
  person: Person;
  score: number;
}

export interface NewPerson {
  name: string;
  owner_id?: number;
  org_id?: number | null;
  emails?: PersonContactValue[];
  phones?: PersonContactValue[];
  visible_to?: number;
  label_ids?: number[];
  custom_fields?: Record<string, unknown>;
}

/** Persons (with search and pictures), organizations and deals: who the account deals with. */
export class ContactsAndDeals {
  constructor(
    private readonly records: StoreRecords,
    private readonly clock: Clock,
    /** Base URL of the sandbox, known only once it listens (port 0). */
    private readonly baseUrl: () => string,
    private readonly emit: (change: StoreChange) => void,
  ) {}

  // Persons

  listPersons(query: ListPersonsQuery = {}): Page<Person> {
    let items = [...this.records.persons.values()].filter((p) => !p.is_deleted);
    if (query.ids) {
      const ids = new Set(query.ids);
      items = items.filter((p) => ids.has(p.id));
    }
    if (query.orgId !== undefined) items = items.filter((p) => p.org_id === query.orgId);
    if (query.ownerId !== undefined) items = items.filter((p) => p.owner_id === query.ownerId);
    const sortBy = query.sortBy ?? 'id';
    return paginate(items, { cursor: query.cursor, limit: query.limit, sortBy, sortDirection: query.sortDirection }, (p) =>
      sortBy === 'id' ? p.id : p[sortBy],
    );
  }

  getPerson(id: number): Person | undefined {
    const person = this.records.persons.get(id);
    return person && !person.is_deleted ? person : undefined;
  }

  findPersonsByPhone(term: string, options: { exactMatch?: boolean } = {}): Person[] {
    return this.records.phoneIndex
      .find(term, options.exactMatch ?? false)
      .map((id) => this.getPerson(id))
      .filter((p): p is Person => p !== undefined);
  }

  /** Ranked person search over the requested fields (see README "Person search"). */
  searchPersons(term: string, options: { fields: SearchField[]; exactMatch: boolean; organizationId?: number }): PersonSearchHit[] {
    const needle = term.trim().toLowerCase();
    const scores = new Map<number, number>();
    const bump = (id: number, score: number): void => {
      scores.set(id, Math.max(scores.get(id) ?? 0, score));
    };
    const textScore = (value: string): number => {
      const v = value.toLowerCase();
      if (v === needle) return 1;
      if (options.exactMatch) return 0;
      if (v.startsWith(needle)) return 0.6;
      return v.includes(needle) ? 0.4 : 0;
    };
    if (options.fields.includes('phone') && looksLikePhoneTerm(term)) {
      const termDigits = canonicalDigits(term);
      for (const id of this.records.phoneIndex.find(term, options.exactMatch)) {
        const matched = this.records.phoneIndex.matchingDigits(id, term, options.exactMatch);
        bump(id, matched.some((d) => isSameNumber(termDigits, d)) ? 1 : 0.5);
      }
    }
    const wantsName = options.fields.includes('name');
    const wantsEmail = options.fields.includes('email');
    if (wantsName || wantsEmail) {
      for (const p of this.records.persons.values()) {
        if (p.is_deleted) continue;
        if (wantsName) {
          // Names match as a whole or word by word ("reed" finds "Samuel Reed").
          const score = Math.max(textScore(p.name), ...p.name.split(/\s+/).map((w) => textScore(w) * 0.9));
          if (score > 0) bump(p.id, score);
        }
        if (wantsEmail) for (const e of p.emails) {
          const score = textScore(e.value);
          if (score > 0) bump(p.id, score);
        }
      }
    }
    const hits: PersonSearchHit[] = [];
    for (const [id, score] of scores) {
      const person = this.getPerson(id);
      if (!person) continue;
      if (options.organizationId !== undefined && person.org_id !== options.organizationId) continue;
      hits.push({ person, score: Math.round(score * 1000) / 1000 });
    }
    return hits.sort((a, b) => b.score - a.score || a.person.id - b.person.id);
  }

  addPerson(input: NewPerson, ownerUserId: number): Person {
    const id = this.records.nextIds.person++;
    const now = isoNow(this.clock);
    const [first = '', ...rest] = input.name.trim().split(/\s+/);
    const normalise = (values: PersonContactValue[] = []): PersonContactValue[] => {
      // Pipedrive marks the first value primary when none is.
      const hasPrimary = values.some((v) => v.primary);
      return values.map((v, i) => ({ value: v.value, label: v.label || 'work', primary: hasPrimary ? v.primary : i === 0 }));
    };
    const person: Person = {
      id, name: input.name, first_name: first, last_name: rest.join(' '), owner_id: input.owner_id ?? ownerUserId,
      org_id: input.org_id ?? null, add_time: now, update_time: now, emails: normalise(input.emails), phones: normalise(input.phones),
      is_deleted: false, visible_to: input.visible_to ?? 3, label_ids: input.label_ids ?? [], picture_id: null,
      custom_fields: input.custom_fields ?? {},
    };
    this.records.persons.set(id, person);
    this.records.phoneIndex.add(id, person.phones.map((p) => p.value));
    this.emit({ kind: 'person', id });
    return person;
  }

  getPersonPicture(personId: number): PersonPicture | undefined {
    const person = this.getPerson(personId);
    if (!person || person.picture_id === null) return undefined;
    return this.pictureOf(person, person.picture_id);
  }

  /** Picture by its own id (for the media route). */
  getPictureById(pictureId: number): { picture: PersonPicture; person: Person } | undefined {
    for (const person of this.records.persons.values()) {
      if (person.picture_id === pictureId) return { picture: this.pictureOf(person, pictureId), person };
    }
    return undefined;
  }

  private pictureOf(person: Person, pictureId: number): PersonPicture {
    const url = (size: number) => `${this.baseUrl()}/media/pictures/${pictureId}/${size}.svg`;
    return {
      id: pictureId, item_type: 'person', item_id: person.id, added_by_user_id: person.owner_id, active_flag: true,
      file_size: 1024, pictures: { '128': url(128), '512': url(512) },
    };
  }

  // Organizations

  getOrganization(id: number): Organization | undefined {
    const org = this.records.organizations.get(id);
    return org && !org.is_deleted ? org : undefined;
  }

  listOrganizations(): Organization[] {
    return [...this.records.organizations.values()].filter((o) => !o.is_deleted);
  }

  // Deals

  listDeals(query: ListDealsQuery = {}): Deal[] {
    const statuses: DealStatus[] | undefined = query.status === undefined ? undefined : Array.isArray(query.status) ? query.status : [query.status];
    return [...this.records.deals.values()].filter((d) => {
      if (statuses ? !statuses.includes(d.status) : d.status === 'deleted') return false;
      if (query.personId !== undefined && d.person_id !== query.personId) return false;
      if (query.orgId !== undefined && d.org_id !== query.orgId) return false;
      if (query.ownerId !== undefined && d.owner_id !== query.ownerId) return false;
      return true;
    });
  }

  getDeal(id: number): Deal | undefined {
    const deal = this.records.deals.get(id);
    return deal && deal.status !== 'deleted' ? deal : undefined;
  }
}
