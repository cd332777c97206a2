import { and, eq } from 'drizzle-orm';
import type { TokenCipher } from '@/adapters/session/token-cipher';
import type { Database } from './database';

/** An agent's SIP account as the app keeps it; the password only ever leaves here decrypted for the digest hash. */
export interface SipAccount {
  readonly username: string;
  readonly password: string;
  readonly callerId: string | null;
}

export interface SipAccountChange {
  readonly username: string;
  /** Undefined keeps the stored password. */
  readonly password?: string | undefined;
  readonly callerId: string | null;
}

export interface SipAccountStore {
  find(agent: AgentKey): Promise<SipAccount | undefined>;
  /** False when no password is given and none is stored (nothing saved). */
  save(agent: AgentKey, change: SipAccountChange, at: number): Promise<boolean>;
}

export interface AgentKey {
  readonly companyId: number;
  readonly userId: number;
}

/** The cipher's context binds a ciphertext to its row: copied to another agent's row it does not decrypt. */
const cipherContext = (agent: AgentKey) => `sip-password:${agent.companyId}:${agent.userId}`;

/** Per-agent SIP accounts in the app database; passwords encrypted with the OAuth tokens' cipher. */
export function createSipAccountStore(database: Database, cipher: TokenCipher): SipAccountStore {
  const { db, tables } = database;
  const { sipAccounts } = tables;
  const whereAgent = (agent: AgentKey) => and(eq(sipAccounts.companyId, agent.companyId), eq(sipAccounts.userId, agent.userId));

  return {
    async find(agent) {
      const [row] = await db.select().from(sipAccounts).where(whereAgent(agent)).limit(1);
      if (row === undefined) return undefined;
      return { username: row.username, password: cipher.decrypt(row.passwordEncrypted, cipherContext(agent)), callerId: row.callerId };
    },
    async save(agent, change, at) {
      const columns = { username: change.username, callerId: change.callerId, updatedAt: at };
      if (change.password === undefined) {
        const updated = await db.update(sipAccounts).set(columns).where(whereAgent(agent)).returning({ userId: sipAccounts.userId });
        return updated.length > 0;
      }
      const passwordEncrypted = cipher.encrypt(change.password, cipherContext(agent));
      await db
        .insert(sipAccounts)
        .values({ companyId: agent.companyId, userId: agent.userId, passwordEncrypted, ...columns })
        .onConflictDoUpdate({ target: [sipAccounts.companyId, sipAccounts.userId], set: { passwordEncrypted, ...columns } });
      return true;
    },
  };
}
