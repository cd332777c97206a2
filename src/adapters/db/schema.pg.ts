import { bigint, bigserial, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { CallerInfo } from '@/application/ports/caller-info';
import type { MissedBy } from '@/application/ports/call-store.port';
import type { Call } from '@/domain/call';
import type { RingingCall } from '@/domain/routing';
import type { PipedriveWrite } from '@/domain/wrap-up';
import { AGENT_BUSY_INDEX, AGENT_HOLDS_CALL_SQL } from './agent-busy-index';

/** Binary data (drizzle's pg-core has no bytea column of its own); node-postgres reads it as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// Keep in step with schema.sqlite.ts: same tables, same columns, same meaning. Timestamps are epoch
// milliseconds (bigint read as number) so repositories map rows the same way on both engines.

/** One row per Pipedrive user who installed the app; tokens are encrypted (see token-cipher.ts). */
export const accounts = pgTable(
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
    accessTokenExpiresAt: bigint('access_token_expires_at', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['connected', 'disconnected'] }).notNull(),
    tokenVersion: integer('token_version').notNull().default(0),
    /** Refresh lease: which app instance is refreshing the tokens now, and until when (epoch ms). */
    refreshLockOwner: text('refresh_lock_owner'),
    refreshLockExpiresAt: bigint('refresh_lock_expires_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);

/** See schema.sqlite.ts for what each table and column is for. */
export const calls = pgTable(
  'calls',
  {
    id: text('id').primaryKey(),
    companyId: integer('company_id').notNull(),
    providerCallId: text('provider_call_id'),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    state: text('state', { enum: ['idle', 'ringing', 'connected', 'ended', 'wrapped_up'] }).notNull(),
    agentUserId: integer('agent_user_id'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    ringingAt: bigint('ringing_at', { mode: 'number' }),
    endedAt: bigint('ended_at', { mode: 'number' }),
    missedScope: text('missed_scope', { enum: ['agents', 'company'] }),
    isCallLogged: boolean('is_call_logged').notNull(),
    version: integer('version').notNull(),
    call: jsonb('call').$type<Call>().notNull(),
    ringing: jsonb('ringing').$type<RingingCall>(),
    caller: jsonb('caller').$type<CallerInfo>(),
    missedBy: jsonb('missed_by').$type<MissedBy>(),
    agentTabId: text('agent_tab_id'),
  },
  (table) => [
    uniqueIndex('calls_provider_call_id_unique').on(table.providerCallId),
    uniqueIndex(AGENT_BUSY_INDEX).on(table.companyId, table.agentUserId).where(sql.raw(AGENT_HOLDS_CALL_SQL)),
    index('calls_company_state_idx').on(table.companyId, table.state),
    index('calls_state_ringing_at_idx').on(table.state, table.ringingAt),
    index('calls_state_logged_ended_at_idx').on(table.state, table.isCallLogged, table.endedAt),
    index('calls_company_created_at_idx').on(table.companyId, table.createdAt),
    index('calls_company_missed_ended_at_idx').on(table.companyId, table.missedScope, table.endedAt),
  ],
);

export const callAgents = pgTable(
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

export const missedCallsSeen = pgTable(
  'missed_calls_seen',
  {
    companyId: integer('company_id').notNull(),
    userId: integer('user_id').notNull(),
    seenAt: bigint('seen_at', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);

export const outbox = pgTable(
  'outbox',
  {
    sequence: bigserial('sequence', { mode: 'number' }).primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    companyId: integer('company_id').notNull(),
    actingUserId: integer('acting_user_id'),
    callId: text('call_id').notNull(),
    write: jsonb('write').$type<PipedriveWrite>().notNull(),
    status: text('status', { enum: ['pending', 'delivering', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(),
    lastError: text('last_error'),
    outcomeUnknown: boolean('outcome_unknown').notNull().default(false),
    result: jsonb('result').$type<{ id: number | string }>(),
    enqueuedAt: bigint('enqueued_at', { mode: 'number' }).notNull(),
    deliveredAt: bigint('delivered_at', { mode: 'number' }),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: bigint('lease_expires_at', { mode: 'number' }),
    /** Delivered only once the entry with this key is (a recording after its call log), not in the call's order. */
    afterKey: text('after_key'),
  },
  (table) => [
    uniqueIndex('outbox_idempotency_key_unique').on(table.idempotencyKey),
    index('outbox_status_next_attempt_idx').on(table.status, table.nextAttemptAt),
    index('outbox_call_sequence_idx').on(table.callId, table.sequence),
  ],
);

export const callerPreferences = pgTable(
  'caller_preferences',
  {
    companyId: integer('company_id').notNull(),
    phoneE164: text('phone_e164').notNull(),
    personId: integer('person_id').notNull(),
    dealId: integer('deal_id'),
    chosenAt: bigint('chosen_at', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.phoneE164] })],
);

export const companySettings = pgTable('company_settings', {
  companyId: integer('company_id').primaryKey(),
  defaultRegion: text('default_region'),
  createCallbackForMissedCalls: boolean('create_callback_for_missed_calls').notNull(),
  companyPhoneNumber: text('company_phone_number'),
  ringTimeoutSeconds: integer('ring_timeout_seconds').notNull(),
  /** 'mock' | 'sip' | 'twilio'; null = the configured default (TELEPHONY_PROVIDER). */
  telephonyProvider: text('telephony_provider'),
  /** null = SIP_WEBSOCKET_URL. */
  sipWebSocketUrl: text('sip_websocket_url'),
  /** null = SIP_DOMAIN. */
  sipDomain: text('sip_domain'),
  /** Windows record SIP calls; recordings go to the call logs. */
  recordCalls: boolean('record_calls').notNull().default(false),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  updatedByUserId: integer('updated_by_user_id').notNull(),
});

/** An agent's SIP account; the password is encrypted with the OAuth tokens' cipher. */
export const sipAccounts = pgTable(
  'sip_accounts',
  {
    companyId: integer('company_id').notNull(),
    userId: integer('user_id').notNull(),
    username: text('username').notNull(),
    passwordEncrypted: text('password_encrypted').notNull(),
    callerId: text('caller_id'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);

/** Live SIP calls and when a window last reported on them (the vanished-window sweep reads it). */
export const sipLiveCalls = pgTable(
  'sip_live_calls',
  {
    callId: text('call_id').primaryKey(),
    companyId: integer('company_id').notNull(),
    lastHeardAt: bigint('last_heard_at', { mode: 'number' }).notNull(),
  },
  (table) => [index('sip_live_calls_last_heard_at_idx').on(table.lastHeardAt)],
);

/** What the agent typed so far for a call, kept while the window types (a reload, another tab, the automatic log read it). */
export const callNotesDrafts = pgTable('call_notes_drafts', {
  callId: text('call_id').primaryKey(),
  companyId: integer('company_id').notNull(),
  text: text('text').notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

/**
 * Recordings of calls made by the agents' windows, until the outbox attached them to the call log;
 * the bytes are then dropped (null) and the row stays, so a second upload is still refused.
 */
export const callRecordings = pgTable('call_recordings', {
  callId: text('call_id').primaryKey(),
  companyId: integer('company_id').notNull(),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes'),
  size: integer('size').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

/** "Available" / "Do not disturb" per agent, shared by their tabs and every instance; no row = available. */
export const agentAvailability = pgTable(
  'agent_availability',
  {
    companyId: integer('company_id').notNull(),
    userId: integer('user_id').notNull(),
    available: boolean('available').notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);
