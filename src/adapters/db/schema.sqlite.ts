import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import type { CallerInfo } from '@/application/ports/caller-info';
import type { MissedBy } from '@/application/ports/call-store.port';
import type { Call } from '@/domain/call';
import type { RingingCall } from '@/domain/routing';
import type { PipedriveWrite } from '@/domain/wrap-up';
import { AGENT_BUSY_INDEX, AGENT_HOLDS_CALL_SQL } from './agent-busy-index';

// Keep in step with schema.pg.ts: same tables, same columns, same meaning. Timestamps are epoch
// milliseconds on both engines so repositories map rows the same way.

/** One row per Pipedrive user who installed the app; tokens are encrypted (see token-cipher.ts). */
export const accounts = sqliteTable(
  'accounts',
  {
    companyId: integer('company_id').notNull(),
    userId: integer('user_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    companyName: text('company_name').notNull(),
    apiDomain: text('api_domain').notNull(),
    scopes: text('scopes').notNull(),
    accessTokenEncrypted: text('access_token_encrypted'),
    refreshTokenEncrypted: text('refresh_token_encrypted'),
    accessTokenExpiresAt: integer('access_token_expires_at').notNull(),
    status: text('status', { enum: ['connected', 'disconnected'] }).notNull(),
    tokenVersion: integer('token_version').notNull().default(0),
    /** Refresh lease: which app instance is refreshing the tokens now, and until when (epoch ms). */
    refreshLockOwner: text('refresh_lock_owner'),
    refreshLockExpiresAt: integer('refresh_lock_expires_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);

/**
 * Calls (see `CallRecord`). The record lives in the JSON columns; the plain columns repeat what
 * the queries filter and sort on, and are rewritten from the record on every update.
 */
export const calls = sqliteTable(
  'calls',
  {
    id: text('id').primaryKey(),
    companyId: integer('company_id').notNull(),
    providerCallId: text('provider_call_id'),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    state: text('state', { enum: ['idle', 'ringing', 'connected', 'ended', 'wrapped_up'] }).notNull(),
    agentUserId: integer('agent_user_id'),
    createdAt: integer('created_at').notNull(),
    ringingAt: integer('ringing_at'),
    endedAt: integer('ended_at'),
    /** 'agents' or 'company' while the call is a missed call (`isMissedCallOf`), else null. */
    missedScope: text('missed_scope', { enum: ['agents', 'company'] }),
    isCallLogged: integer('is_call_logged', { mode: 'boolean' }).notNull(),
    version: integer('version').notNull(),
    call: text('call', { mode: 'json' }).$type<Call>().notNull(),
    ringing: text('ringing', { mode: 'json' }).$type<RingingCall>(),
    caller: text('caller', { mode: 'json' }).$type<CallerInfo>(),
    missedBy: text('missed_by', { mode: 'json' }).$type<MissedBy>(),
    agentTabId: text('agent_tab_id'),
  },
  (table) => [
    uniqueIndex('calls_provider_call_id_unique').on(table.providerCallId),
    // One call per agent at a time, enforced by the database so that two instances racing (two
    // dials, a dial and an answer) cannot both commit. Mirrors `holdsAgent` (call-record.ts).
    uniqueIndex(AGENT_BUSY_INDEX).on(table.companyId, table.agentUserId).where(sql.raw(AGENT_HOLDS_CALL_SQL)),
    index('calls_company_state_idx').on(table.companyId, table.state),
    index('calls_state_ringing_at_idx').on(table.state, table.ringingAt),
    index('calls_state_logged_ended_at_idx').on(table.state, table.isCallLogged, table.endedAt),
    index('calls_company_created_at_idx').on(table.companyId, table.createdAt),
    index('calls_company_missed_ended_at_idx').on(table.companyId, table.missedScope, table.endedAt),
  ],
);

/**
 * Users a call belongs to besides its agent, for history and missed-call lists: `rang` (every
 * user it rang) and `missed` (on their missed list, when `missed_by.scope` is 'agents').
 */
export const callAgents = sqliteTable(
  'call_agents',
  {
    callId: text('call_id').notNull(),
    userId: integer('user_id').notNull(),
    role: text('role', { enum: ['rang', 'missed'] }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.callId, table.userId, table.role] }),
    index('call_agents_user_role_idx').on(table.userId, table.role),
  ],
);

/** When each agent last looked at their missed calls. */
export const missedCallsSeen = sqliteTable(
  'missed_calls_seen',
  {
    companyId: integer('company_id').notNull(),
    userId: integer('user_id').notNull(),
    seenAt: integer('seen_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);

/**
 * Pipedrive writes waiting for delivery (transactional outbox). `sequence` keeps insertion order;
 * `lease_owner`/`lease_expires_at` make a claim exclusive across app instances.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    sequence: integer('sequence').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    companyId: integer('company_id').notNull(),
    actingUserId: integer('acting_user_id'),
    callId: text('call_id').notNull(),
    write: text('write', { mode: 'json' }).$type<PipedriveWrite>().notNull(),
    status: text('status', { enum: ['pending', 'delivering', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    /** The previous attempt may have reached Pipedrive without us hearing back (timeout, lost lease). */
    outcomeUnknown: integer('outcome_unknown', { mode: 'boolean' }).notNull().default(false),
    result: text('result', { mode: 'json' }).$type<{ id: number | string }>(),
    enqueuedAt: integer('enqueued_at').notNull(),
    deliveredAt: integer('delivered_at'),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: integer('lease_expires_at'),
    /** Delivered only once the entry with this key is (a recording after its call log), not in the call's order. */
    afterKey: text('after_key'),
  },
  (table) => [
    uniqueIndex('outbox_idempotency_key_unique').on(table.idempotencyKey),
    index('outbox_status_next_attempt_idx').on(table.status, table.nextAttemptAt),
    index('outbox_call_sequence_idx').on(table.callId, table.sequence),
  ],
);

/** The person (and deal) last chosen for a phone number, per company. */
export const callerPreferences = sqliteTable(
  'caller_preferences',
  {
    companyId: integer('company_id').notNull(),
    phoneE164: text('phone_e164').notNull(),
    personId: integer('person_id').notNull(),
    dealId: integer('deal_id'),
    chosenAt: integer('chosen_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.phoneE164] })],
);

/**
 * Per-company call settings saved by an admin; a company without a row uses the configured
 * defaults. A row holds every setting (a save replaces them all); null means "none".
 */
export const companySettings = sqliteTable('company_settings', {
  companyId: integer('company_id').primaryKey(),
  /** ISO 3166-1 alpha-2 region national numbers are read in ("GB"). */
  defaultRegion: text('default_region'),
  createCallbackForMissedCalls: integer('create_callback_for_missed_calls', { mode: 'boolean' }).notNull(),
  /** E.164. */
  companyPhoneNumber: text('company_phone_number'),
  ringTimeoutSeconds: integer('ring_timeout_seconds').notNull(),
  /** 'mock' | 'sip' | 'twilio'; null = the configured default (TELEPHONY_PROVIDER). */
  telephonyProvider: text('telephony_provider'),
  /** null = SIP_WEBSOCKET_URL. */
  sipWebSocketUrl: text('sip_websocket_url'),
  /** null = SIP_DOMAIN. */
  sipDomain: text('sip_domain'),
  /** Windows record SIP calls; recordings go to the call logs. */
  recordCalls: integer('record_calls', { mode: 'boolean' }).notNull().default(false),
  updatedAt: integer('updated_at').notNull(),
  updatedByUserId: integer('updated_by_user_id').notNull(),
});

/** An agent's SIP account; the password is encrypted with the OAuth tokens' cipher. */
export const sipAccounts = sqliteTable(
  'sip_accounts',
  {
    companyId: integer('company_id').notNull(),
    userId: integer('user_id').notNull(),
    username: text('username').notNull(),
    passwordEncrypted: text('password_encrypted').notNull(),
    callerId: text('caller_id'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);

/** Live SIP calls and when a window last reported on them (the vanished-window sweep reads it). */
export const sipLiveCalls = sqliteTable(
  'sip_live_calls',
  {
    callId: text('call_id').primaryKey(),
    companyId: integer('company_id').notNull(),
    lastHeardAt: integer('last_heard_at').notNull(),
  },
  (table) => [index('sip_live_calls_last_heard_at_idx').on(table.lastHeardAt)],
);

/** What the agent typed so far for a call, kept while the window types (a reload, another tab, the automatic log read it). */
export const callNotesDrafts = sqliteTable('call_notes_drafts', {
  callId: text('call_id').primaryKey(),
  companyId: integer('company_id').notNull(),
  text: text('text').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Recordings of calls made by the agents' windows, until the outbox attached them to the call log;
 * the bytes are then dropped (null) and the row stays, so a second upload is still refused.
 */
export const callRecordings = sqliteTable('call_recordings', {
  callId: text('call_id').primaryKey(),
  companyId: integer('company_id').notNull(),
  contentType: text('content_type').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }),
  size: integer('size').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** "Available" / "Do not disturb" per agent, shared by their tabs and every instance; no row = available. */
export const agentAvailability = sqliteTable(
  'agent_availability',
  {
    companyId: integer('company_id').notNull(),
    userId: integer('user_id').notNull(),
    available: integer('available', { mode: 'boolean' }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);
