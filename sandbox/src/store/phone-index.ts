import { canonicalDigits, MIN_PARTIAL_DIGITS, phoneMatches, suffixKey } from './phone-digits';

interface IndexedPhone {
  personId: number;
  digits: string;
}

/**
 * Phone numbers of all persons, by digits. Exact lookups go through a suffix map (O(1) with 10 000
 * persons); partial lookups scan the flat digit list, which stays well under a millisecond.
 */
export class PhoneIndex {
  private readonly bySuffix = new Map<string, IndexedPhone[]>();
  private readonly all: IndexedPhone[] = [];
  private readonly byPerson = new Map<number, IndexedPhone[]>();

  add(personId: number, values: readonly string[]): void {
    this.remove(personId);
    const entries: IndexedPhone[] = [];
    for (const value of values) {
      const digits = canonicalDigits(value);
      if (!digits) continue;
      const entry = { personId, digits };
      entries.push(entry);
      this.all.push(entry);
      const key = suffixKey(digits);
      if (key) {
        const bucket = this.bySuffix.get(key);
        if (bucket) bucket.push(entry);
        else this.bySuffix.set(key, [entry]);
      }
    }
    this.byPerson.set(personId, entries);
  }

  remove(personId: number): void {
    const entries = this.byPerson.get(personId);
    if (!entries) return;
    this.byPerson.delete(personId);
    const set = new Set(entries);
    for (let i = this.all.length - 1; i >= 0; i--) if (set.has(this.all[i]!)) this.all.splice(i, 1);
    for (const entry of entries) {
      const key = suffixKey(entry.digits);
      const bucket = key ? this.bySuffix.get(key) : undefined;
      if (bucket && key) this.bySuffix.set(key, bucket.filter((e) => e !== entry));
    }
  }

  /** Person ids with a matching number, each once, in ascending id order. */
  find(term: string, exactMatch: boolean): number[] {
    const digits = canonicalDigits(term);
    if (digits.length < MIN_PARTIAL_DIGITS) return [];
    const ids = new Set<number>();
    const key = suffixKey(digits);
    const candidates = exactMatch && key ? (this.bySuffix.get(key) ?? []) : this.all;
    if (exactMatch && !key) {
      // Short exact terms can only equal short stored numbers; scan.
      for (const e of this.all) if (phoneMatches(digits, e.digits, true)) ids.add(e.personId);
    } else {
      for (const e of candidates) if (phoneMatches(digits, e.digits, exactMatch)) ids.add(e.personId);
    }
    return [...ids].sort((a, b) => a - b);
  }

  /** The person's stored numbers that match the term (for scoring). */
  matchingDigits(personId: number, term: string, exactMatch: boolean): string[] {
    const digits = canonicalDigits(term);
    return (this.byPerson.get(personId) ?? []).filter((e) => phoneMatches(digits, e.digits, exactMatch)).map((e) => e.digits);
  }

  clear(): void {
    this.bySuffix.clear();
    this.all.length = 0;
    this.byPerson.clear();
  }
}
