import type { Clock } from '../clock';
import type { StoreSnapshot } from '../persistence/state-snapshot';
import { generateSeed } from '../seed/generate-seed';
import { paginate } from './cursor';
import { PhoneIndex } from './phone-index';
import { canonicalDigits, isSameNumber, looksLikePhoneTerm } from './phone-digits';
import type { SandboxStore } from './sandbox-store';
import type {
  Activity, CallLog, CallOutcome, Deal, DealStatus, ListActivitiesQuery, ListDealsQuery, ListPersonsQuery, NewActivity,
  Note, Organization, Page, Person, PersonContactValue, PersonPicture, SandboxCompany, SandboxUser, StoreChange,
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

export interface NewNote {
  content: string;
  deal_id?: number | null;
  person_id?: number | null;
  org_id?: number | null;
  lead_id?: string | null;
  pinned_to_deal_flag?: boolean;
  pinned_to_person_flag?: boolean;
  pinned_to_organization_flag?: boolean;
  pinned_to_lead_flag?: boolean;
}

export interface NewCallLog {
  outcome: CallOutcome;
  to_phone_number: string;
  from_phone_number?: string | null;
  start_time: string;
  end_time: string;
  subject?: string | null;
  duration?: string | null;
  person_id?: number | null;
  org_id?: number | null;
  deal_id?: number | null;
  lead_id?: string | null;
  note?: string | null;
  /** Converts this existing call activity instead of creating one (then deal/person/org come from it). */
  activity_id?: number;
}

const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** In-memory implementation of the sandbox's Pipedrive account. */
export class InMemoryStore implements SandboxStore {
  company!: SandboxCompany;
  private users = new Map<number, SandboxUser>();
  private persons = new Map<number, Person>();
  private organizations = new Map<number, Organization>();
  private deals = new Map<number, Deal>();
  private activities = new Map<number, Activity>();
  private callLogs = new Map<string, CallLog>();
  private notes = new Map<number, Note>();
  private readonly phoneIndex = new PhoneIndex();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private nextIds = { person: 1, activity: 1, note: 1, callLog: 1, picture: 1 };

  constructor(
    private readonly personCount: number,
    private readonly clock: Clock,
    /** Base URL of the sandbox, known only once it listens (port 0). */
    private readonly baseUrl: () => string,
  ) {
    this.reseed();
  }

  /** Replaces all data with the deterministic seed. */
  reseed(): void {
    const seed = generateSeed(this.personCount);
    this.company = seed.company;
    this.users = new Map(seed.users.map((u) => [u.id, u]));
    this.organizations = new Map(seed.organizations.map((o) => [o.id, o]));
    this.persons = new Map(seed.persons.map((p) => [p.id, p]));
    this.deals = new Map(seed.deals.map((d) => [d.id, d]));
    this.activities = new Map(seed.activities.map((a) => [a.id, a]));
    this.callLogs = new Map();
    this.notes = new Map();
    this.phoneIndex.clear();
    for (const p of seed.persons) this.phoneIndex.add(p.id, p.phones.map((ph) => ph.value));
    this.nextIds = {
      person: seed.persons.length + 1,
      activity: seed.activities.length + 1,
      note: 1,
      callLog: 1,
      picture: Math.max(0, ...seed.persons.map((p) => p.picture_id ?? 0)) + 1,
    };
    this.emit({ kind: 'reset' });
  }

  /** Every record and id counter, for the state file. Copies nothing: the caller serialises at once. */
  snapshot(): StoreSnapshot {
    return {
      company: this.company, users: [...this.users.values()], persons: [...this.persons.values()],
      organizations: [...this.organizations.values()], deals: [...this.deals.values()],
      activities: [...this.activities.values()], callLogs: [...this.callLogs.values()], notes: [...this.notes.values()],
      nextIds: { ...this.nextIds },
    };
  }

  /** Replaces all data with a saved snapshot (a restarted sandbox picking up where it stopped). */
  restore(snapshot: StoreSnapshot): void {
    this.company = snapshot.company;
    this.users = new Map(snapshot.users.map((u) => [u.id, u]));
    this.organizations = new Map(snapshot.organizations.map((o) => [o.id, o]));
    this.persons = new Map(snapshot.persons.map((p) => [p.id, p]));
    this.deals = new Map(snapshot.deals.map((d) => [d.id, d]));
    this.activities = new Map(snapshot.activities.map((a) => [a.id, a]));
    this.callLogs = new Map(snapshot.callLogs.map((l) => [l.id, l]));
    this.notes = new Map(snapshot.notes.map((n) => [n.id, n]));
    this.phoneIndex.clear();
    for (const p of snapshot.persons) this.phoneIndex.add(p.id, p.phones.map((ph) => ph.value));
    this.nextIds = { ...snapshot.nextIds };
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A failing listener (UI host) must not break an API write.
      }
    }
  }

  // Users

  listUsers(): SandboxUser[] {
    return [...this.users.values()];
  }

  getUser(id: number): SandboxUser | undefined {
    return this.users.get(id);
  }

  // Persons

  listPersons(query: ListPersonsQuery = {}): Page<Person> {
    let items = [...this.persons.values()].filter((p) => !p.is_deleted);
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
    const person = this.persons.get(id);
    return person && !person.is_deleted ? person : undefined;
  }

  findPersonsByPhone(term: string, options: { exactMatch?: boolean } = {}): Person[] {
    return this.phoneIndex
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
      for (const id of this.phoneIndex.find(term, options.exactMatch)) {
        const matched = this.phoneIndex.matchingDigits(id, term, options.exactMatch);
        bump(id, matched.some((d) => isSameNumber(termDigits, d)) ? 1 : 0.5);
      }
    }
    const wantsName = options.fields.includes('name');
    const wantsEmail = options.fields.includes('email');
    if (wantsName || wantsEmail) {
      for (const p of this.persons.values()) {
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
    const id = this.nextIds.person++;
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
    this.persons.set(id, person);
    this.phoneIndex.add(id, person.phones.map((p) => p.value));
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
    for (const person of this.persons.values()) {
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
    const org = this.organizations.get(id);
    return org && !org.is_deleted ? org : undefined;
  }

  listOrganizations(): Organization[] {
    return [...this.organizations.values()].filter((o) => !o.is_deleted);
  }

  // Deals

  listDeals(query: ListDealsQuery = {}): Deal[] {
    const statuses: DealStatus[] | undefined = query.status === undefined ? undefined : Array.isArray(query.status) ? query.status : [query.status];
    return [...this.deals.values()].filter((d) => {
      if (statuses ? !statuses.includes(d.status) : d.status === 'deleted') return false;
      if (query.personId !== undefined && d.person_id !== query.personId) return false;
      if (query.orgId !== undefined && d.org_id !== query.orgId) return false;
      if (query.ownerId !== undefined && d.owner_id !== query.ownerId) return false;
      return true;
    });
  }

  getDeal(id: number): Deal | undefined {
    const deal = this.deals.get(id);
    return deal && deal.status !== 'deleted' ? deal : undefined;
  }

  // Activities

  addActivity(input: NewActivity, ownerUserId: number): Activity {
    const id = this.nextIds.activity++;
    const now = isoNow(this.clock);
    const personId = input.person_id ?? input.participants?.find((p) => p.primary)?.person_id ?? null;
    const participants = input.participants ?? (personId !== null ? [{ person_id: personId, primary: true }] : []);
    const activity: Activity = {
      id, subject: input.subject ?? 'Call', type: input.type ?? 'call', owner_id: input.owner_id ?? ownerUserId,
      creator_user_id: ownerUserId, is_deleted: false, add_time: now, update_time: now, deal_id: input.deal_id ?? null,
      lead_id: input.lead_id ?? null, person_id: personId, org_id: input.org_id ?? null, due_date: input.due_date ?? null,
      due_time: input.due_time ?? null, duration: input.duration ?? null, busy: input.busy ?? false, done: input.done ?? false,
      marked_as_done_time: input.done ? now : null, participants, public_description: input.public_description ?? null,
      priority: input.priority ?? null, note: input.note ?? null,
    };
    this.activities.set(id, activity);
    this.emit({ kind: 'activity', id });
    return activity;
  }

  listActivities(query: ListActivitiesQuery = {}): Activity[] {
    return [...this.activities.values()].filter((a) => {
      if (a.is_deleted) return false;
      if (query.personId !== undefined && a.person_id !== query.personId) return false;
      if (query.dealId !== undefined && a.deal_id !== query.dealId) return false;
      if (query.ownerId !== undefined && a.owner_id !== query.ownerId) return false;
      if (query.done !== undefined && a.done !== query.done) return false;
      return true;
    });
  }

  getActivity(id: number): Activity | undefined {
    const activity = this.activities.get(id);
    return activity && !activity.is_deleted ? activity : undefined;
  }

  // Call logs

  /** Stores the call log and, as Pipedrive does, a done "call" activity linked to the same records. */
  addCallLog(input: NewCallLog, userId: number): CallLog {
    const existing = input.activity_id !== undefined ? this.activities.get(input.activity_id) : undefined;
    if (existing) {
      existing.done = true;
      existing.marked_as_done_time = isoNow(this.clock);
      existing.update_time = existing.marked_as_done_time;
      input = { ...input, person_id: existing.person_id, deal_id: existing.deal_id, org_id: existing.org_id, lead_id: existing.lead_id };
    }
    const activity = existing ?? this.addActivity(
      {
        subject: input.subject ?? `Call to ${input.to_phone_number}`, type: 'call', owner_id: userId,
        deal_id: input.deal_id ?? null, lead_id: input.lead_id ?? null, person_id: input.person_id ?? null,
        org_id: input.org_id ?? null, due_date: input.start_time.slice(0, 10), due_time: input.start_time.slice(11, 16),
        done: true, note: input.note ?? null,
      },
      userId,
    );
    const n = this.nextIds.callLog++;
    const id = n.toString(16).padStart(32, '0');
    const toIso = (t: string) => `${t.replace(' ', 'T')}.000Z`;
    const log: CallLog = {
      id, activity_id: activity.id, user_id: userId, company_id: this.company.id, subject: input.subject ?? null,
      duration: input.duration ?? null, outcome: input.outcome, from_phone_number: input.from_phone_number ?? null,
      to_phone_number: input.to_phone_number, start_time: toIso(input.start_time), end_time: toIso(input.end_time),
      person_id: input.person_id ?? null, org_id: input.org_id ?? null, deal_id: input.deal_id ?? null,
      lead_id: input.lead_id ?? null, note: input.note ?? null, has_recording: false,
    };
    this.callLogs.set(id, log);
    this.emit({ kind: 'callLog', id });
    return log;
  }

  listCallLogs(filter: { userId?: number } = {}): CallLog[] {
    return [...this.callLogs.values()].filter((l) => filter.userId === undefined || l.user_id === filter.userId);
  }

  getCallLog(id: string): CallLog | undefined {
    return this.callLogs.get(id);
  }

  // Notes

  addNote(input: NewNote, userId: number): Note {
    const id = this.nextIds.note++;
    const now = isoNow(this.clock);
    const note: Note = {
      id, user_id: userId, content: input.content, deal_id: input.deal_id ?? null, person_id: input.person_id ?? null,
      org_id: input.org_id ?? null, lead_id: input.lead_id ?? null, add_time: now, update_time: now, active_flag: true,
      pinned_to_deal_flag: input.pinned_to_deal_flag ?? false, pinned_to_person_flag: input.pinned_to_person_flag ?? false,
      pinned_to_organization_flag: input.pinned_to_organization_flag ?? false, pinned_to_lead_flag: input.pinned_to_lead_flag ?? false,
    };
    this.notes.set(id, note);
    this.emit({ kind: 'note', id });
    return note;
  }

  listNotes(filter: { personId?: number; dealId?: number; orgId?: number; userId?: number } = {}): Note[] {
    return [...this.notes.values()].filter((n) => {
      if (filter.personId !== undefined && n.person_id !== filter.personId) return false;
      if (filter.dealId !== undefined && n.deal_id !== filter.dealId) return false;
      if (filter.orgId !== undefined && n.org_id !== filter.orgId) return false;
      if (filter.userId !== undefined && n.user_id !== filter.userId) return false;
      return true;
    });
  }

  getNote(id: number): Note | undefined {
    return this.notes.get(id);
  }
}
