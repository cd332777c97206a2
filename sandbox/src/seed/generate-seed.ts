import type { Activity, Deal, DealStatus, Organization, Person, PersonContactValue, SandboxCompany, SandboxUser } from '../store/types';
import { canonicalDigits, suffixKey } from '../store/phone-digits';
import { createPrng, type Prng } from './prng';
import { DEAL_WORDS, FIRST_NAMES, LAST_NAMES, ORG_WORDS } from './seed-names';
import { formatPhone, PHONE_PLANS } from './phone-formats';
import { FIXED_PERSONS, XSS_NAME } from './fixed-persons';

export interface SeedData {
  company: SandboxCompany;
  users: SandboxUser[];
  organizations: Organization[];
  persons: Person[];
  deals: Deal[];
  activities: Activity[];
}

export const SEED = 20240917;
/** All seed timestamps derive from this instant, not from the clock, so reseeding is identical. */
const SEED_EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);
const DAY = 86_400_000;

export const SANDBOX_COMPANY: SandboxCompany = {
  id: 7351,
  name: 'Sandbox Trading Co',
  domain: 'sandbox-trading',
  country: 'US',
  industry: 'Software',
};

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function seedUsers(): SandboxUser[] {
  const base = iso(SEED_EPOCH - 400 * DAY);
  const user = (id: number, name: string, email: string, isAdmin: boolean, tz: [string, string]): SandboxUser => ({
    id, name, email, phone: null, is_admin: isAdmin, locale: 'en_US', lang: 1, default_currency: 'EUR',
    timezone_name: tz[0], timezone_offset: tz[1], icon_url: null, active_flag: true,
    created: base, modified: base, last_login: iso(SEED_EPOCH - DAY),
  });
  return [
    user(20001, 'Alice Admin', 'alice@sandbox-trading.example', true, ['Europe/Tallinn', '+02:00']),
    user(20002, 'Bob Caller', 'bob@sandbox-trading.example', false, ['Europe/London', '+00:00']),
    user(20003, 'Carol Closer', 'carol@sandbox-trading.example', false, ['America/New_York', '-05:00']),
    user(20004, 'Dmitri Dialer', 'dmitri@sandbox-trading.example', false, ['Europe/Berlin', '+01:00']),
  ];
}

function seedOrganizations(prng: Prng, count: number, ownerIds: number[]): Organization[] {
  const orgs: Organization[] = [];
  const used = new Set<string>();
  for (let id = 1; orgs.length < count; id++) {
    let name = `${prng.pick(ORG_WORDS.first)} ${prng.pick(ORG_WORDS.second)} ${prng.pick(ORG_WORDS.suffix)}`;
    if (used.has(name)) name = `${name} ${id}`;
    used.add(name);
    const t = iso(SEED_EPOCH - prng.int(30, 700) * DAY);
    orgs.push({
      id, name, owner_id: prng.pick(ownerIds), add_time: t, update_time: t, is_deleted: false, visible_to: 3,
      address: null, label_ids: [], website: null, custom_fields: {},
    });
  }
  return orgs;
}

interface PhoneFactory {
  next(prng: Prng): { value: string; country: string };
}

/** Random numbers that never collide (by last 7 digits) with each other or with the fixed persons. */
function createPhoneFactory(reserved: Set<string>): PhoneFactory {
  return {
    next(prng) {
      for (;;) {
        const plan = prng.pick(PHONE_PLANS);
        const groups = plan.generate(prng);
        const value = formatPhone(plan, groups, prng.int(0, 7));
        const key = suffixKey(canonicalDigits(value));
        if (key && !reserved.has(key)) {
          reserved.add(key);
          return { value, country: plan.country };
        }
      }
    },
  };
}

const LABELS = ['work', 'mobile', 'home', 'other'] as const;

function contactValues(values: string[], prng: Prng): PersonContactValue[] {
  return values.map((value, i) => ({ value, primary: i === 0, label: i === 0 ? 'work' : prng.pick(LABELS) }));
}

function emailFor(first: string, last: string, id: number): string {
  const ascii = (s: string) => s.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();
  return `${ascii(first)}.${ascii(last)}${id}@example.com`;
}

function seedPersons(prng: Prng, count: number, orgs: Organization[], ownerIds: number[]): Person[] {
  const reserved = new Set<string>();
  for (const fixed of FIXED_PERSONS) for (const phone of fixed.phones) {
    const key = suffixKey(canonicalDigits(phone));
    if (key) reserved.add(key);
  }
  const phones = createPhoneFactory(reserved);
  const persons: Person[] = [];
  const make = (id: number, first: string, last: string, phoneValues: string[], opts: { orgId: number | null; picture: boolean; email: boolean }): Person => {
    const t = iso(SEED_EPOCH - prng.int(1, 600) * DAY);
    return {
      id, name: last ? `${first} ${last}` : first, first_name: first, last_name: last,
      owner_id: prng.pick(ownerIds), org_id: opts.orgId, add_time: t, update_time: t,
      emails: opts.email ? contactValues([emailFor(first, last, id)], prng) : [],
      phones: contactValues(phoneValues, prng), is_deleted: false, visible_to: 3, label_ids: [],
      picture_id: null, custom_fields: {},
      ...(opts.picture ? { picture_id: -1 } : {}),
    };
  };
  FIXED_PERSONS.slice(0, count).forEach((fixed, i) => {
    const orgId = fixed.orgIndex === null ? null : (orgs[fixed.orgIndex % orgs.length]?.id ?? null);
    persons.push(make(i + 1, fixed.first, fixed.last, [...fixed.phones], { orgId, picture: fixed.picture, email: fixed.phones.length > 0 }));
  });
  for (let id = persons.length + 1; id <= count; id++) {
    const countryRoll = prng.pick(PHONE_PLANS).country;
    const first = prng.pick(FIRST_NAMES[countryRoll]!);
    const last = prng.pick(LAST_NAMES[countryRoll]!);
    const roll = prng.next();
    // ~12% without phones, ~18% with two or three numbers.
    const phoneCount = roll < 0.12 ? 0 : roll < 0.82 ? 1 : prng.int(2, 3);
    const values = Array.from({ length: phoneCount }, () => phones.next(prng).value);
    const orgId = prng.chance(0.7) ? prng.pick(orgs).id : null;
    persons.push(make(id, first, last, values, { orgId, picture: prng.chance(0.25), email: prng.chance(0.8) }));
  }
  // Picture ids are assigned in person order so they are stable too.
  let pictureId = 1;
  for (const p of persons) if (p.picture_id === -1) p.picture_id = pictureId++;
  return persons;
}

function seedDeals(prng: Prng, persons: Person[], ownerIds: number[]): Deal[] {
  const deals: Deal[] = [];
  const add = (person: Person, status: DealStatus): void => {
    const id = deals.length + 1;
    const added = SEED_EPOCH - prng.int(10, 300) * DAY;
    const closed = status === 'won' || status === 'lost' ? iso(added + prng.int(1, 9) * DAY) : null;
    deals.push({
      id, title: `${prng.pick(DEAL_WORDS)} – ${person.name}`, owner_id: prng.pick(ownerIds), person_id: person.id,
      org_id: person.org_id, pipeline_id: 1, stage_id: prng.int(1, 5), value: prng.int(5, 500) * 100, currency: 'EUR',
      add_time: iso(added), update_time: closed ?? iso(added), stage_change_time: null, is_deleted: status === 'deleted',
      is_archived: false, status, probability: null, lost_reason: status === 'lost' ? 'Price' : null, visible_to: 3,
      close_time: closed, won_time: status === 'won' ? closed : null, lost_time: status === 'lost' ? closed : null,
      expected_close_date: status === 'open' ? iso(SEED_EPOCH + prng.int(5, 90) * DAY).slice(0, 10) : null,
      label_ids: [], custom_fields: {},
    });
  };
  for (const person of persons) {
    const fixed = FIXED_PERSONS[person.id - 1];
    const statuses: DealStatus[] = fixed
      ? [...fixed.deals]
      : prng.chance(0.45)
        ? []
        : Array.from({ length: prng.int(1, 3) }, () => prng.pick<DealStatus>(['open', 'open', 'open', 'won', 'lost']));
    for (const status of statuses) add(person, status);
  }
  return deals;
}

function seedActivities(persons: Person[], deals: Deal[], users: SandboxUser[]): Activity[] {
  // A few past calls on the fixed persons so the UI's person pages are not empty.
  return persons.slice(0, 4).map((person, i) => {
    const t = iso(SEED_EPOCH - (i + 1) * DAY);
    const deal = deals.find((d) => d.person_id === person.id && d.status === 'open') ?? null;
    return {
      id: i + 1, subject: `Call with ${person.name}`, type: 'call', owner_id: users[i % users.length]!.id,
      creator_user_id: users[i % users.length]!.id, is_deleted: false, add_time: t, update_time: t,
      deal_id: deal?.id ?? null, lead_id: null, person_id: person.id, org_id: person.org_id,
      due_date: t.slice(0, 10), due_time: '10:00', duration: '00:15', busy: true, done: true,
      marked_as_done_time: t, participants: [{ person_id: person.id, primary: true }],
      public_description: null, priority: null, note: null,
    };
  });
}

/** Deterministic: the same personCount always yields byte-identical data. */
export function generateSeed(personCount: number): SeedData {
  const prng = createPrng(SEED);
  const users = seedUsers();
  const ownerIds = users.map((u) => u.id);
  const organizations = seedOrganizations(prng, Math.max(20, Math.ceil(personCount / 10)), ownerIds);
  const persons = seedPersons(prng, personCount, organizations, ownerIds);
  const deals = seedDeals(prng, persons, ownerIds);
  const activities = seedActivities(persons, deals, users);
  return { company: { ...SANDBOX_COMPANY }, users, organizations, persons, deals, activities };
}

export { XSS_NAME };
