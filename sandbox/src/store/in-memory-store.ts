import type { Clock } from '../clock';
import type { StoreSnapshot } from '../persistence/state-snapshot';
import { CallLogRecordings, type CallLogRecording } from './call-log-recordings';
import { ContactHistory, type NewCallLog, type NewNote } from './contact-history';
import { ContactsAndDeals, type NewPerson, type PersonSearchHit, type SearchField } from './contacts-and-deals';
import type { SandboxStore } from './sandbox-store';
import { emptyRecords } from './store-records';
import { restoreRecords, seedSnapshot, snapshotOf } from './store-snapshot';
import type {
  Activity, CallLog, Deal, ListActivitiesQuery, ListDealsQuery, ListPersonsQuery, NewActivity,
  Note, Organization, Page, Person, PersonPicture, SandboxCompany, SandboxUser, StoreChange,
} from './types';

// The input and search types belong to the modules that use them; importers know them from here.
export type { NewCallLog, NewNote, NewPerson, PersonSearchHit, SearchField };

/**
 * In-memory implementation of the sandbox's Pipedrive account. It owns the records, the change
 * listeners and loading (seed or snapshot); contacts/deals and contact history do the reads and writes.
 */
export class InMemoryStore implements SandboxStore {
  private readonly records = emptyRecords();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly contacts: ContactsAndDeals;
  private readonly history: ContactHistory;
  private readonly recordings = new CallLogRecordings();

  constructor(
    private readonly personCount: number,
    clock: Clock,
    /** Base URL of the sandbox, known only once it listens (port 0). */
    baseUrl: () => string,
  ) {
    const emit = (change: StoreChange): void => this.emit(change);
    this.contacts = new ContactsAndDeals(this.records, clock, baseUrl, emit);
    this.history = new ContactHistory(this.records, clock, emit);
    this.reseed();
  }

  get company(): SandboxCompany {
    return this.records.company;
  }

  /** Replaces all data with the deterministic seed. */
  reseed(): void {
    restoreRecords(this.records, seedSnapshot(this.personCount));
    this.recordings.clear();
    this.emit({ kind: 'reset' });
  }

  /** Every record and id counter, for the state file. Copies nothing: the caller serialises at once. */
  snapshot(): StoreSnapshot {
    return snapshotOf(this.records);
  }

  /** Replaces all data with a saved snapshot (a restarted sandbox picking up where it stopped). */
  restore(snapshot: StoreSnapshot): void {
    restoreRecords(this.records, snapshot);
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
    return [...this.records.users.values()];
  }

  getUser(id: number): SandboxUser | undefined {
    return this.records.users.get(id);
  }

  // Persons, organizations, deals

  listPersons(query?: ListPersonsQuery): Page<Person> {
    return this.contacts.listPersons(query);
  }

  getPerson(id: number): Person | undefined {
    return this.contacts.getPerson(id);
  }

  findPersonsByPhone(term: string, options?: { exactMatch?: boolean }): Person[] {
    return this.contacts.findPersonsByPhone(term, options);
  }

  /** Ranked person search over the requested fields (see README "Person search"). */
  searchPersons(term: string, options: { fields: SearchField[]; exactMatch: boolean; organizationId?: number }): PersonSearchHit[] {
    return this.contacts.searchPersons(term, options);
  }

  addPerson(input: NewPerson, ownerUserId: number): Person {
    return this.contacts.addPerson(input, ownerUserId);
  }

  getPersonPicture(personId: number): PersonPicture | undefined {
    return this.contacts.getPersonPicture(personId);
  }

  /** Picture by its own id (for the media route). */
  getPictureById(pictureId: number): { picture: PersonPicture; person: Person } | undefined {
    return this.contacts.getPictureById(pictureId);
  }

  getOrganization(id: number): Organization | undefined {
    return this.contacts.getOrganization(id);
  }

  listOrganizations(): Organization[] {
    return this.contacts.listOrganizations();
  }

  listDeals(query?: ListDealsQuery): Deal[] {
    return this.contacts.listDeals(query);
  }

  getDeal(id: number): Deal | undefined {
    return this.contacts.getDeal(id);
  }

  // Activities, call logs, notes

  addActivity(input: NewActivity, ownerUserId: number): Activity {
    return this.history.addActivity(input, ownerUserId);
  }

  listActivities(query?: ListActivitiesQuery): Activity[] {
    return this.history.listActivities(query);
  }

  getActivity(id: number): Activity | undefined {
    return this.history.getActivity(id);
  }

  /** Stores the call log and, as Pipedrive does, a done "call" activity linked to the same records. */
  addCallLog(input: NewCallLog, userId: number): CallLog {
    return this.history.addCallLog(input, userId);
  }

  listCallLogs(filter?: { userId?: number }): CallLog[] {
    return this.history.listCallLogs(filter);
  }

  getCallLog(id: string): CallLog | undefined {
    return this.history.getCallLog(id);
  }

  /** Attaches the audio and marks the call log `has_recording` (the caller checked there was none). */
  attachRecording(recording: CallLogRecording): void {
    const log = this.history.getCallLog(recording.callLogId);
    if (!log) return;
    this.recordings.add(recording);
    log.has_recording = true;
    this.emit({ kind: 'callLog', id: log.id });
  }

  getRecording(callLogId: string): CallLogRecording | undefined {
    return this.recordings.get(callLogId);
  }

  addNote(input: NewNote, userId: number): Note {
    return this.history.addNote(input, userId);
  }

  listNotes(filter?: { personId?: number; dealId?: number; orgId?: number; userId?: number }): Note[] {
    return this.history.listNotes(filter);
  }

  getNote(id: number): Note | undefined {
    return this.history.getNote(id);
  }
}
