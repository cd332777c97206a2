/**
 * Records kept by the sandbox store. Field names follow Pipedrive's API v2 shapes (snake_case) so the
 * API layer can serialise them without mapping and the UI host sees what the app would see.
 * Times are ISO 8601 strings in UTC (v2 style) unless noted.
 */

export interface SandboxCompany {
  id: number;
  name: string;
  /** Subdomain part, as in `https://<domain>.pipedrive.com`. */
  domain: string;
  country: string;
  industry: string;
}

export interface SandboxUser {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  is_admin: boolean;
  locale: string;
  lang: number;
  default_currency: string;
  timezone_name: string;
  timezone_offset: string;
  icon_url: string | null;
  active_flag: boolean;
  created: string;
  modified: string;
  last_login: string;
}

export interface PersonContactValue {
  value: string;
  primary: boolean;
  label: string;
}

export interface Person {
  id: number;
  name: string;
  first_name: string;
  last_name: string;
  owner_id: number;
  org_id: number | null;
  add_time: string;
  update_time: string;
  emails: PersonContactValue[];
  phones: PersonContactValue[];
  is_deleted: boolean;
  visible_to: number;
  label_ids: number[];
  picture_id: number | null;
  custom_fields: Record<string, unknown>;
}

/** Shaped like v2 `GET /persons/{id}/picture` data. URLs point at the sandbox's `/media/` route. */
export interface PersonPicture {
  id: number;
  item_type: 'person';
  item_id: number;
  added_by_user_id: number;
  active_flag: boolean;
  file_size: number;
  pictures: { '128': string; '512': string };
}

export interface Organization {
  id: number;
  name: string;
  owner_id: number;
  add_time: string;
  update_time: string;
  is_deleted: boolean;
  visible_to: number;
  address: { value: string; country: string } | null;
  label_ids: number[];
  website: string | null;
  custom_fields: Record<string, unknown>;
}

export type DealStatus = 'open' | 'won' | 'lost' | 'deleted';

export interface Deal {
  id: number;
  title: string;
  owner_id: number;
  person_id: number | null;
  org_id: number | null;
  pipeline_id: number;
  stage_id: number;
  value: number;
  currency: string;
  add_time: string;
  update_time: string;
  stage_change_time: string | null;
  is_deleted: boolean;
  is_archived: boolean;
  status: DealStatus;
  probability: number | null;
  lost_reason: string | null;
  visible_to: number;
  close_time: string | null;
  won_time: string | null;
  lost_time: string | null;
  expected_close_date: string | null;
  label_ids: number[];
  custom_fields: Record<string, unknown>;
}

export interface ActivityParticipant {
  person_id: number;
  primary: boolean;
}

export interface Activity {
  id: number;
  subject: string;
  type: string;
  owner_id: number;
  creator_user_id: number;
  is_deleted: boolean;
  add_time: string;
  update_time: string;
  deal_id: number | null;
  lead_id: string | null;
  person_id: number | null;
  org_id: number | null;
  due_date: string | null;
  due_time: string | null;
  duration: string | null;
  busy: boolean;
  done: boolean;
  marked_as_done_time: string | null;
  participants: ActivityParticipant[];
  public_description: string | null;
  priority: number | null;
  note: string | null;
}

/** Input of `store.addActivity` (and of `POST /api/v2/activities` after validation). */
export interface NewActivity {
  subject?: string;
  type?: string;
  owner_id?: number;
  deal_id?: number | null;
  lead_id?: string | null;
  person_id?: number | null;
  org_id?: number | null;
  due_date?: string | null;
  due_time?: string | null;
  duration?: string | null;
  busy?: boolean;
  done?: boolean;
  participants?: ActivityParticipant[];
  public_description?: string | null;
  priority?: number | null;
  note?: string | null;
}

export type CallOutcome = 'connected' | 'no_answer' | 'left_message' | 'left_voicemail' | 'wrong_number' | 'busy';

/** Shaped like v1 call-log responses: string id, ISO times in responses. */
export interface CallLog {
  id: string;
  activity_id: number;
  user_id: number;
  company_id: number;
  subject: string | null;
  duration: string | null;
  outcome: CallOutcome;
  from_phone_number: string | null;
  to_phone_number: string;
  start_time: string;
  end_time: string;
  person_id: number | null;
  org_id: number | null;
  deal_id: number | null;
  lead_id: string | null;
  note: string | null;
  has_recording: boolean;
}

/** Stored v1 note (related objects are resolved when serialised). */
export interface Note {
  id: number;
  user_id: number;
  content: string;
  deal_id: number | null;
  person_id: number | null;
  org_id: number | null;
  lead_id: string | null;
  add_time: string;
  update_time: string;
  active_flag: boolean;
  pinned_to_deal_flag: boolean;
  pinned_to_person_flag: boolean;
  pinned_to_organization_flag: boolean;
  pinned_to_lead_flag: boolean;
}

export interface Page<T> {
  items: T[];
  /** Opaque; null when there is nothing after this page. */
  nextCursor: string | null;
}

export type PersonSortField = 'id' | 'update_time' | 'add_time';

export interface ListPersonsQuery {
  cursor?: string;
  /** Default 100, callers clamp to 500 as the API does. */
  limit?: number;
  ids?: number[];
  orgId?: number;
  ownerId?: number;
  sortBy?: PersonSortField;
  sortDirection?: 'asc' | 'desc';
}

export interface ListDealsQuery {
  personId?: number;
  orgId?: number;
  ownerId?: number;
  /** One status or several; omitted = every non-deleted deal (as Pipedrive does). */
  status?: DealStatus | DealStatus[];
}

export interface ListActivitiesQuery {
  personId?: number;
  dealId?: number;
  ownerId?: number;
  done?: boolean;
}

/** What changed, for listeners such as the UI host (e.g. to refresh an open page). */
export interface StoreChange {
  kind: 'reset' | 'person' | 'activity' | 'callLog' | 'note';
  id?: number | string;
}
