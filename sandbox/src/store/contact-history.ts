import type { Clock } from '../clock';
import { isoNow, type StoreRecords } from './store-records';
import type { Activity, CallLog, CallOutcome, ListActivitiesQuery, NewActivity, Note, StoreChange } from './types';

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

/** Activities, call logs and notes: what happened with the account's contacts. */
export class ContactHistory {
  constructor(
    private readonly records: StoreRecords,
    private readonly clock: Clock,
    private readonly emit: (change: StoreChange) => void,
  ) {}

  // Activities

  addActivity(input: NewActivity, ownerUserId: number): Activity {
    const id = this.records.nextIds.activity++;
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
    this.records.activities.set(id, activity);
    this.emit({ kind: 'activity', id });
    return activity;
  }

  listActivities(query: ListActivitiesQuery = {}): Activity[] {
    return [...this.records.activities.values()].filter((a) => {
      if (a.is_deleted) return false;
      if (query.personId !== undefined && a.person_id !== query.personId) return false;
      if (query.dealId !== undefined && a.deal_id !== query.dealId) return false;
      if (query.ownerId !== undefined && a.owner_id !== query.ownerId) return false;
      if (query.done !== undefined && a.done !== query.done) return false;
      return true;
    });
  }

  getActivity(id: number): Activity | undefined {
    const activity = this.records.activities.get(id);
    return activity && !activity.is_deleted ? activity : undefined;
  }

  // Call logs

  /** Stores the call log and, as Pipedrive does, a done "call" activity linked to the same records. */
  addCallLog(input: NewCallLog, userId: number): CallLog {
    const existing = input.activity_id !== undefined ? this.records.activities.get(input.activity_id) : undefined;
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
    const n = this.records.nextIds.callLog++;
    const id = n.toString(16).padStart(32, '0');
    const toIso = (t: string) => `${t.replace(' ', 'T')}.000Z`;
    const log: CallLog = {
      id, activity_id: activity.id, user_id: userId, company_id: this.records.company.id, subject: input.subject ?? null,
      duration: input.duration ?? null, outcome: input.outcome, from_phone_number: input.from_phone_number ?? null,
      to_phone_number: input.to_phone_number, start_time: toIso(input.start_time), end_time: toIso(input.end_time),
      person_id: input.person_id ?? null, org_id: input.org_id ?? null, deal_id: input.deal_id ?? null,
      lead_id: input.lead_id ?? null, note: input.note ?? null, has_recording: false,
    };
    this.records.callLogs.set(id, log);
    this.emit({ kind: 'callLog', id });
    return log;
  }

  listCallLogs(filter: { userId?: number } = {}): CallLog[] {
    return [...this.records.callLogs.values()].filter((l) => filter.userId === undefined || l.user_id === filter.userId);
  }

  getCallLog(id: string): CallLog | undefined {
    return this.records.callLogs.get(id);
  }

  // Notes

  addNote(input: NewNote, userId: number): Note {
    const id = this.records.nextIds.note++;
    const now = isoNow(this.clock);
    const note: Note = {
      id, user_id: userId, content: input.content, deal_id: input.deal_id ?? null, person_id: input.person_id ?? null,
      org_id: input.org_id ?? null, lead_id: input.lead_id ?? null, add_time: now, update_time: now, active_flag: true,
      pinned_to_deal_flag: input.pinned_to_deal_flag ?? false, pinned_to_person_flag: input.pinned_to_person_flag ?? false,
      pinned_to_organization_flag: input.pinned_to_organization_flag ?? false, pinned_to_lead_flag: input.pinned_to_lead_flag ?? false,
    };
    this.records.notes.set(id, note);
    this.emit({ kind: 'note', id });
    return note;
  }

  listNotes(filter: { personId?: number; dealId?: number; orgId?: number; userId?: number } = {}): Note[] {
    return [...this.records.notes.values()].filter((n) => {
      if (filter.personId !== undefined && n.person_id !== filter.personId) return false;
      if (filter.dealId !== undefined && n.deal_id !== filter.dealId) return false;
      if (filter.orgId !== undefined && n.org_id !== filter.orgId) return false;
      if (filter.userId !== undefined && n.user_id !== filter.userId) return false;
      return true;
    });
  }

  getNote(id: number): Note | undefined {
    return this.records.notes.get(id);
  }
}
