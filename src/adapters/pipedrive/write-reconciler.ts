import { PipedriveWriteFailure } from '@/application/outbox/pipedrive-writer.port';
import type { OutboxDelivery, WriteResult } from '@/application/outbox/outbox-deliveries.port';
import type { ReconcileWrite } from '@/application/outbox/outbox-worker';
import type { Logger } from '@/application/ports/logger.port';
import type { ActivityPayload, CallLogPayload, NotePayload, PersonPayload } from '@/domain/wrap-up';
import type { AccountKey } from '@/adapters/db/account-repository';
import type { PipedriveGateway } from './pipedrive-gateway';
import { forOutbox, writingAccountFor, type WritingAccounts } from './pipedrive-writer';
import { isAddedSince, matchesActivity, matchesCallLog, matchesNote, matchesPerson } from './write-matching';

type GatewayReads = Pick<PipedriveGateway, 'listCallLogsPage' | 'listNotesPage' | 'listRecentPersonsPage' | 'listActivitiesPage' | 'callLogHasRecording'>;
type Item = Record<string, unknown>;

export interface WriteReconcilerOptions {
  readonly gateway: GatewayReads;
  readonly accounts: WritingAccounts;
  readonly logger?: Logger;
  /** How far before the wrap-up was queued a record may have been added (clock skew with Pipedrive). */
  readonly skewMs?: number;
  /** At most this many pages per lookup; beyond it the lookup is inconclusive. */
  readonly maxPages?: number;
}

const DEFAULT_SKEW_MS = 10 * 60_000;
const DEFAULT_MAX_PAGES = 10;
const V1_CALL_LOG_PAGE = 50;
const PAGE = 100;

/**
 * The lookup could not reach a verdict (too many records to read). Retryable: the worker tries
 * again later, as for a failed lookup, and never re-sends on a guess.
 */
export class LookupInconclusiveError extends PipedriveWriteFailure {
  constructor(what: string, pages: number) {
    super(`could not confirm whether Pipedrive already has the ${what}: more than ${pages} pages to read`, { retryable: true });
    this.name = 'LookupInconclusiveError';
  }
}

/**
 * Finds out whether a write whose answer was lost landed in Pipedrive (docs/WRAP-UP-DELIVERY.md).
 * Reads through the same account the writer uses; the gateway retries its reads on 429/5xx, and
 * any failure left is thrown: the worker then retries the lookup later instead of re-sending.
 */
export function createWriteReconciler(options: WriteReconcilerOptions): ReconcileWrite {
  const { gateway, accounts } = options;
  const skewMs = options.skewMs ?? DEFAULT_SKEW_MS;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;

  return (delivery: OutboxDelivery) =>
    forOutbox(async () => {
      const key = await writingAccountFor(accounts, { companyId: delivery.companyId, userId: delivery.actingUserId });
      const since = delivery.enqueuedAt - skewMs;
      const found = await lookUp(key, delivery, since);
      options.logger?.info({ callId: delivery.callId, key: delivery.idempotencyKey, found: found !== undefined }, 'outbox write with unknown outcome looked up');
      return found;
    });

  function lookUp(key: AccountKey, delivery: OutboxDelivery, since: number): Promise<WriteResult | undefined> {
    const { write } = delivery;
    switch (write.kind) {
      case 'create_call_log':
        return findCallLog(key, write.payload);
      case 'create_note':
        return findNote(key, write.payload, since);
      case 'create_person':
        return findPerson(key, write.payload, since);
      case 'create_activity':
        return findActivity(key, write.payload, since);
      case 'attach_recording':
        return findRecording(key, write.payload.callLogId);
    }
  }

  /** One recording per call log: a call log that has one has ours (`has_recording`). */
  async function findRecording(key: AccountKey, callLogId: string | undefined): Promise<WriteResult | undefined> {
    if (callLogId === undefined) return undefined;
    return (await gateway.callLogHasRecording(key, callLogId)) ? { id: callLogId } : undefined;
  }

  /** `GET /v1/callLogs` has no filter and no documented order: read the user's logs page by page. */
  async function findCallLog(key: AccountKey, sent: CallLogPayload): Promise<WriteResult | undefined> {
    let start: number | null = 0;
    for (let page = 0; page < maxPages && start !== null; page += 1) {
      const { items, nextStart }: { items: Item[]; nextStart: number | null } = await gateway.listCallLogsPage(key, { start, limit: V1_CALL_LOG_PAGE });
      const match = items.find((item) => matchesCallLog(item, sent));
      // The writer records call log ids as strings (Pipedrive's type for them).
      if (match) return { id: String(resultOf(match).id) };
      start = nextStart;
    }
    if (start !== null) throw new LookupInconclusiveError('call log', maxPages);
    return undefined;
  }

  /** `GET /v1/notes` of the person (or deal) from the window's first day, newest first. */
  async function findNote(key: AccountKey, sent: NotePayload, since: number): Promise<WriteResult | undefined> {
    if (sent.person_id === undefined && sent.deal_id === undefined) return undefined;
    const filter = { personId: sent.person_id, dealId: sent.deal_id, startDate: new Date(since).toISOString().slice(0, 10) };
    let start: number | null = 0;
    for (let page = 0; page < maxPages && start !== null; page += 1) {
      const { items, nextStart }: { items: Item[]; nextStart: number | null } = await gateway.listNotesPage(key, { ...filter, start, limit: PAGE });
      const match = items.find((item) => matchesNote(item, sent, since));
      if (match) return resultOf(match);
      if (items.some((item) => !isAddedSince(item, since))) return undefined;
      start = nextStart;
    }
    if (start !== null) throw new LookupInconclusiveError('note', maxPages);
    return undefined;
  }

  /** `GET /v2/persons` newest first, until the window starts (no search index: new persons show at once). */
  async function findPerson(key: AccountKey, sent: PersonPayload, since: number): Promise<WriteResult | undefined> {
    return scanNewestFirst('contact', since, (item) => matchesPerson(item, sent, since), (cursor) => gateway.listRecentPersonsPage(key, { cursor, limit: PAGE }));
  }

  /** `GET /v2/activities` of the person, deal or assignee updated since the window started, newest first. */
  async function findActivity(key: AccountKey, sent: ActivityPayload, since: number): Promise<WriteResult | undefined> {
    const filter = sent.person_id !== undefined ? { personId: sent.person_id } : sent.deal_id !== undefined ? { dealId: sent.deal_id } : { ownerId: sent.user_id ?? key.userId };
    const updatedSince = new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return scanNewestFirst('call-back activity', since, (item) => matchesActivity(item, sent, since), (cursor) =>
      gateway.listActivitiesPage(key, { ...filter, updatedSince, cursor, limit: PAGE }),
    );
  }

  async function scanNewestFirst(
    what: string,
    since: number,
    matches: (item: Item) => boolean,
    readPage: (cursor: string | null) => Promise<{ items: Item[]; nextCursor: string | null }>,
  ): Promise<WriteResult | undefined> {
    let cursor: string | null = null;
    for (let page = 0; page < maxPages; page += 1) {
      const { items, nextCursor }: { items: Item[]; nextCursor: string | null } = await readPage(cursor);
      const match = items.find(matches);
      if (match) return resultOf(match);
      // Sorted by add time, newest first: past the window's start nothing can be ours.
      if (nextCursor === null || items.some((item) => !isAddedSince(item, since))) return undefined;
      cursor = nextCursor;
    }
    throw new LookupInconclusiveError(what, maxPages);
  }
}

function resultOf(item: Item): WriteResult {
  const id = item.id;
  if (typeof id === 'number' || typeof id === 'string') return { id };
  throw new LookupInconclusiveError('record (it has no id)', 0);
}
