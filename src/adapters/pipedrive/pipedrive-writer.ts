import type { PipedriveAccountRef, PipedriveWriter } from '@/application/outbox/pipedrive-writer.port';
import type { AccountKey, AccountRepository } from '../db/account-repository';
import { PipedriveError } from './pipedrive-error';
import type { PipedriveGateway } from './pipedrive-gateway';

type GatewayWrites = Pick<PipedriveGateway, 'addPerson' | 'addCallLog' | 'addNote' | 'addActivity'>;

/**
 * The outbox worker's `PipedriveWriter` on top of the gateway. The write goes through the acting
 * user's connection; when there is none (a missed call) or that user disconnected, through any
 * connected user of the company. Gateway errors (`PipedriveError`) pass through unchanged: the
 * worker decides retries from `retryable`.
 */
export function createPipedriveWriter(deps: { gateway: GatewayWrites; accounts: Pick<AccountRepository, 'find' | 'listConnectedByCompany'> }): PipedriveWriter {
  const { gateway, accounts } = deps;

  async function accountFor(ref: PipedriveAccountRef): Promise<AccountKey> {
    if (ref.userId !== null) {
      const account = await accounts.find({ companyId: ref.companyId, userId: ref.userId });
      if (account?.status === 'connected') return { companyId: ref.companyId, userId: ref.userId };
    }
    const [anyone] = await accounts.listConnectedByCompany(ref.companyId);
    if (anyone) return { companyId: anyone.companyId, userId: anyone.userId };
    throw new PipedriveError({ kind: 'auth', status: 401, message: 'no user of the company has the app connected to Pipedrive', retryable: false });
  }

  return {
    async createPerson(ref, payload) {
      const person = await gateway.addPerson(await accountFor(ref), { name: payload.name, phones: payload.phones.map((phone) => ({ ...phone })) });
      return { id: person.id };
    },
    async createCallLog(ref, payload) {
      return gateway.addCallLog(await accountFor(ref), { ...payload });
    },
    async createNote(ref, payload) {
      return gateway.addNote(await accountFor(ref), { ...payload });
    },
    async createActivity(ref, payload) {
      // v2 activities name the assignee `owner_id`.
      const { user_id: ownerId, ...rest } = payload;
      return gateway.addActivity(await accountFor(ref), { ...rest, ...(ownerId === undefined ? {} : { owner_id: ownerId }) });
    },
  };
}
