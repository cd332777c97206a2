/** What the Pipedrive gateway answers with: plain objects, none of the client library's types. */

export interface PipedriveUser {
  id: number;
  name: string;
  email: string;
  companyId: number;
  companyName: string;
  companyDomain: string | null;
  /** ISO 3166 alpha-2 country of the company, as Pipedrive reports it (`company_country`). */
  companyCountry: string | null;
  /** An admin of the company in Pipedrive (`is_admin`, or an `access[]` entry with `admin`). */
  isAdmin: boolean;
}

export interface PipedrivePhone {
  value: string;
  label: string | null;
  primary: boolean;
}

export interface PipedrivePerson {
  id: number;
  name: string;
  phones: PipedrivePhone[];
  orgId: number | null;
}

export interface PersonSearchHit {
  id: number;
  name: string;
  phones: string[];
  organizationName: string | null;
  organizationId: number | null;
  pictureUrl: string | null;
}

export interface PipedriveDeal {
  id: number;
  title: string;
  status: string;
  value: number | null;
  currency: string | null;
  personId: number | null;
  orgId: number | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type DealStatus = 'open' | 'won' | 'lost' | 'deleted';
export type PersonSearchField = 'custom_fields' | 'email' | 'notes' | 'phone' | 'name';

/** A page of a v1 list: raw items, and where the next page starts (null at the end). */
export interface V1ListPage {
  items: Record<string, unknown>[];
  nextStart: number | null;
}

/** A page of a v2 list: raw items and the next cursor (null at the end). */
export interface V2ListPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}
