import type { CallLogRecording } from './call-log-recordings';
import type {
  Activity,
  CallLog,
  Deal,
  ListActivitiesQuery,
  ListDealsQuery,
  ListPersonsQuery,
  NewActivity,
  Note,
  Organization,
  Page,
  Person,
  PersonPicture,
  SandboxCompany,
  SandboxUser,
  StoreChange,
} from './types';

/**
 * The sandbox's in-memory Pipedrive account: one company, its users and CRM data.
 * The REST API and the UI host both read and write through this interface, so a note added by the app
 * shows up on the UI's person page and an activity added in the UI shows up in `GET /api/v2/activities`.
 */
export interface SandboxStore {
  readonly company: SandboxCompany;

  listUsers(): SandboxUser[];
  getUser(id: number): SandboxUser | undefined;

  listPersons(query?: ListPersonsQuery): Page<Person>;
  getPerson(id: number): Person | undefined;
  /** Persons whose phone digits contain (or, with exactMatch, equal) the digits of `term`. */
  findPersonsByPhone(term: string, options?: { exactMatch?: boolean }): Person[];
  getPersonPicture(personId: number): PersonPicture | undefined;

  getOrganization(id: number): Organization | undefined;
  listOrganizations(): Organization[];

  listDeals(query?: ListDealsQuery): Deal[];
  getDeal(id: number): Deal | undefined;

  /** Creates an activity owned by `ownerUserId` unless `input.owner_id` names another user. */
  addActivity(input: NewActivity, ownerUserId: number): Activity;
  listActivities(query?: ListActivitiesQuery): Activity[];
  getActivity(id: number): Activity | undefined;

  listCallLogs(filter?: { userId?: number }): CallLog[];
  getCallLog(id: string): CallLog | undefined;
  /** The audio attached to a call log (kept in memory only). */
  getRecording(callLogId: string): CallLogRecording | undefined;

  listNotes(filter?: { personId?: number; dealId?: number; orgId?: number }): Note[];
  getNote(id: number): Note | undefined;

  /** Called after every write and after a reset; returns an unsubscribe function. */
  subscribe(listener: (change: StoreChange) => void): () => void;
}
