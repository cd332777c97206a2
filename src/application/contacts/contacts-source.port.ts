/** What the contact use cases need from the CRM, for one account (the Pipedrive gateway provides it). */
export interface SourcePerson {
  id: number;
  name: string;
  phones: { value: string; label: string | null; primary: boolean }[];
  orgId: number | null;
}

export interface SourceSearchHit {
  id: number;
  name: string;
  phones: string[];
  organizationName: string | null;
  pictureUrl: string | null;
}

export type SearchField = 'name' | 'phone' | 'email' | 'notes' | 'custom_fields';

export interface ContactsSource {
  listPersons(page: { cursor: string | null; limit: number }): Promise<{ items: SourcePerson[]; nextCursor: string | null }>;
  getOrganizationNames(ids: number[]): Promise<Map<number, string>>;
  searchPersons(term: string, options: { fields: SearchField[]; exactMatch: boolean; limit: number }): Promise<SourceSearchHit[]>;
}
