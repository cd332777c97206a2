import { PipedriveWriteFailure, type PipedriveAccountRef, type PipedriveWriter } from '@/application/outbox/pipedrive-writer.port';
import type { AccountKey, AccountRepository } from '@/adapters/db/account-repository';
import { AccountUnavailableError } from './pipedrive-error';
import type { PipedriveGateway } from './pipedrive-gateway';

type GatewayWrites = Pick<PipedriveGateway, 'addPerson' | 'addCallLog' | 'addNote' | 'addActivity' | 'addCallLogRecording'>;
export type WritingAccounts = Pick<AccountRepository, 'find' | 'listConnectedByCompany'>;

/**
 * No connected account of the company can write (token revoked, app uninstalled): a write failure
 * with `accountUnavailable: true`, which the outbox worker reads as "wait for a reconnect", not as
 * a failed write.
 */
export class NoConnectedAccountError extends PipedriveWriteFailure {
  constructor(cause?: unknown) {
    super('no user of the company has the app connected to Pipedrive', { retryable: false, accountUnavailable: true }, { cause });
    this.name = 'NoConnectedAccountError';
  }
}

/**
 * Whose connection performs a write: the acting user's; when there is none (a missed call) or
 * that user disconnected, any connected user of the company. The reconciler asks the same.
 */
export async function writingAccountFor(accounts: WritingAccounts, ref: PipedriveAccountRef): Promise<AccountKey> {
  if (ref.userId !== null) {
    const account = await accounts.find({ companyId: ref.companyId, userId: ref.userId });
    if (account?.status === 'connected') return { companyId: ref.companyId, userId: ref.userId };
  }
  const [anyone] = await accounts.listConnectedByCompany(ref.companyId);
  if (anyone) return { companyId: anyone.companyId, userId: anyone.userId };
  throw new NoConnectedAccountError();
}

/** Runs a Pipedrive request for the outbox: a grant lost meanwhile (revoked on refresh) becomes `NoConnectedAccountError`. */
export async function forOutbox<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof AccountUnavailableError) throw new NoConnectedAccountError(error);
    throw error;
  }
}

/**
 * The outbox worker's `PipedriveWriter` on top of the gateway. Gateway errors (`PipedriveError`)
 * pass through unchanged: the worker decides retries from `retryable`.
 */
export function createPipedriveWriter(deps: { gateway: GatewayWrites; accounts: WritingAccounts }): PipedriveWriter {
  const { gateway, accounts } = deps;
  const accountFor = (ref: PipedriveAccountRef) => writingAccountFor(accounts, ref);

  return {
    createPerson: (ref, payload) =>
      forOutbox(async () => {
        const person = await gateway.addPerson(await accountFor(ref), { name: payload.name, phones: payload.phones.map((phone) => ({ ...phone })) });
        return { id: person.id };
      }),
    createCallLog: (ref, payload) => forOutbox(async () => gateway.addCallLog(await accountFor(ref), { ...payload })),
    createNote: (ref, payload) => forOutbox(async () => gateway.addNote(await accountFor(ref), { ...payload })),
    createActivity: (ref, payload) =>
      forOutbox(async () => {
        // v2 activities name the assignee `owner_id`.
        const { user_id: ownerId, ...rest } = payload;
        return gateway.addActivity(await accountFor(ref), { ...rest, ...(ownerId === undefined ? {} : { owner_id: ownerId }) });
      }),
    // Delivered means "the call log has a recording": a 409 (it had one already) counts too.
    attachRecording: (ref, recording) =>
      forOutbox(async () => {
        await gateway.addCallLogRecording(await accountFor(ref), recording.callLogId, recording);
        return { id: recording.callLogId };
      }),
  };
}
