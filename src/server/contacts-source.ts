import type { AccountKey } from '@/adapters/db/account-repository';
import type { PipedriveGateway } from '@/adapters/pipedrive/pipedrive-gateway';
import type { ContactsSource } from '@/application/contacts/contacts-source.port';

/** Binds the contact use cases to one account's Pipedrive. */
export function contactsSourceFor(pipedrive: PipedriveGateway, key: AccountKey): ContactsSource {
  return {
    listPersons: (page) => pipedrive.listPersons(key, page),
    getOrganizationNames: (ids) => pipedrive.getOrganizationNames(key, ids),
    searchPersons: (term, options) => pipedrive.searchPersons(key, term, options),
  };
}
