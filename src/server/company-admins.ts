import type { AccountKey } from '@/adapters/db/account-repository';

/** Who may change a company's settings: its Pipedrive admins. */
export interface CompanyAdmins {
  /** Rejects when Pipedrive cannot be asked (PipedriveError, AccountUnavailableError). */
  isAdmin(key: AccountKey): Promise<boolean>;
}

export interface CompanyAdminsOptions {
  /** Asks Pipedrive (`users/me` with the user's own token). */
  lookUp(key: AccountKey): Promise<boolean>;
  /** How long an answer is reused: a right taken away in Pipedrive applies after at most this. */
  ttlMs?: number;
  now?: () => number;
}

const DEFAULT_TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;

/** Admin rights are not stored with the account, so they are asked for and remembered briefly. */
export function createCompanyAdmins({ lookUp, ttlMs = DEFAULT_TTL_MS, now = Date.now }: CompanyAdminsOptions): CompanyAdmins {
  const cache = new Map<string, { answer: Promise<boolean>; expiresAt: number }>();
  return {
    isAdmin(key) {
      const id = `${key.companyId}:${key.userId}`;
      const at = now();
      const cached = cache.get(id);
      if (cached !== undefined && cached.expiresAt > at) return cached.answer;
      if (cache.size >= MAX_ENTRIES) cache.clear();
      const entry = { answer: lookUp(key), expiresAt: at + ttlMs };
      cache.set(id, entry);
      entry.answer.catch(() => {
        if (cache.get(id) === entry) cache.delete(id);
      });
      return entry.answer;
    },
  };
}
