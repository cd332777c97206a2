import { z } from 'zod';
import type { Activity, CallLog, Deal, Note, Organization, Person, SandboxCompany, SandboxUser } from '../store/types';

/**
 * What a state file holds: the store's records and the OAuth grants, so a restarted sandbox still
 * knows the installs, contacts, notes, activities and call logs the app refers to.
 * Bump STATE_FORMAT_VERSION whenever a stored shape changes: an older file is then reported as
 * incompatible and moved aside instead of being read into records of another shape.
 */
export const STATE_FORMAT_VERSION = 1;

export interface StoreIdCounters {
  person: number;
  activity: number;
  note: number;
  callLog: number;
  picture: number;
}

export interface StoreSnapshot {
  company: SandboxCompany;
  users: SandboxUser[];
  persons: Person[];
  organizations: Organization[];
  deals: Deal[];
  activities: Activity[];
  callLogs: CallLog[];
  notes: Note[];
  nextIds: StoreIdCounters;
}

/** Also the grant store's in-memory shape (oauth/grant-store.ts): changing it changes the file. */
export interface PersistedGrant {
  id: number;
  userId: number;
  companyId: number;
  clientId: string;
  scope: string;
  refreshToken: string;
  refreshTokenLastUsedAt: number;
  revoked: boolean;
}

export interface PersistedAccessToken {
  token: string;
  grantId: number;
  expiresAt: number;
  revoked: boolean;
}

export interface GrantSnapshot {
  grants: PersistedGrant[];
  accessTokens: PersistedAccessToken[];
  nextGrantId: number;
}

export interface SandboxStateSnapshot {
  version: typeof STATE_FORMAT_VERSION;
  savedAt: string;
  store: StoreSnapshot;
  oauth: GrantSnapshot;
}

const id = z.number().int().positive();
const counter = z.number().int().positive();

/**
 * Records are checked on the fields the sandbox indexes and joins on (ids, phones, links), not on
 * every display field: the file is written by this code, so the check is there to catch truncated
 * or hand-edited files, and the version number catches shape changes.
 */
const record = <T>(shape: z.ZodRawShape) => z.looseObject(shape).transform((value) => value as unknown as T);
const contactValues = z.array(z.looseObject({ value: z.string(), primary: z.boolean(), label: z.string() }));
const link = id.nullable();

const storeSchema = z.strictObject({
  company: record<SandboxCompany>({ id, name: z.string(), domain: z.string() }),
  users: z.array(record<SandboxUser>({ id, name: z.string(), email: z.string() })).min(1),
  persons: z.array(record<Person>({ id, name: z.string(), phones: contactValues, emails: contactValues, is_deleted: z.boolean(), picture_id: link })),
  organizations: z.array(record<Organization>({ id, name: z.string(), is_deleted: z.boolean() })),
  deals: z.array(record<Deal>({ id, title: z.string(), person_id: link, org_id: link, status: z.string() })),
  activities: z.array(record<Activity>({ id, subject: z.string(), person_id: link, deal_id: link, done: z.boolean(), is_deleted: z.boolean() })),
  callLogs: z.array(record<CallLog>({ id: z.string().min(1), activity_id: id, user_id: id, to_phone_number: z.string() })),
  notes: z.array(record<Note>({ id, user_id: id, content: z.string() })),
  nextIds: z.strictObject({ person: counter, activity: counter, note: counter, callLog: counter, picture: counter }),
});

const oauthSchema = z.strictObject({
  grants: z.array(
    z.strictObject({
      id, userId: id, companyId: id, clientId: z.string(), scope: z.string(), refreshToken: z.string().min(1),
      refreshTokenLastUsedAt: z.number(), revoked: z.boolean(),
    }),
  ),
  accessTokens: z.array(z.strictObject({ token: z.string().min(1), grantId: id, expiresAt: z.number(), revoked: z.boolean() })),
  nextGrantId: counter,
});

export const stateSnapshotSchema = z.strictObject({
  version: z.literal(STATE_FORMAT_VERSION),
  savedAt: z.string(),
  store: storeSchema,
  oauth: oauthSchema,
});
