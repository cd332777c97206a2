import type { DealStatus } from '../store/types';

/** Stored as a person's name to let security tests check that every screen escapes CRM data. */
export const XSS_NAME = '<img src=x onerror=alert(1)>';

export interface FixedPerson {
  first: string;
  last: string;
  phones: readonly string[];
  picture: boolean;
  /** Index into the generated organizations, or null for no organization. */
  orgIndex: number | null;
  deals: readonly DealStatus[];
}

/**
 * The first persons (ids 1..12) are fixed so tests, demos and docs can rely on them; every other
 * person is generated. Numbers are written the way a CRM user would type them, in different styles.
 */
export const FIXED_PERSONS: readonly FixedPerson[] = [
  { first: 'Harriet', last: 'Wells', phones: ['+44 20 7946 0958'], picture: true, orgIndex: 0, deals: ['open', 'open', 'won'] },
  { first: 'Samuel', last: 'Reed', phones: ['(415) 555-0134', '+1 415 555 0199'], picture: true, orgIndex: 1, deals: ['open'] },
  { first: 'Greta', last: 'Vogel', phones: ['+49 30 90182736'], picture: false, orgIndex: 2, deals: [] },
  { first: 'Kertu', last: 'Kask', phones: ['+372 5123 4567'], picture: true, orgIndex: null, deals: ['lost'] },
  { first: 'Amélie', last: 'Laurent', phones: ['06 14 25 36 47'], picture: false, orgIndex: 3, deals: ['open', 'lost'] },
  { first: 'Thiago', last: 'Costa', phones: ['+55 21 99876-1234'], picture: false, orgIndex: 4, deals: ['won'] },
  { first: 'Ravi', last: 'Menon', phones: ['+91 98450 12367'], picture: true, orgIndex: 5, deals: ['open'] },
  // Two persons sharing one number, written differently: lookups must offer both.
  { first: 'Pat', last: 'Morgan', phones: ['+1 212 555 0147'], picture: false, orgIndex: 6, deals: ['open'] },
  { first: 'Chris', last: 'Morgan', phones: ['(212) 555-0147'], picture: false, orgIndex: 6, deals: [] },
  { first: XSS_NAME, last: '', phones: ['+44 7700 900123'], picture: false, orgIndex: null, deals: ['open'] },
  { first: 'Nora', last: 'Quiet', phones: [], picture: false, orgIndex: null, deals: [] },
  { first: 'Mia', last: 'Multi', phones: ['+33 7 98 76 54 32', '0049 151 23456789', '+372 5555 0101'], picture: true, orgIndex: 7, deals: ['open', 'open'] },
];
