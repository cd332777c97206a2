import { describe, expect, it } from 'vitest';
import { generateSeed, XSS_NAME } from '../src/seed/generate-seed';
import { createPrng } from '../src/seed/prng';
import { canonicalDigits } from '../src/store/phone-digits';
import { InMemoryStore } from '../src/store/in-memory-store';
import { systemClock } from '../src/clock';

describe('seed data', () => {
  const seed = generateSeed(300);

  it('is deterministic', () => {
    expect(generateSeed(300)).toEqual(seed);
    expect(JSON.stringify(generateSeed(300))).toBe(JSON.stringify(seed));
  });

  it('uses a seeded PRNG', () => {
    const a = createPrng(1);
    const b = createPrng(1);
    expect([a.next(), a.next(), a.int(1, 6)]).toEqual([b.next(), b.next(), b.int(1, 6)]);
    expect(createPrng(2).next()).not.toBe(createPrng(1).next());
  });

  it('has one company with at least 3 users', () => {
    expect(seed.company.id).toBeGreaterThan(0);
    expect(seed.users.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seed.users.map((u) => u.email)).size).toBe(seed.users.length);
  });

  it('has the requested number of persons with the needed variety', () => {
    const { persons } = seed;
    expect(persons).toHaveLength(300);
    expect(persons.filter((p) => p.phones.length === 0).length).toBeGreaterThan(5);
    expect(persons.filter((p) => p.phones.length >= 2).length).toBeGreaterThan(5);
    expect(persons.filter((p) => p.picture_id !== null).length).toBeGreaterThan(10);
    expect(persons.some((p) => p.name === XSS_NAME)).toBe(true);
    const values = persons.flatMap((p) => p.phones.map((ph) => ph.value));
    for (const code of ['+1', '+44', '+49', '+372', '+33', '+55', '+91']) expect(values.some((v) => v.startsWith(code))).toBe(true);
    expect(values.some((v) => v.includes('('))).toBe(true);
    expect(values.some((v) => /^0\d/.test(v))).toBe(true);
    expect(values.some((v) => /\d-\d/.test(v))).toBe(true);
  });

  it('has two persons sharing a number, written differently', () => {
    const byDigits = new Map<string, Set<number>>();
    for (const p of seed.persons) for (const ph of p.phones) {
      const d = canonicalDigits(ph.value).slice(-10);
      byDigits.set(d, (byDigits.get(d) ?? new Set()).add(p.id));
    }
    expect([...byDigits.values()].some((ids) => ids.size === 2)).toBe(true);
  });

  it('has organizations and open, won and lost deals; some persons with several open deals, some with none', () => {
    expect(seed.organizations.length).toBeGreaterThanOrEqual(20);
    const statuses = new Set(seed.deals.map((d) => d.status));
    expect([...statuses].sort()).toEqual(['lost', 'open', 'won']);
    const openByPerson = new Map<number, number>();
    for (const d of seed.deals) if (d.status === 'open' && d.person_id) openByPerson.set(d.person_id, (openByPerson.get(d.person_id) ?? 0) + 1);
    expect([...openByPerson.values()].some((n) => n >= 2)).toBe(true);
    expect(seed.persons.some((p) => !openByPerson.has(p.id))).toBe(true);
  });

  it('scales to 10 000 persons with stable ids and store lookups', () => {
    const store = new InMemoryStore(10_000, systemClock, () => 'http://sandbox.test');
    expect(store.getPerson(10_000)?.id).toBe(10_000);
    expect(store.findPersonsByPhone('020 7946 0958', { exactMatch: true }).map((p) => p.id)).toEqual([1]);
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = store.listPersons({ cursor, limit: 500 });
      count += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(count).toBe(10_000);
  });
});
