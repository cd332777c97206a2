import type { StoreSnapshot } from '../persistence/state-snapshot';
import { generateSeed } from '../seed/generate-seed';
import type { StoreRecords } from './store-records';

/** Every record and id counter, for the state file. Copies nothing: the caller serialises at once. */
export function snapshotOf(records: StoreRecords): StoreSnapshot {
  return {
    company: records.company, users: [...records.users.values()], persons: [...records.persons.values()],
    organizations: [...records.organizations.values()], deals: [...records.deals.values()],
    activities: [...records.activities.values()], callLogs: [...records.callLogs.values()], notes: [...records.notes.values()],
    nextIds: { ...records.nextIds },
  };
}

/** Replaces all of `records` with the snapshot's data, rebuilding the phone index to match. */
export function restoreRecords(records: StoreRecords, snapshot: StoreSnapshot): void {
  records.company = snapshot.company;
  records.users = new Map(snapshot.users.map((u) => [u.id, u]));
  records.organizations = new Map(snapshot.organizations.map((o) => [o.id, o]));
  records.persons = new Map(snapshot.persons.map((p) => [p.id, p]));
  records.deals = new Map(snapshot.deals.map((d) => [d.id, d]));
  records.activities = new Map(snapshot.activities.map((a) => [a.id, a]));
  records.callLogs = new Map(snapshot.callLogs.map((l) => [l.id, l]));
  records.notes = new Map(snapshot.notes.map((n) => [n.id, n]));
  records.phoneIndex.clear();
  for (const p of snapshot.persons) records.phoneIndex.add(p.id, p.phones.map((ph) => ph.value));
  records.nextIds = { ...snapshot.nextIds };
}

/**
 * The deterministic seed in snapshot form, so reseeding and restoring load data the same way.
 * A fresh account has no call logs or notes; ids continue after the seeded records.
 */
export function seedSnapshot(personCount: number): StoreSnapshot {
  const seed = generateSeed(personCount);
  return {
    company: seed.company, users: seed.users, persons: seed.persons, organizations: seed.organizations,
    deals: seed.deals, activities: seed.activities, callLogs: [], notes: [],
    nextIds: {
      person: seed.persons.length + 1,
      activity: seed.activities.length + 1,
      note: 1,
      callLog: 1,
      picture: Math.max(0, ...seed.persons.map((p) => p.picture_id ?? 0)) + 1,
    },
  };
}
