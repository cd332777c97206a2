import { asc, eq, lt } from 'drizzle-orm';
import type { CallHeartbeats } from '@/application/ports/call-heartbeats.port';
import type { Database } from './database';

/** `CallHeartbeats` in the `sip_live_calls` table: every instance sees every window's reports. */
export function createCallHeartbeatStore(database: Database): CallHeartbeats {
  const { db, tables } = database;
  const { sipLiveCalls } = tables;
  return {
    async heard(call, at) {
      await db
        .insert(sipLiveCalls)
        .values({ callId: call.callId, companyId: call.companyId, lastHeardAt: at })
        .onConflictDoUpdate({ target: sipLiveCalls.callId, set: { lastHeardAt: at } });
    },
    async listSilentSince(before, limit) {
      const rows = await db
        .select({ companyId: sipLiveCalls.companyId, callId: sipLiveCalls.callId })
        .from(sipLiveCalls)
        .where(lt(sipLiveCalls.lastHeardAt, before))
        .orderBy(asc(sipLiveCalls.lastHeardAt))
        .limit(limit);
      return rows;
    },
    async forget(callId) {
      await db.delete(sipLiveCalls).where(eq(sipLiveCalls.callId, callId));
    },
  };
}
