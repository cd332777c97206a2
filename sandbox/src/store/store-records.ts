import type { Clock } from '../clock';
import type { StoreIdCounters } from '../persistence/state-snapshot';
import { PhoneIndex } from './phone-index';
import type { Activity, CallLog, Deal, Note, Organization, Person, SandboxCompany, SandboxUser } from './types';

/**
 * The store's data, shared by the modules that read and write it (contacts and deals, contact history,
 * snapshots). Reseeding and restoring replace the maps on this object, so those modules keep a reference
 * to the object and read the maps through it on every call instead of holding on to a map.
 */
export interface StoreRecords {
  company: SandboxCompany;
  users: Map<number, SandboxUser>;
  persons: Map<number, Person>;
  organizations: Map<number, Organization>;
  deals: Map<number, Deal>;
  activities: Map<number, Activity>;
  callLogs: Map<string, CallLog>;
  notes: Map<number, Note>;
  /** Kept in step with `persons` so phone look-ups need not scan every person. */
  readonly phoneIndex: PhoneIndex;
  nextIds: StoreIdCounters;
}

/** Records before the first load; the store fills them (seed or snapshot) before anyone reads them. */
export function emptyRecords(): StoreRecords {
  return {
    company: undefined as unknown as SandboxCompany,
    users: new Map(), persons: new Map(), organizations: new Map(), deals: new Map(),
    activities: new Map(), callLogs: new Map(), notes: new Map(),
    phoneIndex: new PhoneIndex(),
    nextIds: { person: 1, activity: 1, note: 1, callLog: 1, picture: 1 },
  };
}

/** Pipedrive's timestamp format: UTC, whole seconds ("2024-05-01T09:30:00Z"). */
export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
