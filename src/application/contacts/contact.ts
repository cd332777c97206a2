/** A Pipedrive person the agent can call: the shape `GET /api/contacts*` answers with. */
export interface ContactPhone {
  value: string;
  label: string | null;
  primary: boolean;
}

export interface Contact {
  id: number;
  name: string;
  phones: ContactPhone[];
  organizationName: string | null;
  pictureUrl: string | null;
}

export interface ContactPage {
  items: Contact[];
  nextCursor: string | null;
}
